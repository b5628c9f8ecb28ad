package palsim.core.microcircuit;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.core.feedback.FeedbackRule;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;

/**
 * The persistent state of a group of up to L seeds (microcircuit.md §2.1), every array laid out
 * {@code [element][lane]} as described in {@link LaneKernels}, with {@link #lanes} lanes: L, or 1
 * for a group of one seed. Per-layer arrays are indexed by the
 * spec's 1-based ℓ (slot 0 unused, except {@code rate[0]}/{@code ratePrev[0]}, which alias the
 * input x_last/x^prev so that layer 1 reads its presynaptic rates like every other layer).
 *
 * <table>
 *   <caption>Spec symbol → field</caption>
 *   <tr><th>spec</th><th>field</th><th>spec</th><th>field</th></tr>
 *   <tr><td>u_ℓ</td><td>{@code somatic}</td><td>u^I_ℓ</td><td>{@code interneuron}</td></tr>
 *   <tr><td>u^old_ℓ</td><td>{@code somaticOld}</td><td>u^{I,old}_ℓ</td><td>{@code interneuronOld}</td></tr>
 *   <tr><td>ŭ_ℓ</td><td>{@code prospective}</td><td>ŭ^I_ℓ</td><td>{@code interneuronProspective}</td></tr>
 *   <tr><td>r_ℓ, r^prev_ℓ</td><td>{@code rate, ratePrev}</td><td>r^I_ℓ, r^{I,prev}_ℓ</td><td>{@code interneuronRate, interneuronRatePrev}</td></tr>
 *   <tr><td>x_last, x^prev</td><td>{@code rate[0], ratePrev[0]}</td><td>ξ_ℓ before this step's refresh</td><td>{@code noiseBeforeRefresh}</td></tr>
 *   <tr><td>v^bas_ℓ (+prev)</td><td>{@code basal, basalPrev}</td><td>v^den_ℓ (+prev)</td><td>{@code dendrite, dendritePrev}</td></tr>
 *   <tr><td>v^api_ℓ (+prev)</td><td>{@code apical, apicalPrev}</td><td></td><td></td></tr>
 *   <tr><td>W_ℓ, W^IP_ℓ</td><td>{@code forward, pyramidToInterneuron}</td><td>B_ℓ, B^PI_ℓ</td><td>{@code feedback, interneuronToPyramid}</td></tr>
 *   <tr><td>ξ_ℓ</td><td>{@code noise}</td><td>h_ℓ</td><td>{@code highPass}</td></tr>
 *   <tr><td>D_ℓ</td><td>{@code forwardLowPass}</td><td>raw ΔW_ℓ</td><td>{@code forwardUpdate}</td></tr>
 * </table>
 *
 * <p>u and u^old (and u^I, u^{I,old}) are two buffers whose roles swap every step instead of being
 * copied: after a step {@code somatic} holds u and {@code somaticOld} the u of the step before.
 *
 * <p>Noise, high-pass and low-pass arrays exist only if the feedback rule uses them. Lanes beyond
 * the group's seeds are inactive: all their values start at 0 and they get no noise, so they stay
 * finite.
 */
final class LaneState {
    /** The lane width: L for a group of two or more seeds, 1 for a group of one seed. */
    final int lanes;
    final int layers;
    final int[] n;
    final int activeLanes;
    final long[] seeds;

    final double[][] somatic;
    final double[][] somaticOld;
    final double[][] prospective;
    final double[][] rate;
    final double[][] ratePrev;
    final double[][] basal;
    final double[][] basalPrev;

    final double[][] interneuron;
    final double[][] interneuronOld;
    final double[][] interneuronProspective;
    final double[][] interneuronRate;
    final double[][] interneuronRatePrev;
    final double[][] dendrite;
    final double[][] dendritePrev;
    final double[][] apical;
    final double[][] apicalPrev;

    final double[][] forward;
    final double[][] pyramidToInterneuron;
    final double[][] feedback;
    final double[][] interneuronToPyramid;

