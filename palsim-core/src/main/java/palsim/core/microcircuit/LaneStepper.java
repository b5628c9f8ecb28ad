package palsim.core.microcircuit;

import java.util.Arrays;
import palsim.core.feedback.FeedbackRule;
import palsim.core.neuron.Activation;

/**
 * The phase operations of microcircuit.md §2.3 on a {@link LaneState}, vectorised over lanes; the
 * matrix kernels are those of the state's width ({@link LaneMatrixKernels}). Each
 * weight matrix is read once per step: the pass that computes a dendritic potential also applies
 * that matrix's update (see {@link MicrocircuitPhases}).
 * Every constant (conductance ratios, dt·η, filter factors) is computed once here; a phase only
 * reads and writes preallocated arrays. What differs between feedback rules (noise, high-pass,
 * forward low-pass) was decided when the state was built: the corresponding arrays exist or are
 * null.
 */
final class LaneStepper implements MicrocircuitPhases {
    private final LaneState s;
    private final int top;
    private final int lanes;
    /** The matrix kernels of the group's width (the element-wise ones serve every width). */
    private final LaneMatrixKernels kernels;
    private final int[] n;
    private final Activation[] phi;
    private final FeedbackRule rule;
    private final LaneFeedbackProjection[] projections;
    private final double dt;

    // §2.2: ŭ = u^old + c·(u − u^old), c = taur·τ/dt
    private final double[] prospectiveFactor;
    private final double interneuronProspectiveFactor;
    // §2.3.6: u_eff as weighted sums, increments dt·G·(u_eff − u)
    private final double hiddenBasalWeight;
    private final double hiddenApicalWeight;
    private final double hiddenRelaxation;
    private final double outputBasalWeightWithTarget;
    private final double outputTargetWeight;
    private final double outputBasalWeightFree;
    private final double outputRelaxation;
    private final double interneuronDendriteWeight;
    private final double interneuronNudgingWeight;
    private final double interneuronRelaxation;
    // §3.1–3.3
    private final double[] forwardAttenuation;
    private final double[] forwardRate;
    private final double interneuronAttenuation;
    private final double[] pyramidToInterneuronRate;
    private final double[] interneuronToPyramidRate;
    private final double lowPassFactor;
    private final double highPassFactor;

    // per step
    private LearningSwitches switches = LearningSwitches.OFF;
    private boolean forwardUpdatesObserved;
    /** Whether this step's prediction-error factors are computed (see {@link #computePredictionErrors()}). */
    private boolean predictionErrorsReady;
    private double[] input;
    private double[] target;

    LaneStepper(MicrocircuitSpec spec, LaneState state) {
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
        for (int l = 1; l <= top - 1; l++) {
            projections[l] = new LaneFeedbackProjection(state, l);
        }

        Conductances g = spec.conductances();
        double taur = spec.prospectiveFactor();
        prospectiveFactor = new double[top + 1];
        for (int l = 1; l <= top; l++) {
            double total = l == top ? g.outputTotal() : g.hiddenTotal();
            prospectiveFactor[l] = taur / (total * dt);
        }
        interneuronProspectiveFactor = taur / (g.interneuronTotal() * dt);
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
        for (int l = 1; l <= top; l++) {
            forwardAttenuation[l] = l == top ? g.outputBasalAttenuation() : g.hiddenBasalAttenuation();
            forwardRate[l] = dt * spec.forwardLearningRate(l);
        }
        interneuronAttenuation = g.interneuronDendriteAttenuation();
        pyramidToInterneuronRate = new double[top];
        interneuronToPyramidRate = new double[top];
        for (int l = 1; l <= top - 1; l++) {
            pyramidToInterneuronRate[l] = dt * spec.pyramidToInterneuronLearningRate(l);
            interneuronToPyramidRate[l] = dt * spec.interneuronToPyramidLearningRate(l);
        }
        lowPassFactor = rule.forwardLowPassTau() > 0 ? dt / rule.forwardLowPassTau() : 0.0;
        highPassFactor = rule.highPassTau() > 0 ? dt / rule.highPassTau() : 0.0;

    }

    void setSwitches(LearningSwitches switches) {
        this.switches = switches;
    }

    LearningSwitches switches() {
        return switches;
    }

    void observeForwardUpdates(boolean observed) {
        this.forwardUpdatesObserved = observed;
    }

    boolean forwardUpdatesObserved() {
        return forwardUpdatesObserved;
    }

    void setInput(double[] input, double[] target) {
        this.input = input;
        this.target = target;
    }

    /** Noise enters the somata (and is refreshed) only while the feedback switch is on (§2.3.5). */
    private boolean injectingNoise() {
        return s.noise != null && switches.feedback();
    }

    /** W_ℓ changes this step: its switch is on and the update is not identically zero. */
    private boolean forwardLearns(int l) {
        return switches.forward() && (forwardRate[l] != 0 || s.forwardLowPass != null);
    }

