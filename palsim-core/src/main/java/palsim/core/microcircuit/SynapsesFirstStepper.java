package palsim.core.microcircuit;

import java.util.Arrays;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.neuron.Activation;

/**
 * The phases of the {@link SynapsesFirstStepOrder} (microcircuit-classification.md §1–§5) on a
 * {@link LaneState}, vectorised over lanes with the same kernels as the rates-first
 * {@link LaneStepper} wherever the maths is the same (prediction errors, matrix-vector products,
 * feedback learning and ties, somatic relaxation, high-pass, noise).
 *
 * <p>Between steps the state holds, for step n: u(n) in {@code somatic}, ŭ(n) in
 * {@code prospective}, r(n) and r(n−1) in {@code rate}/{@code ratePrev} (for the input: the
 * player's x(n) and x(n−1)), v^bas(n), v^den(n), the noise-free v^api(n), ξ(n), h(n), the pending
 * increments D (forward, W^IP, B^PI) and the target player's rate. {@link #updateSynapses()} reads
 * only those, so each projection delays its signal by one step.
 */
final class SynapsesFirstStepper implements SynapticPhases, LaneEngine {
    private final LaneState s;
    private final SynapsesFirstStepOrder order;
    private final int top;
    private final int lanes;
    private final LaneMatrixKernels kernels;
    private final int[] n;
    private final Activation[] phi;
    private final FeedbackRule rule;
    private final LaneFeedbackProjection[] projections;
    private final int[] feedbackSource;
    private final boolean directFeedback;
    private final double dt;

    // somata: v_ss as weighted sums; ŭ = u + c·(v_ss − u) with c = τ·G (1 up to rounding); u += dt·G·(v_ss − u)
    private final double hiddenBasalWeight;
    private final double hiddenApicalWeight;
    private final double hiddenProspective;
    private final double hiddenRelaxation;
    private final double outputBasalWeightWithTarget;
    private final double outputTargetWeight;
    private final double outputBasalWeightFree;
    private final double outputProspective;
    private final double outputRelaxation;
    private final double interneuronDendriteWeight;
    private final double interneuronNudgingWeight;
    private final double interneuronProspective;
    private final double interneuronRelaxation;
    // learning
    private final double[] forwardAttenuation;
    private final double[] forwardRate;
    private final double[] forwardLearningRate;
    private final double[] forwardKeep;
    private final boolean forwardDecays;
    private final double forwardFilter;
    private final double interneuronAttenuation;
    private final double[] pyramidToInterneuronRate;
    private final double[] interneuronToPyramidRate;
    private final double highPassFactor;
    private final FeedbackSchedule schedule;

    // per step
    private LearningSwitches switches = LearningSwitches.OFF;
    private boolean noiseOn;
    private boolean inRulePhase = true;
    private double[] input;
    private double[] target;

    SynapsesFirstStepper(MicrocircuitSpec spec, LaneState state) {
        if (spec.prospectiveFactor() != 1.0) {
            throw new IllegalArgumentException("step_order " + SynapsesFirstStepOrder.CONFIG_NAME
                    + " implements Latent Equilibrium neurons only (taur = 1), got taur = " + spec.prospectiveFactor());
        }
        this.s = state;
        this.order = (SynapsesFirstStepOrder) spec.stepOrder();
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
        hiddenProspective = (1.0 / g.hiddenTotal()) * g.hiddenTotal();
        hiddenRelaxation = dt * g.hiddenTotal();
        outputBasalWeightWithTarget = g.basal() / g.outputTotal();
        outputTargetWeight = g.targetNudging() / g.outputTotal();
        outputBasalWeightFree = g.outputBasalAttenuation();
        outputProspective = (1.0 / g.outputTotal()) * g.outputTotal();
        outputRelaxation = dt * g.outputTotal();
        interneuronDendriteWeight = g.dendrite() / g.interneuronTotal();
        interneuronNudgingWeight = g.interneuronNudging() / g.interneuronTotal();
        interneuronProspective = (1.0 / g.interneuronTotal()) * g.interneuronTotal();
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
        if (order.forwardLowPassTau() < dt) {
            throw new IllegalArgumentException("tau_forward_low_pass must be >= dt = " + dt + ", got " + order.forwardLowPassTau());
        }
        forwardFilter = dt / order.forwardLowPassTau();
        interneuronAttenuation = g.interneuronDendriteAttenuation();
        pyramidToInterneuronRate = new double[top];
        interneuronToPyramidRate = new double[top];
        for (int l = 1; l <= top - 1; l++) {
            pyramidToInterneuronRate[l] = dt * spec.pyramidToInterneuronLearningRate(l);
            interneuronToPyramidRate[l] = order.staticInterneuronToPyramid() ? 0.0
                    : dt * spec.interneuronToPyramidLearningRate(l);
        }
        highPassFactor = rule.highPassTau() > 0 ? dt / rule.highPassTau() : 0.0;
        schedule = rule.schedule().orElse(null);
    }

