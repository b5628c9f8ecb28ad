package palsim.core.feedback;

/**
 * A signal a feedback rule correlates to learn B_ℓ ({@link FeedbackProjection#learnFromCorrelation}).
 * Each engine documents the exact time point at which it takes each signal (microcircuit.md and
 * le-network.md); what they mean is common to both models.
 */
public enum FeedbackSignal {
    /** ξ, the exploratory noise injected into the population ({@link FeedbackRule#noise()}). */
    NOISE,
    /**
     * r, the rates. For the population below (ℓ) they are the presynaptic rates the update of
     * W_{ℓ+1} reads; for the population above (ℓ+1) this step's rates.
     */
    RATES,
    /** h, the high-pass-filtered rates ({@link FeedbackRule#highPassTau()} must be > 0). */
    HIGH_PASSED_RATES,
    /**
     * The postsynaptic factor of this step's update of W_{ℓ+1}, learning rate and dt included, so
     * that the correlation of {@link #RATES} below with it is ΔW_{ℓ+1}ᵀ itself; only while W_{ℓ+1}
     * learns ({@link FeedbackProjection#forwardLearningRate()} > 0). Valid for the population above.
     */
    FORWARD_UPDATE
}
