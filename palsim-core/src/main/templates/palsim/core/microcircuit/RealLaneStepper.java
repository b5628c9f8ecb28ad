// Template: the build generates DoubleLaneStepper and FloatLaneStepper from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

import java.util.Arrays;
import palsim.core.feedback.FeedbackSignal;

/**
 * The phase operations of microcircuit.md §2.3 on a {@link @Real@LaneState}, vectorised over lanes; the
 * matrix kernels are those of the state's width ({@link @Real@LaneMatrixKernels}). Each
 * weight matrix is read once per step: the pass that computes a dendritic potential also applies
 * that matrix's update (see {@link MicrocircuitPhases}).
 * Every constant (conductance ratios, dt·η, filter factors) is computed once here; a phase only
 * reads and writes preallocated arrays. What differs between feedback rules (noise, high-pass,
 * forward low-pass) was decided when the state was built: the corresponding arrays exist or are
 * null.
 */
final class @Real@LaneStepper extends @Real@LaneStepperBase implements MicrocircuitPhases {
    private final RatesFirstStepOrder order;

    // §2.2: ŭ = u^old + c·(u − u^old), c = taur·τ/dt
    private final @real@[] prospectiveFactor;
    private final @real@ interneuronProspectiveFactor;
    private final @real@ lowPassFactor;

    // per step
    private boolean forwardUpdatesObserved;
    /** Whether this step's prediction-error factors are computed (see {@link #computePredictionErrors()}). */
    private boolean predictionErrorsReady;

    @Real@LaneStepper(MicrocircuitSpec spec, @Real@LaneState state) {
        super(spec, state, false);
        this.order = (RatesFirstStepOrder) spec.stepOrder();
        Conductances g = spec.conductances();
        double taur = spec.prospectiveFactor();
        prospectiveFactor = new @real@[top + 1];
        for (int l = 1; l <= top; l++) {
            double total = l == top ? g.outputTotal() : g.hiddenTotal();
            prospectiveFactor[l] = (@real@) (taur / (total * dt));
        }
        interneuronProspectiveFactor = (@real@) (taur / (g.interneuronTotal() * dt));
        lowPassFactor = rule.forwardLowPassTau() > 0 ? (@real@) (dt / rule.forwardLowPassTau()) : 0;
    }

    @Override
    public void observeForwardUpdates(boolean observed) {
        this.forwardUpdatesObserved = observed;
    }

    @Override
    public boolean forwardUpdatesObserved() {
        return forwardUpdatesObserved;
    }

    /**
     * Noise enters the somata (and is refreshed) only while the feedback switch is on (§2.3.5) and,
     * for a phased rule, in its phases.
     */
    private boolean injectingNoise() {
        return s.noise != null && switches.feedback() && inRulePhase;
    }

    /** W_ℓ changes this step: its switch is on and the update is not identically zero. */
    @Override
    boolean forwardLearns(int l) {
        return switches.forward() && (forwardRate[l] != 0 || s.forwardLowPass != null);
    }

    private boolean forwardUpdateNeeded(int l) {
        return forwardUpdatesObserved || forwardLearns(l);
    }

    @Override
    public void step() {
        order.step(this);
    }

    @Override
    public void saveLastValues() {
        predictionErrorsReady = false; // they read the previous potentials, which move now
        // every "current" array is recomputed in full later in the step, so swapping saves copies
        for (int l = 0; l <= top; l++) {
            @Real@LaneState.swap(s.rate, s.ratePrev, l);
        }
        for (int l = 1; l <= top; l++) {
            @Real@LaneState.swap(s.basal, s.basalPrev, l);
        }
        for (int l = 1; l <= top - 1; l++) {
            @Real@LaneState.swap(s.interneuronRate, s.interneuronRatePrev, l);
            @Real@LaneState.swap(s.dendrite, s.dendritePrev, l);
            @Real@LaneState.swap(s.apical, s.apicalPrev, l);
        }
    }

