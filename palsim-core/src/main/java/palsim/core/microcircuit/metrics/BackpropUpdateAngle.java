package palsim.core.microcircuit.metrics;

import java.util.ArrayList;
import java.util.List;
import palsim.core.metrics.Angles;
import palsim.core.microcircuit.CircuitState;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.protocol.InputSignal;

/**
 * The update angle {@value #NAME} of microcircuit.md §6: how well the microcircuit's own forward
 * updates ΔW_ℓ agree with backpropagation in the equivalent artificial network ({@link AnnBackprop}),
 * per forward layer ℓ = 1…N.
 *
 * <p>Procedure for one snapshot (steps 2–3 of §6): re-impose the self-predicting state on the
 * snapshot's weights (B^PI = −B, W^IP from W; quirk 15), run the circuit through the whole,
 * unshuffled input with the per-step targets nudging the output, all learning and noise off; at
 * the last step of every presentation block take the raw (un-low-passed) ΔW_ℓ of that step and
 * compare it with ΔW^BP_ℓ from the same W, the block's input x and that step's target y.
 *
 * <p>Aggregation (chosen here; the reference stores every block): the result for a snapshot is the
 * arithmetic mean over the blocks of the per-block angles in degrees, per layer. Blocks where either
 * update is exactly zero (undefined angle) are left out; a layer with no defined angle gives NaN.
 *
 * <p>The run starts from the snapshot's somatic voltages with the auxiliary state of §4.1; the
 * first block's transient (a few steps) ends long before its last step. It costs one pass through
 * the input per snapshot — as much as a training epoch — which is why experiments call it behind a
 * flag. Snapshots are evaluated L at a time in the lanes of one group.
 */
public final class BackpropUpdateAngle {
    /** Metric name. */
    public static final String NAME = "angle_dW_BP";

    private final MicrocircuitSpec spec;
    private final InputSignal input;
    private final double[][] stepTargets;

    /**
     * @param spec the student's spec
     * @param input the unshuffled input the student is run on
     * @param stepTargets u^tgt for every step of one pass through {@code input} (the teacher's ŭ_N
     *     of §6 step 1), {@code input.stepsPerEpoch()} rows of n_N values
     */
    public BackpropUpdateAngle(MicrocircuitSpec spec, InputSignal input, double[][] stepTargets) {
        int[] n = spec.layers();
        if (input.width() != n[0]) {
            throw new IllegalArgumentException("input has " + input.width() + " values per sample; layers[0] is " + n[0]);
        }
        if (stepTargets.length != input.stepsPerEpoch()) {
            throw new IllegalArgumentException("need one target per step (" + input.stepsPerEpoch() + "), got "
                    + stepTargets.length);
        }
        int outputs = n[n.length - 1];
        this.stepTargets = new double[stepTargets.length][];
        for (int t = 0; t < stepTargets.length; t++) {
            if (stepTargets[t].length != outputs) {
                throw new IllegalArgumentException("target " + t + " has " + stepTargets[t].length + " values; the output has "
                        + outputs);
            }
            this.stepTargets[t] = stepTargets[t].clone();
        }
        this.spec = spec;
        this.input = input;
    }

    /** The mean angle per forward layer (index ℓ−1) for one snapshot. */
    public double[] meanAngles(CircuitState snapshot) {
        return meanAngles(List.of(snapshot)).get(0);
    }

    /** The mean angle per forward layer (index ℓ−1) of every snapshot, in order. */
    public List<double[]> meanAngles(List<CircuitState> snapshots) {
        List<double[]> results = new ArrayList<>(snapshots.size());
        int lanes = MicrocircuitGroup.lanes(spec);
        for (int from = 0; from < snapshots.size(); from += lanes) {
            results.addAll(evaluateGroup(snapshots.subList(from, Math.min(from + lanes, snapshots.size()))));
        }
        return results;
    }

    private List<double[]> evaluateGroup(List<CircuitState> snapshots) {
        int count = snapshots.size();
        int top = spec.pyramidalLayers();
        int[] n = spec.layers();
        List<CircuitState> prepared = new ArrayList<>(count);
        long[] seeds = new long[count];
        for (int k = 0; k < count; k++) {
            prepared.add(snapshots.get(k).withSelfPredictingState(spec.conductances()));
            seeds[k] = k; // no noise and no shuffles: the generators are never used
        }
        MicrocircuitGroup group = MicrocircuitGroup.fromStates(spec, seeds, prepared);
        group.setLearning(LearningSwitches.OFF);
        group.observeForwardUpdates(true);
        int lanes = group.width();

        double[][][] weights = new double[count][top][];
        for (int k = 0; k < count; k++) {
            for (int l = 1; l <= top; l++) {
                weights[k][l - 1] = group.forwardWeights(k, l);
            }
        }
        double[][] sums = new double[count][top];
        int[][] defined = new int[count][top];
        double[] x = new double[n[0] * lanes];
        double[] y = new double[n[top] * lanes];
        int steps = input.stepsPerSample();
        int step = 0;
        for (int block = 0; block < input.samples(); block++) {
            double[] sample = input.sample(block);
            fill(group, x, sample, count);
            for (int s = 0; s < steps; s++, step++) {
                fill(group, y, stepTargets[step], count);
                group.step(x, y);
            }
            double[] target = stepTargets[step - 1];
            for (int k = 0; k < count; k++) {
                double[][] backprop = AnnBackprop.updates(spec, weights[k], sample, target);
                for (int l = 1; l <= top; l++) {
                    double angle = Angles.degrees(group.forwardUpdate(k, l), backprop[l - 1]);
                    if (!Double.isNaN(angle)) {
                        sums[k][l - 1] += angle;
                        defined[k][l - 1]++;
                    }
                }
            }
        }
        List<double[]> results = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double[] mean = new double[top];
            for (int l = 0; l < top; l++) {
                mean[l] = defined[k][l] == 0 ? Double.NaN : sums[k][l] / defined[k][l];
            }
            results.add(mean);
        }
        return results;
    }

    private static void fill(MicrocircuitGroup group, double[] laned, double[] values, int activeLanes) {
        for (int k = 0; k < activeLanes; k++) {
            group.scatter(values, k, laned);
        }
    }
}
