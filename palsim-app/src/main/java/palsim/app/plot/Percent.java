package palsim.app.plot;

/**
 * Accuracies are stored as fractions (the metrics {@code val_acc}, {@code test_acc}) and drawn as
 * percent in every classification figure; these convert curves for {@link EpochCurves}, which
 * draws values as given.
 */
public final class Percent {
    private Percent() {}

    /** {@code 100 · fraction}; NaN stays NaN. */
    public static double of(double fraction) {
        return 100 * fraction;
    }

    /** Each value times 100, as a new array. */
    public static double[] of(double[] fractions) {
        double[] percent = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            percent[i] = of(fractions[i]);
        }
        return percent;
    }

    /** Each value times 100, as a new array ({@code perSeed[s][i]} for {@link EpochCurves.Panel#rule}). */
    public static double[][] of(double[][] fractions) {
        double[][] percent = new double[fractions.length][];
        for (int s = 0; s < fractions.length; s++) {
            percent[s] = of(fractions[s]);
        }
        return percent;
    }

    /** Rejects a finite value outside [0, 1]: a percentage passed where a fraction belongs. */
    static void requireFraction(String what, double value) {
        if (Double.isFinite(value) && (value < 0 || value > 1)) {
            throw new IllegalArgumentException(what + ": accuracy " + value + " is not a fraction in [0, 1]");
        }
    }
}
