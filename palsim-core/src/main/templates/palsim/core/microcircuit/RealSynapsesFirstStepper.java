// Template: the build generates DoubleSynapsesFirstStepper and FloatSynapsesFirstStepper from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

import java.util.Arrays;
import palsim.core.feedback.FeedbackSignal;

/**
 * The phases of the {@link SynapsesFirstStepOrder} (microcircuit-classification.md §1–§5) on a
 * {@link @Real@LaneState}, vectorised over lanes with the same kernels as the rates-first
 * {@link @Real@LaneStepper} wherever the maths is the same (prediction errors, matrix-vector products,
 * feedback learning and ties, somatic relaxation, high-pass, noise).
 *
 * <p>Between steps the state holds, for step n: u(n) in {@code somatic}, ŭ(n) in
 * {@code prospective}, r(n) and r(n−1) in {@code rate}/{@code ratePrev} (for the input: the
 * player's x(n) and x(n−1)), v^bas(n), v^den(n), the noise-free v^api(n), ξ(n), h(n), the pending
 * increments D (forward, W^IP, B^PI) and the target player's rate. {@link #updateSynapses()} reads
 * only those, so each projection delays its signal by one step.
 */
final class @Real@SynapsesFirstStepper extends @Real@LaneStepperBase implements SynapticPhases, SynapsesFirstEngine {
    private final SynapsesFirstStepOrder order;
    // ŭ = u + c·(v_ss − u) with c = τ·G (1 up to rounding)
    private final @real@ hiddenProspective;
    private final @real@ outputProspective;
    private final @real@ interneuronProspective;
    /** k = dt/τ_w of the forward weights' update filter. */
    private final @real@ forwardFilter;
    private boolean noiseOn;

    @Real@SynapsesFirstStepper(MicrocircuitSpec spec, @Real@LaneState state) {
        super(spec, state, ((SynapsesFirstStepOrder) spec.stepOrder()).staticInterneuronToPyramid());
        if (spec.prospectiveFactor() != 1) {
            throw new IllegalArgumentException("step_order " + SynapsesFirstStepOrder.CONFIG_NAME
                    + " implements Latent Equilibrium neurons only (taur = 1), got taur = " + spec.prospectiveFactor());
        }
        this.order = (SynapsesFirstStepOrder) spec.stepOrder();
        Conductances g = spec.conductances();
        // τ·G with τ = 1/G and G each rounded to @real@ first, as the reference derives them
        hiddenProspective = (@real@) (1.0 / g.hiddenTotal()) * (@real@) g.hiddenTotal();
        outputProspective = (@real@) (1.0 / g.outputTotal()) * (@real@) g.outputTotal();
        interneuronProspective = (@real@) (1.0 / g.interneuronTotal()) * (@real@) g.interneuronTotal();
        if (order.forwardLowPassTau() < dt) {
            throw new IllegalArgumentException("tau_forward_low_pass must be >= dt = " + dt + ", got " + order.forwardLowPassTau());
        }
        forwardFilter = (@real@) (dt / order.forwardLowPassTau());
    }

    // ------------------------------------------------------------------------------------------
    // Control

