package palsim.core.feedback;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An engine's view of one feedback projection B_ℓ, through which a {@link FeedbackRule} acts.
 *
 * <p>Conventions shared by both models (see docs/feedback-rules.md): W_ℓ maps population ℓ−1 to
 * population ℓ and is stored post × pre (n_ℓ × n_{ℓ−1}); B_ℓ maps population ℓ+1 back to
 * population ℓ and has the shape of W_{ℓ+1}ᵀ (n_ℓ × n_{ℓ+1}); ℓ = 1 … N−1 counts from the first
 * hidden population. The numerics live in the engine because each engine has its own memory layout
 * (seed lanes in the microcircuit, batches in LE networks); the rule decides what happens when.
 */
public interface FeedbackProjection {

    /** ℓ, the population this projection feeds back into (1 = first hidden population). */
    int layer();

    /**
     * B_ℓ := W_{ℓ+1}ᵀ. The microcircuit also sets its interneuron-to-pyramid weights B^PI_ℓ := −B_ℓ
     * (microcircuit.md §3.4). An engine that transports through Wᵀ directly may keep no copy of B.
     */
    void tieToForward();

    /** Draws B_ℓ from the engine's initial distribution for random feedback weights. */
    void drawRandomFeedback(UniformRandomProvider rng);

    /**
     * The PAL feedback update B_ℓ ← B_ℓ + rate·(⟨ξ_ℓ h_{ℓ+1}ᵀ⟩ − decay·B_ℓ), with ξ_ℓ the
     * exploratory noise of population ℓ, h_{ℓ+1} the high-pass-filtered rates of population ℓ+1
     * (⟨·⟩ = batch mean where there is a batch) and both at the time points the model's spec
     * prescribes.
     *
     * @param rate the learning rate times the time step, η·dt
     * @param decay the decay (regulariser) α
     */
    void learnFromNoise(double rate, double decay);
}
