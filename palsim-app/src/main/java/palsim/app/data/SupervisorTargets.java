package palsim.app.data;

/**
 * The supervisor's rates for a classification sample (microcircuit-classification.md §6.3): {@code high}
 * for the output unit of the sample's label, {@code low} for every other unit, held for the whole
 * sample. The reference uses 1.0 and 0.1 ({@link #REFERENCE}).
 *
 * @param high the label unit's rate
 * @param low every other unit's rate
 */
public record SupervisorTargets(double high, double low) {
    public static final SupervisorTargets REFERENCE = new SupervisorTargets(1.0, 0.1);

    public SupervisorTargets {
        if (!Double.isFinite(high) || !Double.isFinite(low)) {
            throw new IllegalArgumentException("supervisor rates must be finite, got high " + high + ", low " + low);
        }
    }

    /** Writes the targets of {@code label} into {@code out} (one entry per class); allocates nothing. */
    public void fill(int label, double[] out) {
        checkLabel(label, out.length);
        for (int k = 0; k < out.length; k++) {
            out[k] = k == label ? high : low;
        }
    }

    /** As {@link #fill(int, double[])} for a float network: each rate rounded to the nearest float. */
    public void fill(int label, float[] out) {
        checkLabel(label, out.length);
        float h = (float) high;
        float l = (float) low;
        for (int k = 0; k < out.length; k++) {
            out[k] = k == label ? h : l;
        }
    }

    /** The targets of {@code label} among {@code classes} classes, as a new array. */
    public double[] of(int label, int classes) {
        double[] out = new double[classes];
        fill(label, out);
        return out;
    }

    private static void checkLabel(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
        }
    }
}
