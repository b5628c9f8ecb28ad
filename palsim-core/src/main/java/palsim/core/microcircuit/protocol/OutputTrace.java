package palsim.core.microcircuit.protocol;

import java.util.Arrays;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * Captures, for a few chosen epochs, every step of the first {@code samples} blocks: each lane's
 * output prospective voltage ŭ_N and the target applied in that step — the student-versus-teacher
 * trace of a Fig. 1d-style plot (first and last epoch, say).
 */
public final class OutputTrace implements RunObserver {
    private final int[] epochs;
    private final int steps;
    private final int outputs;
    /** [epoch index][lane][step][output]. */
    private final double[][][][] student;
    private final double[][][][] target;
    private int current = -1;

    /**
     * @param lanes seeds of the observed group
     * @param outputs n_N
     * @param epochs the epochs to capture (0 = settling)
     * @param samples blocks captured from the start of each of those epochs
     * @param stepsPerSample K
     */
    public OutputTrace(int lanes, int outputs, int[] epochs, int samples, int stepsPerSample) {
        this.epochs = epochs.clone();
        this.steps = samples * stepsPerSample;
        this.outputs = outputs;
        this.student = new double[epochs.length][lanes][steps][outputs];
        this.target = new double[epochs.length][lanes][steps][outputs];
    }

    @Override
    public boolean tracesEpoch(int epoch) {
        current = -1;
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] == epoch) {
                current = i;
            }
        }
        return current >= 0;
    }

    @Override
    public void stepped(MicrocircuitGroup group, RecordPoint point, int stepInEpoch) {
        if (current < 0 || stepInEpoch >= steps) {
            return;
        }
        int lanes = group.width();
        double[] t = point.target();
        for (int k = 0; k < student[current].length; k++) {
            for (int i = 0; i < outputs; i++) {
                student[current][k][stepInEpoch][i] = group.outputProspectiveVoltage(k, i);
                target[current][k][stepInEpoch][i] = t == null ? Double.NaN : t[i * lanes + k];
            }
        }
    }

    /** The captured epochs, in the order given. */
    public int[] epochs() {
        return epochs.clone();
    }

    /** ŭ_N of lane {@code lane} in the {@code index}-th captured epoch: [step][output]. */
    public double[][] student(int index, int lane) {
        return copy(student[index][lane]);
    }

    /** The target of lane {@code lane} in the {@code index}-th captured epoch: [step][output]. */
    public double[][] target(int index, int lane) {
        return copy(target[index][lane]);
    }

    /** Everything captured so far, for a checkpoint. */
    public void writeState(StateWriter out) {
        for (double[][][][] captured : new double[][][][][] {student, target}) {
            for (double[][][] epoch : captured) {
                for (double[][] lane : epoch) {
                    for (double[] step : lane) {
                        out.writeDoubles(step);
                    }
                }
            }
        }
    }

    /** Continues from {@link #writeState} of a trace of the same shape. */
    public void readState(StateReader in) {
        for (double[][][][] captured : new double[][][][][] {student, target}) {
            for (double[][][] epoch : captured) {
                for (double[][] lane : epoch) {
                    for (double[] step : lane) {
                        in.readDoublesInto(step, "output trace");
                    }
                }
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "OutputTrace" + Arrays.toString(epochs);
    }
}
