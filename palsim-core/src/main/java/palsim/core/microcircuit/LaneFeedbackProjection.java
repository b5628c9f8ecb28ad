package palsim.core.microcircuit;

import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.feedback.FeedbackProjection;

/**
 * The lane engine's view of B_ℓ for every lane of a group at once, through which the feedback rule
 * acts during a step (microcircuit.md §3.4).
 */
final class LaneFeedbackProjection implements FeedbackProjection {
    private final LaneState s;
    private final int layer;
    private final int rows;
    private final int cols;

    LaneFeedbackProjection(LaneState state, int layer) {
        this.s = state;
        this.layer = layer;
        this.rows = state.n[layer];
        this.cols = state.n[layer + 1];
    }

    @Override
    public int layer() {
        return layer;
    }

    /** B_ℓ := W_{ℓ+1}ᵀ and B^PI_ℓ := −B_ℓ (BP, quirk 8). */
    @Override
    public void tieToForward() {
        LaneKernels.tieTransposed(s.forward[layer + 1], s.feedback[layer], s.interneuronToPyramid[layer], rows, cols);
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
        double[] presynaptic = s.highPass != null ? s.highPass[layer + 1] : s.rate[layer + 1];
        LaneKernels.learnFromNoise(s.feedback[layer], rows, cols, s.noise[layer], presynaptic, rate, decay);
    }
}
