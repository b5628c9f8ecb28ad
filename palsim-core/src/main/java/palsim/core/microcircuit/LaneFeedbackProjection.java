package palsim.core.microcircuit;

import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.feedback.FeedbackProjection;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.feedback.ForwardImage;

/**
 * The lane engine's view of B_ℓ for every lane of a group at once, through which the feedback rule
 * acts during a step (microcircuit.md §3.4).
 *
 * <p>The rule's calls are <em>requests</em>, carried out by the engine in its pass over B_ℓ: the
 * stepper calls {@code rule.update(projection, …)} before it computes the apical potential, this
 * view records what the rule asked for, and the engine ({@code DoubleLaneStepper}, {@code FloatLaneStepper}) applies it right after reading the
 * B_ℓ of before the step — in the same pass over the weights where it can (a learned B together
 * with a learning B^PI). A rule asks for at most one change of B_ℓ per step. Recording stores enums
 * and numbers only: a step allocates nothing.
 */
final class LaneFeedbackProjection implements FeedbackProjection {
    /** What the rule asked for in this step. */
    enum Request {
        NONE,
        SET_FROM_FORWARD,
        LEARN_FROM_CORRELATION
    }

    private final LaneEngine stepper;
    private final int layer;
    private Request request = Request.NONE;
    private ForwardImage image;
    private FeedbackSignal below;
    private FeedbackSignal above;
    private double rate;
    private double decay;

    LaneFeedbackProjection(LaneEngine stepper, int layer) {
        this.stepper = stepper;
        this.layer = layer;
    }

    @Override
    public int layer() {
        return layer;
    }

    /** B_ℓ := image of W_{ℓ+1} and B^PI_ℓ := −B_ℓ (quirk 8), with W_{ℓ+1} of before this step's update. */
    @Override
    public void setFromForward(ForwardImage image) {
        record(Request.SET_FROM_FORWARD);
        this.image = image;
    }

    /** B is drawn when the network is built ({@link CircuitState}); a running network cannot redraw it. */
    @Override
    public void drawRandomFeedback(UniformRandomProvider rng) {
        throw new IllegalStateException("B_" + layer + " is drawn when the microcircuit is built, not during a step");
    }

    /**
     * B_ℓ ← (1 − rate·decay)·B_ℓ + rate·x yᵀ with the signals taken as the rates-first stepper's {@code signal}
     * describes (ξ_ℓ as refreshed in this step, h_{ℓ+1} as left by the previous step: quirk 3).
     */
    @Override
    public void learnFromCorrelation(FeedbackSignal below, FeedbackSignal above, double rate, double decay) {
        stepper.requireSignal(below, layer);
        stepper.requireSignal(above, layer + 1);
        record(Request.LEARN_FROM_CORRELATION);
        this.below = below;
        this.above = above;
        this.rate = rate;
        this.decay = decay;
    }

    @Override
    public double forwardLearningRate() {
        return stepper.forwardLearningRateNow(layer + 1);
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

    ForwardImage image() {
        return image;
    }

    FeedbackSignal below() {
        return below;
    }

    FeedbackSignal above() {
        return above;
    }

    double rate() {
        return rate;
    }

    double decay() {
        return decay;
    }
}