    private boolean forwardUpdateNeeded(int l) {
        return forwardUpdatesObserved || forwardLearns(l);
    }

    private boolean pyramidToInterneuronLearns(int l) {
        return switches.lateral() && pyramidToInterneuronRate[l] != 0;
    }

    private boolean interneuronToPyramidLearns(int l) {
        return switches.lateral() && interneuronToPyramidRate[l] != 0;
    }

    @Override
    public void saveLastValues() {
        predictionErrorsReady = false; // they read the previous potentials, which move now
        // every "current" array is recomputed in full later in the step, so swapping saves copies
        for (int l = 0; l <= top; l++) {
            LaneState.swap(s.rate, s.ratePrev, l);
        }
        for (int l = 1; l <= top; l++) {
            LaneState.swap(s.basal, s.basalPrev, l);
        }
        for (int l = 1; l <= top - 1; l++) {
            LaneState.swap(s.interneuronRate, s.interneuronRatePrev, l);
            LaneState.swap(s.dendrite, s.dendritePrev, l);
            LaneState.swap(s.apical, s.apicalPrev, l);
        }
    }

    @Override
    public void computeProspectiveRates() {
        for (int l = 1; l <= top; l++) {
            LaneKernels.prospectiveRates(s.somatic[l], s.somaticOld[l], prospectiveFactor[l], phi[l], s.prospective[l],
                    s.rate[l], n[l] * lanes);
            // u^old := u by exchanging the buffers; updateSomaticVoltages writes the new u into the other one
            LaneState.swap(s.somatic, s.somaticOld, l);
        }
        for (int l = 1; l <= top - 1; l++) {
            LaneKernels.prospectiveRates(s.interneuron[l], s.interneuronOld[l], interneuronProspectiveFactor, phi[l + 1],
                    s.interneuronProspective[l], s.interneuronRate[l], n[l + 1] * lanes);
            LaneState.swap(s.interneuron, s.interneuronOld, l);
        }
        System.arraycopy(input, 0, s.rate[0], 0, n[0] * lanes);
        computePredictionErrors();
    }

    /**
     * The postsynaptic factors of the W^IP and W updates (§3.1–3.2), dt·η·[r − φ(a·v^prev)]: they read
     * only this step's rates and the previous step's potentials, so they are computed right after the
     * rates, where their exponentials overlap with those of the rates instead of waiting behind the
     * mat-vecs; {@link #computeForwardPotentialsAndLearnForward()} uses them (or computes them, under
     * a step order that has not).
     */
    private void computePredictionErrors() {
        for (int l = 1; l <= top - 1; l++) {
            if (pyramidToInterneuronLearns(l)) {
                // dt·η^IP·[r^I_ℓ − φ_{ℓ+1}(a_d·v^{den,prev}_ℓ)]
                LaneKernels.predictionError(pyramidToInterneuronRate[l], s.interneuronRate[l], phi[l + 1],
                        interneuronAttenuation, s.dendritePrev[l], s.interneuronSignal[l], n[l + 1] * lanes);
            }
        }
        for (int l = 1; l <= top; l++) {
            if (forwardUpdateNeeded(l)) {
                // dt·η^fw·[r_ℓ − φ_ℓ(a·v^{bas,prev}_ℓ)], a = a_h (hidden) or a_o (output)
                LaneKernels.predictionError(forwardRate[l], s.rate[l], phi[l], forwardAttenuation[l], s.basalPrev[l],
                        s.forwardSignal[l], n[l] * lanes);
            }
        }
        predictionErrorsReady = true;
    }

    @Override
    public void refreshNoise() {
        if (!injectingNoise()) {
            return;
        }
        for (int l = 1; l <= top - 1; l++) {
            // the soma is driven by ξ of before the refresh (quirk 3)
            System.arraycopy(s.noise[l], 0, s.noiseBeforeRefresh[l], 0, n[l] * lanes);
        }
        for (int k = 0; k < s.activeLanes; k++) {
            s.noiseSource[k].advance(s.noise, n, k, lanes);
        }
    }