    // ------------------------------------------------------------------------------------------
    // Control

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

    /** Whether the rule's noise is injected (and advanced), independently of learning and teaching. */
    void setNoise(boolean on) {
        this.noiseOn = on;
    }

    boolean noise() {
        return noiseOn;
    }

    @Override
    public void observeForwardUpdates(boolean observed) {
        if (observed) {
            throw new UnsupportedOperationException("raw forward updates are not observed under step_order "
                    + SynapsesFirstStepOrder.CONFIG_NAME);
        }
    }

    @Override
    public boolean forwardUpdatesObserved() {
        return false;
    }

    @Override
    public void setInput(double[] input, double[] target) {
        this.input = input;
        this.target = target;
    }

    /** Sets the players as at the start of a stage: x(n) = x(n−1) = {@code x}, target rate {@code t} (may be null). */
    void resetPlayers(double[] x, double[] t) {
        System.arraycopy(x, 0, s.rate[0], 0, n[0] * lanes);
        System.arraycopy(x, 0, s.ratePrev[0], 0, n[0] * lanes);
        if (t != null) {
            System.arraycopy(t, 0, s.targetRate, 0, n[top] * lanes);
        }
    }

    @Override
    public void step() {
        order.step(this);
    }

    private boolean forwardLearns(int l) {
        return switches.forward() && forwardRate[l] != 0;
    }

    private boolean pyramidToInterneuronLearns(int l) {
        return switches.lateral() && pyramidToInterneuronRate[l] != 0;
    }

    private boolean interneuronToPyramidLearns(int l) {
        return switches.lateral() && interneuronToPyramidRate[l] != 0;
    }

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
     * A signal of B_ℓ's update, all of the previous step: ξ_ℓ(n−1), h(n−1), the rates below as
     * W_{ℓ+1}'s update reads them (r_ℓ(n−2)) and above r_{ℓ+1}(n−1), the forward update's factor
     * of this step.
     */
    private double[] signal(FeedbackSignal signal, int population, boolean below) {
        return switch (signal) {
            case NOISE -> s.noise[population];
            case RATES -> below ? s.ratePrev[population] : s.rate[population];
            case HIGH_PASSED_RATES -> s.highPass[population];
            case FORWARD_UPDATE -> s.forwardSignal[population];
        };
    }

    // ------------------------------------------------------------------------------------------
    // Phases

