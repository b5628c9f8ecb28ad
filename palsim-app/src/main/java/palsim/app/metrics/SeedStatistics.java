package palsim.app.metrics;

import java.util.Locale;

/**
 * Mean ± standard deviation of one quantity over seeds: the one implementation behind summary.json,
 * the terminal's summary lines and the figures' bands (docs/metrics.md, "Mean ± std over seeds").
 *
 * <p>NaN policy: the statistics are taken over the seeds whose value is <b>finite</b>; NaN and ±∞
 * are left out and counted, never averaged in, so one undefined seed neither hides the others nor
 * passes for a number. {@link #finite()} of {@link #seeds()} says how many went in; with none,
 * mean and std are NaN. The standard deviation is the population one (ddof 0, √(Σ(x − mean)²/n)),
 * summed in seed order, so results are the same on every run.
 *
 * @param mean the arithmetic mean of the finite values (NaN when there are none)
 * @param std their population standard deviation (NaN when there are none)
 * @param finite how many values were finite
 * @param seeds how many values there were
 */
public record SeedStatistics(double mean, double std, int finite, int seeds) {

    /** The statistics of {@code values}, one per seed. */
    public static SeedStatistics of(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new SeedStatistics(Double.NaN, Double.NaN, 0, values.length);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new SeedStatistics(mean, Math.sqrt(squares / n), n, values.length);
    }

    /** The statistics of column {@code column} of {@code perSeed[seed][column]}. */
    public static SeedStatistics ofColumn(double[][] perSeed, int column) {
        double[] values = new double[perSeed.length];
        for (int s = 0; s < perSeed.length; s++) {
            values[s] = perSeed[s][column];
        }
        return of(values);
    }

    /** Whether every seed's value went in. */
    public boolean complete() {
        return finite == seeds;
    }

    /**
     * {@code 12.3 ± 0.4} with {@code digits} decimals; {@code n/a} without a finite value; and
     * {@code (2 of 3 seeds finite)} after it when some seeds were left out.
     */
    public String format(int digits) {
        if (finite == 0) {
            return "n/a";
        }
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, std) + incompleteNote();
    }

    /** {@code ""}, or {@code " (2 of 3 seeds finite)"} when some seeds were left out. */
    public String incompleteNote() {
        return complete() ? "" : " (" + finite + " of " + seeds + " seeds finite)";
    }
}