    @Override
    public void computeProspectiveRates() {
        for (int l = 1; l <= top; l++) {
            @Real@LaneKernels.prospectiveRates(s.somatic[l], s.somaticOld[l], prospectiveFactor[l], phi[l], s.prospective[l],
                    s.rate[l], n[l] * lanes);
            // u^old := u by exchanging the buffers; updateSomaticVoltages writes the new u into the other one
            @Real@LaneState.swap(s.somatic, s.somaticOld, l);
        }
        for (int l = 1; l <= top - 1; l++) {
            @Real@LaneKernels.prospectiveRates(s.interneuron[l], s.interneuronOld[l], interneuronProspectiveFactor, phi[l + 1],
                    s.interneuronProspective[l], s.interneuronRate[l], n[l + 1] * lanes);
            @Real@LaneState.swap(s.interneuron, s.interneuronOld, l);
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
                @Real@LaneKernels.predictionError(pyramidToInterneuronRate[l], s.interneuronRate[l], phi[l + 1],
                        interneuronAttenuation, s.dendritePrev[l], s.interneuronSignal[l], n[l + 1] * lanes);
            }
        }
        for (int l = 1; l <= top; l++) {
            if (forwardUpdateNeeded(l)) {
                // dt·η^fw·[r_ℓ − φ_ℓ(a·v^{bas,prev}_ℓ)], a = a_h (hidden) or a_o (output)
                @Real@LaneKernels.predictionError(forwardRate[l], s.rate[l], phi[l], forwardAttenuation[l], s.basalPrev[l],
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

    /**
     * The array of a signal of B_ℓ's update (§3.4): ξ_ℓ as refreshed in this step; h as left by the
     * previous step (quirk 3); the rates below as W_{ℓ+1}'s update reads them (r^prev_ℓ) and above
     * as this step's r_{ℓ+1}; the forward update's factor dt·η·[r − φ(a·v^{bas,prev})] of this step.
     */
    private @real@[] signal(FeedbackSignal signal, int population, boolean below) {
        return switch (signal) {
            case NOISE -> s.noise[population];
            case RATES -> below ? s.ratePrev[population] : s.rate[population];
            case HIGH_PASSED_RATES -> s.highPass[population];
            case FORWARD_UPDATE -> {
                if (!predictionErrorsReady) {
                    computePredictionErrors();
                }
                yield s.forwardSignal[population];
            }
        };
    }

    @Override
    public void computeApicalPotentialsAndLearnFeedback() {
        boolean feedbackSwitch = switches.feedback() && inRulePhase;
        for (int l = 1; l <= top - 1; l++) {
            LaneFeedbackProjection projection = projections[l];
            // the rule's change of B_ℓ is a request, carried out below after B_ℓ has been read (§3.4)
            LaneFeedbackProjection.Request request = feedbackRequest(l, feedbackSwitch);
            boolean lateral = interneuronToPyramidLearns(l);
            int rows = n[l];
            // B_ℓ r_src + B^PI_ℓ r^I_{src−1}: src = ℓ+1, or N for DFA (the output and its prediction by the top interneurons)
            int source = feedbackSource[l];
            int cols = n[source];
            @real@[] sourceRate = s.rate[source];
            @real@[] interneuronRate = s.interneuronRate[source - 1];
            @real@[] interneuronRatePrev = s.interneuronRatePrev[source - 1];
            @real@[] x = null;
            @real@[] y = null;
            if (request == LaneFeedbackProjection.Request.LEARN_FROM_CORRELATION) {
                x = signal(projection.below(), l, true);
                y = signal(projection.above(), l + 1, false);
            }
            if (request == LaneFeedbackProjection.Request.LEARN_FROM_CORRELATION && lateral) {
                kernels.apicalWithFeedbackLearning(s.feedback[l], s.interneuronToPyramid[l], rows, cols, sourceRate,
                        interneuronRate, s.apical[l], x, y, projection.rate(), projection.decay(), s.apicalPrev[l],
                        -interneuronToPyramidRate[l], interneuronRatePrev);
                continue;
            }
            kernels.matVecPair(s.feedback[l], sourceRate, s.interneuronToPyramid[l], interneuronRate, rows, cols, s.apical[l]);
            switch (request) {
                case SET_FROM_FORWARD -> setFeedbackFromForward(l);
                case LEARN_FROM_CORRELATION -> kernels.learnFromCorrelation(s.feedback[l], rows, cols, x, y, projection.rate(),
                        projection.decay());
                case NONE -> { }
            }
            if (lateral) {
                // −dt·η^PI·v^{api,prev}_ℓ (noise-free), then ΔB^PI on top of BP's tie (quirk 8)
                @Real@LaneKernels.scale(-interneuronToPyramidRate[l], s.apicalPrev[l], s.apicalSignal[l], rows * lanes);
                kernels.addOuter(s.interneuronToPyramid[l], rows, cols, s.apicalSignal[l], interneuronRatePrev, null);
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
            @real@[] pre = s.ratePrev[l - 1]; // x^prev for ℓ = 1
            @real@[] observed = forwardUpdatesObserved ? s.forwardUpdate[l] : null;
            if (forwardDecays && forwardLearns(l)) {
                // W ← (1 − dt·η·λ)·W before the increment: the decay a rule asks for (Kolen–Pollack)
                @Real@LaneKernels.scale(forwardKeep[l], s.forward[l], s.forward[l], n[l] * n[l - 1] * lanes);
            }
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
        Arrays.fill(s.nonFinite, 0);
        // after computeProspectiveRates, somaticOld holds u (of before this step) and somatic receives the new u
        for (int l = 1; l <= top - 1; l++) {
            // interneuron: nudged by the prospective voltage of the layer above (quirk 9)
            @Real@LaneKernels.relax(interneuronDendriteWeight, s.dendrite[l], interneuronNudgingWeight, s.prospective[l + 1],
                    s.interneuronOld[l], interneuronRelaxation, s.interneuron[l], n[l + 1] * lanes, s.nonFinite);
        }
        boolean noisy = injectingNoise();
        for (int l = 1; l <= top - 1; l++) {
            if (noisy) {
                @Real@LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.noiseBeforeRefresh[l],
                        s.somaticOld[l], hiddenRelaxation, s.somatic[l], n[l] * lanes, s.nonFinite);
            } else {
                @Real@LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.somaticOld[l],
                        hiddenRelaxation, s.somatic[l], n[l] * lanes, s.nonFinite);
            }
        }
        int count = n[top] * lanes;
        if (target != null) {
            @Real@LaneKernels.relax(outputBasalWeightWithTarget, s.basal[top], outputTargetWeight, target, s.somaticOld[top],
                    outputRelaxation, s.somatic[top], count, s.nonFinite);
        } else {
            // free output: relaxes with G_N towards a_o·v^bas (quirk 2)
            @Real@LaneKernels.relax(outputBasalWeightFree, s.basal[top], s.somaticOld[top], outputRelaxation, s.somatic[top],
                    count, s.nonFinite);
        }
    }

    @Override
    public void updateHighPass() {
        if (s.highPass == null) {
            return;
        }
        for (int l = 1; l <= top; l++) {
            @Real@LaneKernels.highPass(s.highPass[l], s.rate[l], s.ratePrev[l], highPassFactor, n[l] * lanes);
        }
    }
}