    @Override
    public void computeApicalPotentialsAndLearnFeedback() {
        boolean feedbackSwitch = switches.feedback();
        for (int l = 1; l <= top - 1; l++) {
            LaneFeedbackProjection projection = projections[l];
            // the rule's change of B_ℓ is a request, carried out below after B_ℓ has been read (§3.4)
            rule.update(projection, dt, feedbackSwitch);
            LaneFeedbackProjection.Request request = projection.takeRequest();
            boolean lateral = interneuronToPyramidLearns(l);
            int rows = n[l];
            int cols = n[l + 1];
            if (request == LaneFeedbackProjection.Request.LEARN_FROM_NOISE && lateral) {
                kernels.apicalWithFeedbackLearning(s.feedback[l], s.interneuronToPyramid[l], rows, cols, s.rate[l + 1],
                        s.interneuronRate[l], s.apical[l], s.noise[l], projection.noiseLearningPresynaptic(),
                        projection.noiseRate(), projection.noiseDecay(), s.apicalPrev[l], -interneuronToPyramidRate[l],
                        s.interneuronRatePrev[l]);
                continue;
            }
            kernels.matVecPair(s.feedback[l], s.rate[l + 1], s.interneuronToPyramid[l], s.interneuronRate[l], rows, cols,
                    s.apical[l]);
            switch (request) {
                case TIE_TO_FORWARD -> kernels.tieTransposed(s.forward[l + 1], s.feedback[l], s.interneuronToPyramid[l],
                        rows, cols);
                case LEARN_FROM_NOISE -> kernels.learnFromNoise(s.feedback[l], rows, cols, s.noise[l],
                        projection.noiseLearningPresynaptic(), projection.noiseRate(), projection.noiseDecay());
                case NONE -> { }
            }
            if (lateral) {
                // −dt·η^PI·v^{api,prev}_ℓ (noise-free), then ΔB^PI on top of BP's tie (quirk 8)
                LaneKernels.scale(-interneuronToPyramidRate[l], s.apicalPrev[l], s.apicalSignal[l], rows * lanes);
                kernels.addOuter(s.interneuronToPyramid[l], rows, cols, s.apicalSignal[l], s.interneuronRatePrev[l], null);
            }
        }
    }

    @Override
    public void computeForwardPotentialsAndLearnForward() {
        if (!predictionErrorsReady) {
            computePredictionErrors();
        }
        for (int l = 1; l <= top - 1; l++) {
            kernels.matVec(s.pyramidToInterneuron[l], n[l + 1], n[l], s.rate[l], s.dendrite[l]);
            if (pyramidToInterneuronLearns(l)) {
                kernels.addOuter(s.pyramidToInterneuron[l], n[l + 1], n[l], s.interneuronSignal[l], s.ratePrev[l], null);
            }
        }
        for (int l = 1; l <= top; l++) {
            // rate[0] holds x(t): layer 1 sees the input of this step, deeper layers last step's rates
            kernels.matVec(s.forward[l], n[l], n[l - 1], s.rate[l - 1], s.basal[l]);
            if (!forwardUpdateNeeded(l)) {
                continue;
            }
            double[] pre = s.ratePrev[l - 1]; // x^prev for ℓ = 1
            double[] observed = forwardUpdatesObserved ? s.forwardUpdate[l] : null;
            if (!forwardLearns(l)) {
                kernels.outer(s.forwardUpdate[l], n[l], n[l - 1], s.forwardSignal[l], pre);
            } else if (s.forwardLowPass != null) {
                kernels.addLowPassedOuter(s.forward[l], s.forwardLowPass[l], n[l], n[l - 1], s.forwardSignal[l], pre,
                        lowPassFactor, observed);
            } else {
                kernels.addOuter(s.forward[l], n[l], n[l - 1], s.forwardSignal[l], pre, observed);
            }
        }
    }

    @Override
    public void updateSomaticVoltages() {
        Arrays.fill(s.nonFinite, 0.0);
        // after computeProspectiveRates, somaticOld holds u (of before this step) and somatic receives the new u
        for (int l = 1; l <= top - 1; l++) {
            // interneuron: nudged by the prospective voltage of the layer above (quirk 9)
            LaneKernels.relax(interneuronDendriteWeight, s.dendrite[l], interneuronNudgingWeight, s.prospective[l + 1],
                    s.interneuronOld[l], interneuronRelaxation, s.interneuron[l], n[l + 1] * lanes, s.nonFinite);
        }
        boolean noisy = injectingNoise();
        for (int l = 1; l <= top - 1; l++) {
            if (noisy) {
                LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.noiseBeforeRefresh[l],
                        s.somaticOld[l], hiddenRelaxation, s.somatic[l], n[l] * lanes, s.nonFinite);
            } else {
                LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.somaticOld[l],
                        hiddenRelaxation, s.somatic[l], n[l] * lanes, s.nonFinite);
            }
        }
        int count = n[top] * lanes;
        if (target != null) {
            LaneKernels.relax(outputBasalWeightWithTarget, s.basal[top], outputTargetWeight, target, s.somaticOld[top],
                    outputRelaxation, s.somatic[top], count, s.nonFinite);
        } else {
            // free output: relaxes with G_N towards a_o·v^bas (quirk 2)
            LaneKernels.relax(outputBasalWeightFree, s.basal[top], s.somaticOld[top], outputRelaxation, s.somatic[top],
                    count, s.nonFinite);
        }
    }

    @Override
    public void updateHighPass() {
        if (s.highPass == null) {
            return;
        }
        for (int l = 1; l <= top; l++) {
            LaneKernels.highPass(s.highPass[l], s.rate[l], s.ratePrev[l], highPassFactor, n[l] * lanes);
        }
    }
}
