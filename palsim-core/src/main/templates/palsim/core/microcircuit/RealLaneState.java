// Template: the build generates DoubleLaneState and FloatLaneState from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

import java.util.List;
import palsim.core.feedback.FeedbackRule;
import palsim.core.neuron.Activation;

/**
 * The persistent state of a group of up to L seeds (microcircuit.md §2.1) in {@code @real@}, every array laid out
 * {@code [element][lane]} as described in {@link @Real@LaneKernels}, with {@link #lanes} lanes: L, or 1
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
final class @Real@LaneState extends LaneState {

    final @real@[][] somatic;
    final @real@[][] somaticOld;
    final @real@[][] prospective;
    final @real@[][] rate;
    final @real@[][] ratePrev;
    final @real@[][] basal;
    final @real@[][] basalPrev;

    final @real@[][] interneuron;
    final @real@[][] interneuronOld;
    final @real@[][] interneuronProspective;
    final @real@[][] interneuronRate;
    final @real@[][] interneuronRatePrev;
    final @real@[][] dendrite;
    final @real@[][] dendritePrev;
    final @real@[][] apical;
    final @real@[][] apicalPrev;

    final @real@[][] forward;
    final @real@[][] pyramidToInterneuron;
    final @real@[][] feedback;
    final @real@[][] interneuronToPyramid;

    /** Per-neuron factors of the weight increments (§2.3.7); scratch. */
    final @real@[][] forwardSignal;
    final @real@[][] interneuronSignal;
    final @real@[][] apicalSignal;
    /** Raw ΔW_ℓ of the last step, valid while forward updates are computed. */
    final @real@[][] forwardUpdate;

    final @real@[][] noise;
    final @real@[][] noiseBeforeRefresh;
    final @real@[][] highPass;
    final @real@[][] forwardLowPass;

    /** Pending increments of W^IP_ℓ and B^PI_ℓ (synapses-first order). */
    final @real@[][] pyramidToInterneuronLowPass;
    final @real@[][] interneuronToPyramidLowPass;
    /** The target player's rate of the last step, which nudges the output in the next (synapses-first order). */
    final @real@[] targetRate;

    /**
     * Per vector lane, and one for the scalar remainder of width 1: NaN if a voltage updated in this
     * step is not finite (see {@link @Real@LaneKernels#relax}); at width 1 all entries belong to the one
     * seed (see {@link #diverged}).
     */
    final @real@[] nonFinite;

    @Real@LaneState(MicrocircuitSpec spec, long[] seeds, List<CircuitState> initial) {
        super(spec, seeds, @Real@LaneKernels.LANES);
        this.nonFinite = new @real@[@Real@LaneKernels.LANES + 1];
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

        forward = new @real@[top + 1][];
        forwardUpdate = new @real@[top + 1][];
        for (int l = 1; l <= top; l++) {
            forward[l] = new @real@[n[l] * n[l - 1] * lanes];
            forwardUpdate[l] = new @real@[n[l] * n[l - 1] * lanes];
        }
        pyramidToInterneuron = new @real@[top][];
        feedback = new @real@[top][];
        interneuronToPyramid = new @real@[top][];
        for (int l = 1; l <= top - 1; l++) {
            pyramidToInterneuron[l] = new @real@[n[l + 1] * n[l] * lanes];
            feedback[l] = new @real@[n[l] * n[spec.feedbackSource(l)] * lanes];
            interneuronToPyramid[l] = new @real@[n[l] * n[spec.feedbackSource(l)] * lanes];
        }

        noise = rule.noise().isPresent() ? perLayer(1, top - 1, 0) : null;
        noiseBeforeRefresh = rule.noise().isPresent() ? perLayer(1, top - 1, 0) : null;
        highPass = rule.highPassTau() > 0 ? perLayer(1, top, 0) : null;
        // the synapses-first order filters every rule's forward updates (its τ_w is a model setting)
        if (rule.forwardLowPassTau() > 0 || synapsesFirst) {
            forwardLowPass = new @real@[top + 1][];
            for (int l = 1; l <= top; l++) {
                forwardLowPass[l] = new @real@[n[l] * n[l - 1] * lanes];
            }
        } else {
            forwardLowPass = null;
        }

        if (synapsesFirst) {
            pyramidToInterneuronLowPass = new @real@[top][];
            interneuronToPyramidLowPass = new @real@[top][];
            for (int l = 1; l <= top - 1; l++) {
                pyramidToInterneuronLowPass[l] = new @real@[pyramidToInterneuron[l].length];
                interneuronToPyramidLowPass[l] = new @real@[interneuronToPyramid[l].length];
            }
            targetRate = new @real@[n[top] * lanes];
        } else {
            pyramidToInterneuronLowPass = null;
            interneuronToPyramidLowPass = null;
            targetRate = null;
        }

        for (int k = 0; k < seeds.length; k++) {
            load(spec, k, initial.get(k));
        }
    }

    @Override
    LaneEngine engine(MicrocircuitSpec spec) {
        return switch (spec.stepOrder()) {
            case RatesFirstStepOrder o -> new @Real@LaneStepper(spec, this);
            case SynapsesFirstStepOrder o -> new @Real@SynapsesFirstStepper(spec, this);
        };
    }

    /** Writes one seed's initial state into lane k and sets the auxiliary state of §4.1. */
    private void load(MicrocircuitSpec spec, int k, CircuitState s) {
        WeightSnapshot w = s.weights();
        for (int l = 1; l <= layers; l++) {
            scatter(s.somaticVoltageView(l), somatic[l], k);
            scatterMatrix(w.forwardView(l), n[l], forward[l], k);
        }
        for (int l = 1; l <= layers - 1; l++) {
            scatter(s.interneuronVoltageView(l), interneuron[l], k);
            scatterMatrix(w.pyramidToInterneuronView(l), n[l + 1], pyramidToInterneuron[l], k);
            scatterMatrix(w.feedbackView(l), n[l], feedback[l], k);
            scatterMatrix(w.interneuronToPyramidView(l), n[l], interneuronToPyramid[l], k);
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
                @real@ u = somatic[l][e];
                somaticOld[l][e] = u;
                prospective[l][e] = u;
                rate[l][e] = (@real@) phi.value(u);
                if (highPass != null) {
                    highPass[l][e] = (@real@) phi.value(u);
                }
            }
        }
        for (int l = 1; l <= layers - 1; l++) {
            Activation phi = spec.activation(l + 1);
            for (int i = 0; i < n[l + 1]; i++) {
                int e = i * lanes + k;
                @real@ u = interneuron[l][e];
                interneuronOld[l][e] = u;
                interneuronProspective[l][e] = u;
                interneuronRate[l][e] = (@real@) phi.value(u);
            }
        }
    }

    /**
     * The array that holds {@code q} at layer {@code l} (see the table above), or null where the
     * feedback rule keeps no such state (ξ, h, D). Arrays swap roles during a step; between steps
     * this is where the value lives.
     */
    private @real@[] arrayOf(CircuitQuantity q, int l) {
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

    @Override
    double[] read(CircuitQuantity q, int l, int lane, int count) {
        @real@[] laned = arrayOf(q, l);
        if (laned == null) {
            return null;
        }
        return gather(laned, matrixRows(q, l), lane, count);
    }

    @Override
    double value(CircuitQuantity q, int l, int index) {
        return arrayOf(q, l)[index];
    }

    @Override
    double[] forwardUpdate(int l, int lane, int count) {
        return gather(forwardUpdate[l], n[l], lane, count);
    }

    @Override
    void write(CircuitQuantity q, int l, int lane, double[] values) {
        scatterMatrix(values, matrixRows(q, l), arrayOf(q, l), lane);
    }

    /**
     * The number of rows of matrix quantity {@code q} at layer {@code l}, or 0 for a vector. Matrices
     * are stored {@code [row][col][lane]} at width L but column-major at width 1
     * ({@link @Real@ColumnLaneKernels}), so moving one in or out of the state needs its shape.
     */
    private int matrixRows(CircuitQuantity q, int l) {
        return switch (q) {
            case FORWARD_WEIGHTS, FORWARD_LOW_PASS, FEEDBACK_WEIGHTS, INTERNEURON_TO_PYRAMID_WEIGHTS,
                    INTERNEURON_TO_PYRAMID_LOW_PASS -> n[l];
            case PYRAMID_TO_INTERNEURON_WEIGHTS, PYRAMID_TO_INTERNEURON_LOW_PASS -> n[l + 1];
            default -> 0;
        };
    }

    /**
     * Lane k of a stored vector ({@code rows} = 0) or matrix with {@code rows} rows as one seed's
     * row-major array of {@code count} values.
     */
    private double[] gather(@real@[] stored, int rows, int k, int count) {
        double[] oneSeed = new double[count];
        if (lanes > 1 || rows == 0) {
            for (int e = 0; e < count; e++) {
                oneSeed[e] = stored[e * lanes + k];
            }
        } else {
            int cols = count / rows;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    oneSeed[i * cols + j] = stored[@Real@ColumnLaneKernels.index(i, j, rows)];
                }
            }
        }
        return oneSeed;
    }

    /**
     * Lane k of a stored vector ({@code rows} = 0) or matrix with {@code rows} rows from one seed's
     * row-major array (rounded once to {@code @real@}); the inverse of {@link #gather}.
     */
    private void scatterMatrix(double[] rowMajor, int rows, @real@[] stored, int k) {
        if (lanes > 1 || rows == 0) {
            scatter(rowMajor, stored, k);
            return;
        }
        int cols = rowMajor.length / rows;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                stored[@Real@ColumnLaneKernels.index(i, j, rows)] = (@real@) rowMajor[i * cols + j];
            }
        }
    }

    @Override
    boolean keepsNoise() {
        return noise != null;
    }

    /** Lane k of the per-lane vector (or L-lane matrix) {@code laned} from a one-seed array (rounded once to {@code @real@}). */
    private void scatter(double[] oneSeed, @real@[] laned, int k) {
        for (int e = 0; e < oneSeed.length; e++) {
            laned[e * lanes + k] = (@real@) oneSeed[e];
        }
    }

    @Override
    boolean diverged(int k) {
        if (lanes == 1) {
            for (@real@ f : nonFinite) {
                if (@Real@.isNaN(f)) {
                    return true;
                }
            }
            return false;
        }
        return @Real@.isNaN(nonFinite[k]);
    }

    /** Arrays for ℓ = from…to of population sizes n_{ℓ+shift}; slots below {@code from} stay null. */
    private @real@[][] perLayer(int from, int to, int shift) {
        @real@[][] a = new @real@[to + 1][];
        for (int l = from; l <= to; l++) {
            a[l] = new @real@[n[l + shift] * lanes];
        }
        return a;
    }

    static void swap(@real@[][] a, @real@[][] b, int l) {
        @real@[] t = a[l];
        a[l] = b[l];
        b[l] = t;
    }
}
