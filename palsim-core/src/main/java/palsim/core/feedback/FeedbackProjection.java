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
 *
 * <p>The operations are generic: every rule palsim ships is a combination of them. A rule asks for
 * at most one change of B_ℓ per step, and an engine may carry it out later in the step than the
 * call (see docs/feedback-rules.md), so a rule asks and does not read B back.
 */
public interface FeedbackProjection {

    /** ℓ, the population this projection feeds back into (1 = first hidden population). */
    int layer();

    /**
     * B_ℓ := an image of W_{ℓ+1} (the W of before this step's update). The microcircuit also sets
     * its interneuron-to-pyramid weights B^PI_ℓ := −B_ℓ (microcircuit.md §3.4), so that the apical
     * potential keeps carrying only the error. An engine that transports through Wᵀ directly keeps
     * no copy of B for {@link ForwardImage#TRANSPOSE}.
     */
    void setFromForward(ForwardImage image);

    /** Draws B_ℓ from the engine's initial distribution for random feedback weights. */
    void drawRandomFeedback(UniformRandomProvider rng);

    /**
     * B_ℓ ← B_ℓ + rate·(⟨x_ℓ y_{ℓ+1}ᵀ⟩ − decay·B_ℓ): the correlation of a signal x of population ℓ
     * with a signal y of population ℓ+1 (⟨·⟩ = batch mean where there is a batch), minus a decay.
     *
     * @param below x, the signal of population ℓ (rows of B_ℓ)
     * @param above y, the signal of population ℓ+1 (columns of B_ℓ)
     * @param rate the step's learning rate (e.g. η·dt)
     * @param decay the decay α per unit of rate
     * @throws IllegalStateException if the engine does not keep one of the signals for this rule
     */
    void learnFromCorrelation(FeedbackSignal below, FeedbackSignal above, double rate, double decay);

    /**
     * η of the forward weights W_{ℓ+1} of the layer above if they learn in this step, else 0
     * (learning switched off, evaluation mode, or a zero learning rate).
     */
    double forwardLearningRate();
}
