// Template: the build generates DoubleLaneStepperBase and FloatLaneStepperBase from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.neuron.Activation;

/**
 * What both step orders' engines share: the state and kernels of the group, the constants a step
 * reads (conductance ratios of the somata, dt·η of every projection, filter factors), computed once
 * from the spec, and the per-step control (switches, the rule's schedule, this step's input and
 * target). {@link @Real@LaneStepper} and {@link @Real@SynapsesFirstStepper} differ only in which values their
 * phases read and when they write them.
 *
 * <p>Every constant is derived in double from the spec and rounded once to {@code @real@} (as the
 * reference does in float32: its parameters are derived in double precision and then used as
 * float constants).
 */
abstract class @Real@LaneStepperBase implements LaneEngine {
    final @Real@LaneState s;
    final int top;
    final int lanes;
    /** The matrix kernels of the group's width (the element-wise ones serve every width). */
    final @Real@LaneMatrixKernels kernels;
    final int[] n;
    final Activation[] phi;
    final FeedbackRule rule;
    final LaneFeedbackProjection[] projections;
    /** The pyramidal population whose rates reach hidden layer ℓ's apical compartment (ℓ+1; N for DFA). */
    final int[] feedbackSource;
    final boolean directFeedback;
    final double dt;

    // somata: u_eff (v_ss) as weighted sums, relaxation dt·G
    final @real@ hiddenBasalWeight;
    final @real@ hiddenApicalWeight;
    final @real@ hiddenRelaxation;
    final @real@ outputBasalWeightWithTarget;
    final @real@ outputTargetWeight;
    final @real@ outputBasalWeightFree;
    final @real@ outputRelaxation;
    final @real@ interneuronDendriteWeight;
    final @real@ interneuronNudgingWeight;
    final @real@ interneuronRelaxation;
    // learning: attenuations of the prediction errors and dt·η of every projection
    final @real@[] forwardAttenuation;
    final @real@[] forwardRate;
    /** η^fw_ℓ itself, for rules that learn from the forward update (Kolen–Pollack). */
    final double[] forwardLearningRate;
    /** 1 − dt·η^fw_ℓ·λ, the forward decay a rule asks for ({@link FeedbackRule#forwardDecay()}). */
    final @real@[] forwardKeep;
    final boolean forwardDecays;
    final @real@ interneuronAttenuation;
    final @real@[] pyramidToInterneuronRate;
    final @real@[] interneuronToPyramidRate;
    final @real@ highPassFactor;
    /** The rule's phases (weight mirrors), or null: always in learning mode. */
    final FeedbackSchedule schedule;

    // per step
    LearningSwitches switches = LearningSwitches.OFF;
    /** Whether this step lies in a phase of the rule's schedule (always, without one). */
    boolean inRulePhase = true;
    /** This step's input and target: the caller's arrays in double precision, rounded copies in float. */
    @real@[] input;
    @real@[] target;
    private final @real@[] inputCopy;
    private final @real@[] targetCopy;

    /**
     * @param staticInterneuronToPyramid whether B^PI never learns (its dt·η is then 0)
     */
    @Real@LaneStepperBase(MicrocircuitSpec spec, @Real@LaneState state, boolean staticInterneuronToPyramid) {
        this.s = state;
        this.top = state.layers;
        this.lanes = state.lanes;
        this.kernels = @Real@LaneMatrixKernels.forWidth(lanes);
        this.n = state.n;
        this.rule = spec.feedbackRule();
        this.dt = spec.dt();
        this.phi = new Activation[top + 2];
        for (int l = 1; l <= top; l++) {
            phi[l] = spec.activation(l);
        }
        this.projections = new LaneFeedbackProjection[top];
        this.feedbackSource = new int[top];
        this.directFeedback = spec.directFeedback();
        for (int l = 1; l <= top - 1; l++) {
            feedbackSource[l] = spec.feedbackSource(l);
            projections[l] = new LaneFeedbackProjection(this, l);
        }

        Conductances g = spec.conductances();
        hiddenBasalWeight = (@real@) (g.basal() / g.hiddenTotal());
        hiddenApicalWeight = (@real@) (g.apical() / g.hiddenTotal());
        hiddenRelaxation = (@real@) (dt * g.hiddenTotal());
        outputBasalWeightWithTarget = (@real@) (g.basal() / g.outputTotal());
        outputTargetWeight = (@real@) (g.targetNudging() / g.outputTotal());
        outputBasalWeightFree = (@real@) g.outputBasalAttenuation();
        outputRelaxation = (@real@) (dt * g.outputTotal());
        interneuronDendriteWeight = (@real@) (g.dendrite() / g.interneuronTotal());
        interneuronNudgingWeight = (@real@) (g.interneuronNudging() / g.interneuronTotal());
        interneuronRelaxation = (@real@) (dt * g.interneuronTotal());

        forwardAttenuation = new @real@[top + 1];
        forwardRate = new @real@[top + 1];
        forwardLearningRate = new double[top + 1];
        forwardKeep = new @real@[top + 1];
        forwardDecays = rule.forwardDecay() != 0;
        for (int l = 1; l <= top; l++) {
            forwardAttenuation[l] = (@real@) (l == top ? g.outputBasalAttenuation() : g.hiddenBasalAttenuation());
            forwardLearningRate[l] = spec.forwardLearningRate(l);
            double rate = dt * forwardLearningRate[l];
            forwardRate[l] = (@real@) rate;
            forwardKeep[l] = (@real@) (1.0 - rate * rule.forwardDecay());
        }
        interneuronAttenuation = (@real@) g.interneuronDendriteAttenuation();
        pyramidToInterneuronRate = new @real@[top];
        interneuronToPyramidRate = new @real@[top];
        for (int l = 1; l <= top - 1; l++) {
            pyramidToInterneuronRate[l] = (@real@) (dt * spec.pyramidToInterneuronLearningRate(l));
            interneuronToPyramidRate[l] = staticInterneuronToPyramid ? 0 : (@real@) (dt * spec.interneuronToPyramidLearningRate(l));
        }
        highPassFactor = rule.highPassTau() > 0 ? (@real@) (dt / rule.highPassTau()) : 0;
        inputCopy = new @real@[n[0] * lanes];
        targetCopy = new @real@[n[top] * lanes];
        schedule = rule.schedule().orElse(null);
    }

