package palsim.core.microcircuit.protocol;

import java.util.Arrays;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * The teacher–student loss (microcircuit.md §6, "Loss"): at every record, per lane,
 * {@code MSE = ‖ŭ_N − u^tgt‖²} (a sum of squares, quirk 17); per epoch, the mean over that epoch's
 * records (epoch 0 = the settling records, against the unapplied paired targets). Records without
 * a target (bw_only) are ignored.
 */
public final class OutputLoss implements RunObserver {
    /** Metric name. */
    public static final String NAME = "mse";

    private final double[][] sums;
    private final int[] counts;
    private final int outputs;

    /**
     * @param lanes seeds of the observed group
     * @param outputs n_N
     * @param epochs training epochs (records of epochs 0…epochs are kept)
     */
    public OutputLoss(int lanes, int outputs, int epochs) {
        this.sums = new double[lanes][epochs + 1];
        this.counts = new int[epochs + 1];
        this.outputs = outputs;
    }

    @Override
    public void recorded(MicrocircuitGroup group, RecordPoint point) {
        double[] target = point.target();
        if (target == null) {
            return;
        }
        int lanes = group.width();
        for (int k = 0; k < sums.length; k++) {
            sums[k][point.epoch()] += squaredError(group, k, target, lanes);
        }
        counts[point.epoch()]++;
    }

    /** ‖ŭ_N − u^tgt‖² of lane k now. */
    double squaredError(MicrocircuitGroup group, int k, double[] target, int lanes) {
        double s = 0;
        for (int i = 0; i < outputs; i++) {
            double d = group.outputProspectiveVoltage(k, i) - target[i * lanes + k];
            s += d * d;
        }
        return s;
    }

    /** The mean squared error of lane k per epoch (index 0 = settling); NaN for epochs without records. */
    public double[] meanPerEpoch(int lane) {
        double[] m = new double[counts.length];
        for (int e = 0; e < m.length; e++) {
            m[e] = counts[e] == 0 ? Double.NaN : sums[lane][e] / counts[e];
        }
        return m;
    }

    /** The sums and counts so far, for a checkpoint. */
    public void writeState(StateWriter out) {
        out.writeInt(sums.length);
        for (double[] lane : sums) {
            out.writeDoubles(lane);
        }
        out.writeInts(counts);
    }

    /** Continues from {@link #writeState}. */
    public void readState(StateReader in) {
        in.expectInt(sums.length, "output loss: lanes");
        for (double[] lane : sums) {
            in.readDoublesInto(lane, "output loss per epoch");
        }
        int[] saved = in.readInts();
        if (saved.length != counts.length) {
            throw new palsim.core.state.StateMismatchException("output loss: " + saved.length + " epochs saved, expected "
                    + counts.length);
        }
        System.arraycopy(saved, 0, counts, 0, counts.length);
    }

    @Override
    public String toString() {
        return "OutputLoss" + Arrays.toString(counts);
    }
}
