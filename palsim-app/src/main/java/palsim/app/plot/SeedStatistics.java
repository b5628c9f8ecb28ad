package palsim.app.plot;

/** Mean and population standard deviation (ddof 0) over seeds, ignoring non-finite values. */
final class SeedStatistics {
    private SeedStatistics() {}

    /**
     * For every column i: mean and std of {@code perSeed[s][i]} over the seeds s whose value is
     * finite there; NaN where none is.
     */
    static void meanAndStd(double[][] perSeed, double[] mean, double[] std) {
        for (int i = 0; i < mean.length; i++) {
            double sum = 0;
            int n = 0;
            for (double[] seed : perSeed) {
                if (Double.isFinite(seed[i])) {
                    sum += seed[i];
                    n++;
                }
            }
            if (n == 0) {
                mean[i] = Double.NaN;
                std[i] = Double.NaN;
                continue;
            }
            double m = sum / n;
            double squares = 0;
            for (double[] seed : perSeed) {
                if (Double.isFinite(seed[i])) {
                    squares += (seed[i] - m) * (seed[i] - m);
                }
            }
            mean[i] = m;
            std[i] = Math.sqrt(squares / n);
        }
    }
}