    @Override
    public void updateSynapses() {
        computeErrors();
        for (int l = 1; l <= top; l++) {
            if (!forwardLearns(l)) {
                kernels.matVec(s.forward[l], n[l], n[l - 1], s.rate[l - 1], s.basal[l]);
                continue;
            }
            if (forwardDecays) {
                LaneKernels.scale(forwardKeep[l], s.forward[l], s.forward[l], n[l] * n[l - 1] * lanes);
            }
            kernels.delayedUpdateThenMatVec(s.forward[l], s.forwardLowPass[l], n[l], n[l - 1], s.forwardSignal[l],
                    s.ratePrev[l - 1], forwardFilter, s.rate[l - 1], s.basal[l], false);
        }
        for (int l = 1; l <= top - 1; l++) {
            if (pyramidToInterneuronLearns(l)) {
                kernels.delayedUpdateThenMatVec(s.pyramidToInterneuron[l], s.pyramidToInterneuronLowPass[l], n[l + 1], n[l],
                        s.interneuronSignal[l], s.ratePrev[l], 1.0, s.rate[l], s.dendrite[l], false);
            } else {
                kernels.matVec(s.pyramidToInterneuron[l], n[l + 1], n[l], s.rate[l], s.dendrite[l]);
            }
        }
        boolean feedbackSwitch = switches.feedback() && inRulePhase;
        for (int l = 1; l <= top - 1; l++) {
            learnFeedback(l, feedbackSwitch);
            int rows = n[l];
            int source = feedbackSource[l];
            int cols = n[source];
            if (interneuronToPyramidLearns(l)) {
                kernels.matVec(s.feedback[l], rows, cols, s.rate[source], s.apical[l]);
                kernels.delayedUpdateThenMatVec(s.interneuronToPyramid[l], s.interneuronToPyramidLowPass[l], rows, cols,
                        s.apicalSignal[l], s.interneuronRatePrev[source - 1], 1.0, s.interneuronRate[source - 1], s.apical[l],
                        true);
            } else {
                kernels.matVecPair(s.feedback[l], s.rate[source], s.interneuronToPyramid[l], s.interneuronRate[source - 1],
                        rows, cols, s.apical[l]);
            }
        }
    }

    /**
     * The postsynaptic factors of this step's increments, from the previous step's potentials
     * before they are overwritten: dt·η·[r − φ(a·v^bas)] (W), dt·η^IP·[r^I − φ(a_d·v^den)] (W^IP),
     * −dt·η^PI·v^api (B^PI, noise-free apical potential).
     */
    private void computeErrors() {
        for (int l = 1; l <= top; l++) {
            if (forwardLearns(l)) {
                LaneKernels.predictionError(forwardRate[l], s.rate[l], phi[l], forwardAttenuation[l], s.basal[l],
                        s.forwardSignal[l], n[l] * lanes);
            }
        }
        for (int l = 1; l <= top - 1; l++) {
            if (pyramidToInterneuronLearns(l)) {
                LaneKernels.predictionError(pyramidToInterneuronRate[l], s.interneuronRate[l], phi[l + 1],
                        interneuronAttenuation, s.dendrite[l], s.interneuronSignal[l], n[l + 1] * lanes);
            }
            if (interneuronToPyramidLearns(l)) {
                LaneKernels.scale(-interneuronToPyramidRate[l], s.apical[l], s.apicalSignal[l], n[l] * lanes);
            }
        }
    }

    /** The feedback rule's change of B_ℓ, made before B_ℓ transmits (weights first, then transmission). */
    private void learnFeedback(int l, boolean feedbackSwitch) {
        LaneFeedbackProjection projection = projections[l];
        rule.update(projection, dt, feedbackSwitch);
        LaneFeedbackProjection.Request request = projection.takeRequest();
        if (directFeedback && request != LaneFeedbackProjection.Request.NONE) {
            throw new IllegalStateException("feedback rule '" + rule.name() + "' changes its direct feedback weights, "
                    + "which the microcircuit keeps fixed");
        }
        int rows = n[l];
        int cols = n[feedbackSource[l]];
        switch (request) {
            case SET_FROM_FORWARD -> {
                switch (projection.image()) {
                    case TRANSPOSE -> kernels.tieTransposed(s.forward[l + 1], s.feedback[l], s.interneuronToPyramid[l], rows,
                            cols);
                    case SCALED_SIGN_OF_TRANSPOSE -> kernels.tieSignTransposed(s.forward[l + 1], s.feedback[l],
                            s.interneuronToPyramid[l], rows, cols);
                }
            }
            case LEARN_FROM_CORRELATION -> kernels.learnFromCorrelation(s.feedback[l], rows, cols,
                    signal(projection.below(), l, true), signal(projection.above(), l + 1, false), projection.rate(),
                    projection.decay());
            case NONE -> { }
        }
    }