    /** Per-neuron factors of the weight increments (§2.3.7); scratch. */
    final double[][] forwardSignal;
    final double[][] interneuronSignal;
    final double[][] apicalSignal;
    /** Raw ΔW_ℓ of the last step, valid while forward updates are computed. */
    final double[][] forwardUpdate;

    final double[][] noise;
    final double[][] noiseBeforeRefresh;
    final double[][] highPass;
    final double[][] forwardLowPass;

    /** Whether the state serves the {@link SynapsesFirstStepOrder} (the arrays below exist only then). */
    final boolean synapsesFirst;
    /** Pending increments of W^IP_ℓ and B^PI_ℓ (synapses-first order). */
    final double[][] pyramidToInterneuronLowPass;
    final double[][] interneuronToPyramidLowPass;
    /** The target player's rate of the last step, which nudges the output in the next (synapses-first order). */
    final double[] targetRate;

    /**
     * Per vector lane, and one for the scalar remainder of width 1: NaN if a voltage updated in this
     * step is not finite (see {@link LaneKernels#relax}); at width 1 all entries belong to the one
     * seed (see {@link #diverged}).
     */
    final double[] nonFinite;

    /** The model's own generator per lane (noise, shuffles), null for inactive lanes. */
    final UniformRandomProvider[] modelGenerator;
    /**
     * Where each active lane's ξ comes from (by default the rule's OU process on the lane's own
     * generator); null for inactive lanes and for rules without noise.
     */
    final NoiseSource[] noiseSource;

    LaneState(MicrocircuitSpec spec, long[] seeds, List<CircuitState> initial) {
        if (seeds.length == 0 || seeds.length > LaneKernels.LANES) {
            throw new IllegalArgumentException("a group holds 1 to " + LaneKernels.LANES + " seeds, got " + seeds.length);
        }
        this.lanes = widthFor(seeds.length);
        this.nonFinite = new double[LaneKernels.LANES + 1];
        this.layers = spec.pyramidalLayers();
        this.n = spec.layers();
        this.activeLanes = seeds.length;
        this.seeds = seeds.clone();
        int top = layers;
        FeedbackRule rule = spec.feedbackRule();

        somatic = perLayer(1, top, 0);
        somaticOld = perLayer(1, top, 0);
        prospective = perLayer(1, top, 0);
        rate = perLayer(0, top, 0);
        ratePrev = perLayer(0, top, 0);
        basal = perLayer(1, top, 0);
        basalPrev = perLayer(1, top, 0);
        forwardSignal = perLayer(1, top, 0);

        interneuron = perLayer(1, top - 1, 1);
        interneuronOld = perLayer(1, top - 1, 1);
        interneuronProspective = perLayer(1, top - 1, 1);
        interneuronRate = perLayer(1, top - 1, 1);
        interneuronRatePrev = perLayer(1, top - 1, 1);
        dendrite = perLayer(1, top - 1, 1);
        dendritePrev = perLayer(1, top - 1, 1);
        interneuronSignal = perLayer(1, top - 1, 1);
        apical = perLayer(1, top - 1, 0);
        apicalPrev = perLayer(1, top - 1, 0);
        apicalSignal = perLayer(1, top - 1, 0);

        forward = new double[top + 1][];
        forwardUpdate = new double[top + 1][];
        for (int l = 1; l <= top; l++) {
            forward[l] = new double[n[l] * n[l - 1] * lanes];
            forwardUpdate[l] = new double[n[l] * n[l - 1] * lanes];
        }
        pyramidToInterneuron = new double[top][];
        feedback = new double[top][];
        interneuronToPyramid = new double[top][];
        for (int l = 1; l <= top - 1; l++) {
            pyramidToInterneuron[l] = new double[n[l + 1] * n[l] * lanes];
            feedback[l] = new double[n[l] * n[spec.feedbackSource(l)] * lanes];
            interneuronToPyramid[l] = new double[n[l] * n[spec.feedbackSource(l)] * lanes];
        }

        noise = rule.noise().isPresent() ? perLayer(1, top - 1, 0) : null;
        noiseBeforeRefresh = rule.noise().isPresent() ? perLayer(1, top - 1, 0) : null;
        highPass = rule.highPassTau() > 0 ? perLayer(1, top, 0) : null;
        synapsesFirst = spec.stepOrder() instanceof SynapsesFirstStepOrder;
        // the synapses-first order filters every rule's forward updates (its τ_w is a model setting)
        if (rule.forwardLowPassTau() > 0 || synapsesFirst) {
            forwardLowPass = new double[top + 1][];
            for (int l = 1; l <= top; l++) {
                forwardLowPass[l] = new double[n[l] * n[l - 1] * lanes];
            }
        } else {
            forwardLowPass = null;
        }

        if (synapsesFirst) {
            pyramidToInterneuronLowPass = new double[top][];
            interneuronToPyramidLowPass = new double[top][];
            for (int l = 1; l <= top - 1; l++) {
                pyramidToInterneuronLowPass[l] = new double[pyramidToInterneuron[l].length];
                interneuronToPyramidLowPass[l] = new double[interneuronToPyramid[l].length];
            }
            targetRate = new double[n[top] * lanes];
        } else {
            pyramidToInterneuronLowPass = null;
            interneuronToPyramidLowPass = null;
            targetRate = null;
        }

        modelGenerator = new UniformRandomProvider[lanes];
        noiseSource = new NoiseSource[lanes];
        for (int k = 0; k < seeds.length; k++) {
            modelGenerator[k] = RandomStreams.seeded(seeds[k]);
            if (noise != null) {
                noiseSource[k] = new OrnsteinUhlenbeckNoise(rule.noise().get(), spec.dt(), top - 1,
                        ZigguratSampler.NormalizedGaussian.of(modelGenerator[k]));
            }
            load(spec, k, initial.get(k));
        }
    }

