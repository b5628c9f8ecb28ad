package palsim.core.microcircuit;

import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.feedback.FeedbackProjection;

/**
 * The lane engine's view of B_ℓ for every lane of a group at once, through which the feedback rule
 * acts during a step (microcircuit.md §3.4).
 *
 * <p>The rule's calls are <em>requests</em>, carried out by the engine in its pass over B_ℓ: the
 * stepper calls {@code rule.update(projection, …)} before it computes the apical potential, this
 * view records what the rule asked for, and {@link LaneStepper} applies it right after reading the
 * B_ℓ of before the step — in the same pass over the weights where it can (PAL). A rule asks for at
 * most one change of B_ℓ per step.
 */
final class LaneFeedbackProjection implements FeedbackProjection {
    /** What the rule asked for in this step. */
    enum Request {
        NONE,
        TIE_TO_FORWARD,
        LEARN_FROM_NOISE
    }

    private final LaneState s;
    private final int layer;
    private Request request = Request.NONE;
    private double noiseRate;
    private double noiseDecay;

    LaneFeedbackProjection(LaneState state, int layer) {
        this.s = state;
        this.layer = layer;
    }

    @Override
    public int layer() {
        return layer;
    }

    /** B_ℓ := W_{ℓ+1}ᵀ and B^PI_ℓ := −B_ℓ (BP, quirk 8), with W_{ℓ+1} of before this step's update. */
    @Override
    public void tieToForward() {
        record(Request.TIE_TO_FORWARD);
    }

    /** B is drawn when the network is built ({@link CircuitState}); a running network cannot redraw it. */
    @Override
    public void drawRandomFeedback(UniformRandomProvider rng) {
        throw new IllegalStateException("B_" + layer + " is drawn when the microcircuit is built, not during a step");
    }

    /**
     * B_ℓ += rate·(ξ_ℓ h_{ℓ+1}ᵀ − decay·B_ℓ) with ξ_ℓ as refreshed in this step and h_{ℓ+1} as left
     * by the previous step (quirk 3); without a high-pass trace the rates r_{ℓ+1} of this step
     * take its place (the spec's {@code pyr_hi_pass = false}).
     */
    @Override
    public void learnFromNoise(double rate, double decay) {
        if (s.noise == null) {
            throw new IllegalStateException("learnFromNoise needs exploratory noise, which the feedback rule does not declare");
        }
        record(Request.LEARN_FROM_NOISE);
        this.noiseRate = rate;
        this.noiseDecay = decay;
    }

    private void record(Request r) {
        if (request != Request.NONE) {
            throw new IllegalStateException("B_" + layer + " was already changed in this step (" + request
                    + "); a feedback rule may change it once per step");
        }
        request = r;
    }

    /** The request of this step, which is then forgotten. */
    Request takeRequest() {
        Request r = request;
        request = Request.NONE;
        return r;
    }

    /** The presynaptic trace of PAL's update: h_{ℓ+1}, or r_{ℓ+1} without a high-pass. */
    double[] noiseLearningPresynaptic() {
        return s.highPass != null ? s.highPass[layer + 1] : s.rate[layer + 1];
    }

    double noiseRate() {
        return noiseRate;
    }

    double noiseDecay() {
        return noiseDecay;
    }
}