    @Override
    public void updateNeurons() {
        Arrays.fill(s.nonFinite, 0.0);
        if (s.highPass != null) {
            for (int l = 1; l <= top; l++) {
                LaneKernels.highPass(s.highPass[l], s.rate[l], s.ratePrev[l], highPassFactor, n[l] * lanes);
            }
        }
        boolean noisy = noiseOn && s.noise != null && inRulePhase;
        if (noisy) {
            for (int k = 0; k < s.activeLanes; k++) {
                s.noiseSource[k].advance(s.noise, n, k, lanes);
            }
        }
        // interneurons first: they are nudged by the layer above's prospective voltage of the previous step
        for (int l = 1; l <= top - 1; l++) {
            int count = n[l + 1] * lanes;
            LaneState.swap(s.interneuronRate, s.interneuronRatePrev, l);
            LaneState.swap(s.interneuron, s.interneuronOld, l);
            LaneKernels.relax(interneuronDendriteWeight, s.dendrite[l], interneuronNudgingWeight, s.prospective[l + 1],
                    s.interneuronOld[l], interneuronProspective, s.interneuronProspective[l], count, s.nonFinite);
            LaneKernels.relax(interneuronDendriteWeight, s.dendrite[l], interneuronNudgingWeight, s.prospective[l + 1],
                    s.interneuronOld[l], interneuronRelaxation, s.interneuron[l], count, s.nonFinite);
            LaneKernels.rates(phi[l + 1], s.interneuronProspective[l], s.interneuronRate[l], count);
        }
        for (int l = 1; l <= top - 1; l++) {
            int count = n[l] * lanes;
            LaneState.swap(s.rate, s.ratePrev, l);
            LaneState.swap(s.somatic, s.somaticOld, l);
            if (noisy) {
                // the noise enters with the apical potential (scaled by g_api/G_P)
                LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.noise[l],
                        s.somaticOld[l], hiddenProspective, s.prospective[l], count, s.nonFinite);
                LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.noise[l],
                        s.somaticOld[l], hiddenRelaxation, s.somatic[l], count, s.nonFinite);
            } else {
                LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.somaticOld[l],
                        hiddenProspective, s.prospective[l], count, s.nonFinite);
                LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.somaticOld[l],
                        hiddenRelaxation, s.somatic[l], count, s.nonFinite);
            }
            LaneKernels.rates(phi[l], s.prospective[l], s.rate[l], count);
        }
        int count = n[top] * lanes;
        LaneState.swap(s.rate, s.ratePrev, top);
        LaneState.swap(s.somatic, s.somaticOld, top);
        if (target != null) {
            // teaching: nudged by the target player's rate of the previous step
            LaneKernels.relax(outputBasalWeightWithTarget, s.basal[top], outputTargetWeight, s.targetRate,
                    s.somaticOld[top], outputProspective, s.prospective[top], count, s.nonFinite);
            LaneKernels.relax(outputBasalWeightWithTarget, s.basal[top], outputTargetWeight, s.targetRate,
                    s.somaticOld[top], outputRelaxation, s.somatic[top], count, s.nonFinite);
        } else {
            // free output: steady state a_o·v^bas, still relaxing with G_N (quirk of the reference)
            LaneKernels.relax(outputBasalWeightFree, s.basal[top], s.somaticOld[top], outputProspective, s.prospective[top],
                    count, s.nonFinite);
            LaneKernels.relax(outputBasalWeightFree, s.basal[top], s.somaticOld[top], outputRelaxation, s.somatic[top],
                    count, s.nonFinite);
        }
        LaneKernels.rates(phi[top], s.prospective[top], s.rate[top], count);
        // the players take this step's values; projections see them from the next step on
        LaneState.swap(s.rate, s.ratePrev, 0);
        System.arraycopy(input, 0, s.rate[0], 0, n[0] * lanes);
        if (target != null) {
            System.arraycopy(target, 0, s.targetRate, 0, count);
        }
    }
}