    /**
     * The lane width of a group of {@code seeds} seeds: one seed runs alone at L = 1 (plain double
     * code, no idle lanes), more share the L lanes of a vector. A seed's bits are the same either way.
     */
    static int widthFor(int seeds) {
        return seeds == 1 ? 1 : LaneKernels.LANES;
    }

    /** Writes one seed's initial state into lane k and sets the auxiliary state of §4.1. */
    private void load(MicrocircuitSpec spec, int k, CircuitState s) {
        WeightSnapshot w = s.weights();
        for (int l = 1; l <= layers; l++) {
            scatter(s.somaticVoltageView(l), somatic[l], k);
            scatter(w.forwardView(l), forward[l], k);
        }
        for (int l = 1; l <= layers - 1; l++) {
            scatter(s.interneuronVoltageView(l), interneuron[l], k);
            scatter(w.pyramidToInterneuronView(l), pyramidToInterneuron[l], k);
            scatter(w.feedbackView(l), feedback[l], k);
            scatter(w.interneuronToPyramidView(l), interneuronToPyramid[l], k);
        }
        if (synapsesFirst) {
            // every neuron variable starts at 0 except u and u^I as given; ŭ = u until the first step
            for (int l = 1; l <= layers; l++) {
                for (int i = 0; i < n[l]; i++) {
                    int e = i * lanes + k;
                    somaticOld[l][e] = somatic[l][e];
                    prospective[l][e] = somatic[l][e];
                }
            }
            for (int l = 1; l <= layers - 1; l++) {
                for (int i = 0; i < n[l + 1]; i++) {
                    int e = i * lanes + k;
                    interneuronOld[l][e] = interneuron[l][e];
                    interneuronProspective[l][e] = interneuron[l][e];
                }
            }
            return;
        }
        // u^old = u (so the first ŭ equals u); r = φ(u); h = φ(u) (quirk 5); potentials, x, ξ, D = 0
        for (int l = 1; l <= layers; l++) {
            Activation phi = spec.activation(l);
            for (int i = 0; i < n[l]; i++) {
                int e = i * lanes + k;
                double u = somatic[l][e];
                somaticOld[l][e] = u;
                prospective[l][e] = u;
                rate[l][e] = phi.value(u);
                if (highPass != null) {
                    highPass[l][e] = phi.value(u);
                }
            }
        }
        for (int l = 1; l <= layers - 1; l++) {
            Activation phi = spec.activation(l + 1);
            for (int i = 0; i < n[l + 1]; i++) {
                int e = i * lanes + k;
                double u = interneuron[l][e];
                interneuronOld[l][e] = u;
                interneuronProspective[l][e] = u;
                interneuronRate[l][e] = phi.value(u);
            }
        }
    }