    /** Whether the rule's noise is injected (and advanced), independently of learning and teaching. */
    @Override
    public void setNoise(boolean on) {
        this.noiseOn = on;
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

    /** Sets the players as at the start of a stage: x(n) = x(n−1) = {@code x}, target rate {@code t} (may be null). */
    @Override
    public void resetPlayers(double[] x, double[] t) {
        LaneCopies.copy(x, s.rate[0], n[0] * lanes);
        LaneCopies.copy(x, s.ratePrev[0], n[0] * lanes);
        if (t != null) {
            LaneCopies.copy(t, s.targetRate, n[top] * lanes);
        }
    }

    @Override
    public void step() {
        order.step(this);
    }

    @Override
    boolean forwardLearns(int l) {
        return switches.forward() && forwardRate[l] != 0;
    }

    /**
     * A signal of B_ℓ's update, all of the previous step: ξ_ℓ(n−1), h(n−1), the rates below as
     * W_{ℓ+1}'s update reads them (r_ℓ(n−2)) and above r_{ℓ+1}(n−1), the forward update's factor
     * of this step.
     */
    private @real@[] signal(FeedbackSignal signal, int population, boolean below) {
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
                @Real@LaneKernels.scale(forwardKeep[l], s.forward[l], s.forward[l], n[l] * n[l - 1] * lanes);
            }
            kernels.delayedUpdateThenMatVec(s.forward[l], s.forwardLowPass[l], n[l], n[l - 1], s.forwardSignal[l],
                    s.ratePrev[l - 1], forwardFilter, s.rate[l - 1], s.basal[l], false);
        }
        for (int l = 1; l <= top - 1; l++) {
            if (pyramidToInterneuronLearns(l)) {
                kernels.delayedUpdateThenMatVec(s.pyramidToInterneuron[l], s.pyramidToInterneuronLowPass[l], n[l + 1], n[l],
                        s.interneuronSignal[l], s.ratePrev[l], 1, s.rate[l], s.dendrite[l], false);
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
                        s.apicalSignal[l], s.interneuronRatePrev[source - 1], 1, s.interneuronRate[source - 1], s.apical[l],
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
                @Real@LaneKernels.predictionError(forwardRate[l], s.rate[l], phi[l], forwardAttenuation[l], s.basal[l],
                        s.forwardSignal[l], n[l] * lanes);
            }
        }
        for (int l = 1; l <= top - 1; l++) {
            if (pyramidToInterneuronLearns(l)) {
                @Real@LaneKernels.predictionError(pyramidToInterneuronRate[l], s.interneuronRate[l], phi[l + 1],
                        interneuronAttenuation, s.dendrite[l], s.interneuronSignal[l], n[l + 1] * lanes);
            }
            if (interneuronToPyramidLearns(l)) {
                @Real@LaneKernels.scale(-interneuronToPyramidRate[l], s.apical[l], s.apicalSignal[l], n[l] * lanes);
            }
        }
    }

    /** The feedback rule's change of B_ℓ, made before B_ℓ transmits (weights first, then transmission). */
    private void learnFeedback(int l, boolean feedbackSwitch) {
        LaneFeedbackProjection projection = projections[l];
        int rows = n[l];
        int cols = n[feedbackSource[l]];
        switch (feedbackRequest(l, feedbackSwitch)) {
            case SET_FROM_FORWARD -> setFeedbackFromForward(l);
            case LEARN_FROM_CORRELATION -> kernels.learnFromCorrelation(s.feedback[l], rows, cols,
                    signal(projection.below(), l, true), signal(projection.above(), l + 1, false), projection.rate(),
                    projection.decay());
            case NONE -> { }
        }
    }

    @Override
    public void updateNeurons() {
        Arrays.fill(s.nonFinite, 0);
        if (s.highPass != null) {
            for (int l = 1; l <= top; l++) {
                @Real@LaneKernels.highPass(s.highPass[l], s.rate[l], s.ratePrev[l], highPassFactor, n[l] * lanes);
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
            @Real@LaneState.swap(s.interneuronRate, s.interneuronRatePrev, l);
            @Real@LaneState.swap(s.interneuron, s.interneuronOld, l);
            @Real@LaneKernels.relax(interneuronDendriteWeight, s.dendrite[l], interneuronNudgingWeight, s.prospective[l + 1],
                    s.interneuronOld[l], interneuronProspective, s.interneuronProspective[l], count, s.nonFinite);
            @Real@LaneKernels.relax(interneuronDendriteWeight, s.dendrite[l], interneuronNudgingWeight, s.prospective[l + 1],
                    s.interneuronOld[l], interneuronRelaxation, s.interneuron[l], count, s.nonFinite);
            @Real@LaneKernels.rates(phi[l + 1], s.interneuronProspective[l], s.interneuronRate[l], count);
        }
        for (int l = 1; l <= top - 1; l++) {
            int count = n[l] * lanes;
            @Real@LaneState.swap(s.rate, s.ratePrev, l);
            @Real@LaneState.swap(s.somatic, s.somaticOld, l);
            if (noisy) {
                // the noise enters with the apical potential (scaled by g_api/G_P)
                @Real@LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.noise[l],
                        s.somaticOld[l], hiddenProspective, s.prospective[l], count, s.nonFinite);
                @Real@LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.noise[l],
                        s.somaticOld[l], hiddenRelaxation, s.somatic[l], count, s.nonFinite);
            } else {
                @Real@LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.somaticOld[l],
                        hiddenProspective, s.prospective[l], count, s.nonFinite);
                @Real@LaneKernels.relax(hiddenBasalWeight, s.basal[l], hiddenApicalWeight, s.apical[l], s.somaticOld[l],
                        hiddenRelaxation, s.somatic[l], count, s.nonFinite);
            }
            @Real@LaneKernels.rates(phi[l], s.prospective[l], s.rate[l], count);
        }
        int count = n[top] * lanes;
        @Real@LaneState.swap(s.rate, s.ratePrev, top);
        @Real@LaneState.swap(s.somatic, s.somaticOld, top);
        if (target != null) {
            // teaching: nudged by the target player's rate of the previous step
            @Real@LaneKernels.relax(outputBasalWeightWithTarget, s.basal[top], outputTargetWeight, s.targetRate,
                    s.somaticOld[top], outputProspective, s.prospective[top], count, s.nonFinite);
            @Real@LaneKernels.relax(outputBasalWeightWithTarget, s.basal[top], outputTargetWeight, s.targetRate,
                    s.somaticOld[top], outputRelaxation, s.somatic[top], count, s.nonFinite);
        } else {
            // free output: steady state a_o·v^bas, still relaxing with G_N (quirk of the reference)
            @Real@LaneKernels.relax(outputBasalWeightFree, s.basal[top], s.somaticOld[top], outputProspective, s.prospective[top],
                    count, s.nonFinite);
            @Real@LaneKernels.relax(outputBasalWeightFree, s.basal[top], s.somaticOld[top], outputRelaxation, s.somatic[top],
                    count, s.nonFinite);
        }
        @Real@LaneKernels.rates(phi[top], s.prospective[top], s.rate[top], count);
        // the players take this step's values; projections see them from the next step on
        @Real@LaneState.swap(s.rate, s.ratePrev, 0);
        System.arraycopy(input, 0, s.rate[0], 0, n[0] * lanes);
        if (target != null) {
            System.arraycopy(target, 0, s.targetRate, 0, count);
        }
    }
}