    @Override
    public void beginStep(long step) {
        inRulePhase = schedule == null || schedule.active(step, dt);
    }

    @Override
    public void setSwitches(LearningSwitches switches) {
        this.switches = switches;
    }

    @Override
    public LearningSwitches switches() {
        return switches;
    }

    @Override
    public void setInput(double[] input, double[] target) {
        this.input = input == null ? null : LaneCopies.narrow(input, inputCopy);
        this.target = target == null ? null : LaneCopies.narrow(target, targetCopy);
    }

    /** W_ℓ changes this step. */
    abstract boolean forwardLearns(int l);

    boolean pyramidToInterneuronLearns(int l) {
        return switches.lateral() && pyramidToInterneuronRate[l] != 0;
    }

    boolean interneuronToPyramidLearns(int l) {
        return switches.lateral() && interneuronToPyramidRate[l] != 0;
    }

    /** η^fw_ℓ while W_ℓ learns in this step, else 0 ({@link LaneFeedbackProjection#forwardLearningRate()}). */
    @Override
    public double forwardLearningRateNow(int l) {
        return forwardLearns(l) ? forwardLearningRate[l] : 0.0;
    }

    @Override
    public void requireSignal(FeedbackSignal signal, int population) {
        boolean kept = switch (signal) {
            case NOISE -> s.noise != null;
            case RATES -> true;
            case HIGH_PASSED_RATES -> s.highPass != null;
            case FORWARD_UPDATE -> forwardLearns(population);
        };
        if (!kept) {
            throw new IllegalStateException("feedback rule '" + rule.name() + "' learns from " + signal + " of population "
                    + population + ", which the microcircuit does not keep now (undeclared noise or high-pass, or W_"
                    + population + " not learning)");
        }
    }

    /**
     * The rule's change of B_ℓ asked for in this step, checked: a direct-feedback circuit keeps its
     * B fixed.
     */
    LaneFeedbackProjection.Request feedbackRequest(int l, boolean feedbackSwitch) {
        LaneFeedbackProjection projection = projections[l];
        rule.update(projection, dt, feedbackSwitch);
        LaneFeedbackProjection.Request request = projection.takeRequest();
        if (directFeedback && request != LaneFeedbackProjection.Request.NONE) {
            throw new IllegalStateException("feedback rule '" + rule.name() + "' changes its direct feedback weights, "
                    + "which the microcircuit keeps fixed");
        }
        return request;
    }

    /** B_ℓ := the forward image the rule asked for (and B^PI_ℓ := −B_ℓ), from W_{ℓ+1} as it is now. */
    void setFeedbackFromForward(int l) {
        int rows = n[l];
        int cols = n[feedbackSource[l]];
        switch (projections[l].image()) {
            case TRANSPOSE -> kernels.tieTransposed(s.forward[l + 1], s.feedback[l], s.interneuronToPyramid[l], rows, cols);
            case SCALED_SIGN_OF_TRANSPOSE -> kernels.tieSignTransposed(s.forward[l + 1], s.feedback[l],
                    s.interneuronToPyramid[l], rows, cols);
        }
    }
}