    /**
     * The array that holds {@code q} at layer {@code l} (see the table above), or null where the
     * feedback rule keeps no such state (ξ, h, D). Arrays swap roles during a step; between steps
     * this is where the value lives.
     */
    double[] arrayOf(CircuitQuantity q, int l) {
        return switch (q) {
            case SOMATIC_VOLTAGE -> somatic[l];
            case PREVIOUS_SOMATIC_VOLTAGE -> somaticOld[l];
            case PROSPECTIVE_VOLTAGE -> prospective[l];
            case RATE -> rate[l];
            case PREVIOUS_RATE -> ratePrev[l];
            case HIGH_PASS -> highPass == null ? null : highPass[l];
            case BASAL_POTENTIAL -> basal[l];
            case PREVIOUS_BASAL_POTENTIAL -> basalPrev[l];
            case INTERNEURON_VOLTAGE -> interneuron[l];
            case PREVIOUS_INTERNEURON_VOLTAGE -> interneuronOld[l];
            case INTERNEURON_PROSPECTIVE_VOLTAGE -> interneuronProspective[l];
            case INTERNEURON_RATE -> interneuronRate[l];
            case PREVIOUS_INTERNEURON_RATE -> interneuronRatePrev[l];
            case DENDRITIC_POTENTIAL -> dendrite[l];
            case PREVIOUS_DENDRITIC_POTENTIAL -> dendritePrev[l];
            case APICAL_POTENTIAL -> apical[l];
            case PREVIOUS_APICAL_POTENTIAL -> apicalPrev[l];
            case NOISE -> noise == null ? null : noise[l];
            case LAST_INPUT -> rate[0];
            case PREVIOUS_INPUT -> synapsesFirst ? ratePrev[0] : null;
            case TARGET_RATE -> targetRate;
            case FORWARD_WEIGHTS -> forward[l];
            case FORWARD_LOW_PASS -> forwardLowPass == null ? null : forwardLowPass[l];
            case PYRAMID_TO_INTERNEURON_WEIGHTS -> pyramidToInterneuron[l];
            case FEEDBACK_WEIGHTS -> feedback[l];
            case INTERNEURON_TO_PYRAMID_WEIGHTS -> interneuronToPyramid[l];
            case PYRAMID_TO_INTERNEURON_LOW_PASS -> synapsesFirst ? pyramidToInterneuronLowPass[l] : null;
            case INTERNEURON_TO_PYRAMID_LOW_PASS -> synapsesFirst ? interneuronToPyramidLowPass[l] : null;
        };
    }

    /** Lane k of matrix/vector {@code lanes} from a one-seed array. */
    void scatter(double[] oneSeed, double[] laned, int k) {
        for (int e = 0; e < oneSeed.length; e++) {
            laned[e * lanes + k] = oneSeed[e];
        }
    }

    /** Lane k of {@code laned} into a one-seed array of {@code count} values. */
    void gather(double[] laned, int k, double[] oneSeed, int count) {
        for (int e = 0; e < count; e++) {
            oneSeed[e] = laned[e * lanes + k];
        }
    }

    /** Whether a voltage of lane k updated in the last step is not finite. */
    boolean diverged(int k) {
        if (lanes == 1) {
            for (double f : nonFinite) {
                if (Double.isNaN(f)) {
                    return true;
                }
            }
            return false;
        }
        return Double.isNaN(nonFinite[k]);
    }

    /** Arrays for ℓ = from…to of population sizes n_{ℓ+shift}; slots below {@code from} stay null. */
    private double[][] perLayer(int from, int to, int shift) {
        double[][] a = new double[to + 1][];
        for (int l = from; l <= to; l++) {
            a[l] = new double[n[l + shift] * lanes];
        }
        return a;
    }

    static void swap(double[][] a, double[][] b, int l) {
        double[] t = a[l];
        a[l] = b[l];
        b[l] = t;
    }
}
