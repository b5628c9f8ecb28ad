package palsim.core.microcircuit;

import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.neuron.Activation;

/**
 * What both step orders' engines share: the state and kernels of the group, the constants a step
 * reads (conductance ratios of the somata, dt·η of every projection, filter factors), computed once
 * from the spec, and the per-step control (switches, the rule's schedule, this step's input and
 * target). {@link LaneStepper} and {@link SynapsesFirstStepper} differ only in which values their
 * phases read and when they write them.
 */
abstract class LaneStepperBase implements LaneEngine {
    final LaneState s;
    final int top;
    final int lanes;
    /** The matrix kernels of the group's width (the element-wise ones serve every width). */
    final LaneMatrixKernels kernels;
    final int[] n;
    final Activation[] phi;
    final FeedbackRule rule;
    final LaneFeedbackProjection[] projections;
    /** The pyramidal population whose rates reach hidden layer ℓ's apical compartment (ℓ+1; N for DFA). */
    final int[] feedbackSource;
    final boolean directFeedback;
    final double dt;

    // somata: u_eff (v_ss) as weighted sums, relaxation dt·G
    final double hiddenBasalWeight;
    final double hiddenApicalWeight;
    final double hiddenRelaxation;
    final double outputBasalWeightWithTarget;
    final double outputTargetWeight;
    final double outputBasalWeightFree;
    final double outputRelaxation;
    final double interneuronDendriteWeight;
    final double interneuronNudgingWeight;
    final double interneuronRelaxation;
    // learning: attenuations of the prediction errors and dt·η of every projection
    final double[] forwardAttenuation;
    final double[] forwardRate;
    /** η^fw_ℓ itself, for rules that learn from the forward update (Kolen–Pollack). */
    final double[] forwardLearningRate;
    /** 1 − dt·η^fw_ℓ·λ, the forward decay a rule asks for ({@link FeedbackRule#forwardDecay()}). */
    final double[] forwardKeep;
    final boolean forwardDecays;
    final double interneuronAttenuation;
    final double[] pyramidToInterneuronRate;
    final double[] interneuronToPyramidRate;
    final double highPassFactor;
    /** The rule's phases (weight mirrors), or null: always in learning mode. */
    final FeedbackSchedule schedule;

    // per step
    LearningSwitches switches = LearningSwitches.OFF;
    /** Whether this step lies in a phase of the rule's schedule (always, without one). */
    boolean inRulePhase = true;
    double[] input;
    double[] target;

    /**
     * @param staticInterneuronToPyramid whether B^PI never learns (its dt·η is then 0)
     */
    LaneStepperBase(MicrocircuitSpec spec, LaneState state, boolean staticInterneuronToPyramid) {
        this.s = state;
        this.top = state.layers;
        this.lanes = state.lanes;
        this.kernels = LaneMatrixKernels.forWidth(lanes);
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
        hiddenBasalWeight = g.basal() / g.hiddenTotal();
        hiddenApicalWeight = g.apical() / g.hiddenTotal();
        hiddenRelaxation = dt * g.hiddenTotal();
        outputBasalWeightWithTarget = g.basal() / g.outputTotal();
        outputTargetWeight = g.targetNudging() / g.outputTotal();
        outputBasalWeightFree = g.outputBasalAttenuation();
        outputRelaxation = dt * g.outputTotal();
        interneuronDendriteWeight = g.dendrite() / g.interneuronTotal();
        interneuronNudgingWeight = g.interneuronNudging() / g.interneuronTotal();
        interneuronRelaxation = dt * g.interneuronTotal();

        forwardAttenuation = new double[top + 1];
        forwardRate = new double[top + 1];
        forwardLearningRate = new double[top + 1];
        forwardKeep = new double[top + 1];
        forwardDecays = rule.forwardDecay() != 0;
        for (int l = 1; l <= top; l++) {
            forwardAttenuation[l] = l == top ? g.outputBasalAttenuation() : g.hiddenBasalAttenuation();
            forwardLearningRate[l] = spec.forwardLearningRate(l);
            forwardRate[l] = dt * forwardLearningRate[l];
            forwardKeep[l] = 1.0 - forwardRate[l] * rule.forwardDecay();
        }
        interneuronAttenuation = g.interneuronDendriteAttenuation();
        pyramidToInterneuronRate = new double[top];
        interneuronToPyramidRate = new double[top];
        for (int l = 1; l <= top - 1; l++) {
            pyramidToInterneuronRate[l] = dt * spec.pyramidToInterneuronLearningRate(l);
            interneuronToPyramidRate[l] = staticInterneuronToPyramid ? 0.0 : dt * spec.interneuronToPyramidLearningRate(l);
        }
        highPassFactor = rule.highPassTau() > 0 ? dt / rule.highPassTau() : 0.0;
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
        this.input = input;
        this.target = target;
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
