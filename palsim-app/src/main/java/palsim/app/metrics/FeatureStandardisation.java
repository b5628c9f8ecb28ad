package palsim.app.metrics;

/**
 * Per-feature standardisation fitted on training data (le-network.md §4.2, the reference's
 * {@code StandardScaler}): {@code z_j = (x_j − μ_j) / s_j} with μ_j the mean and s_j the
 * population standard deviation (ddof 0) of feature j over the training rows; a constant feature
 * gets s_j = 1, so it maps to 0 instead of dividing by zero. The same μ, s are applied to test
 * data, which therefore need not have mean 0 and variance 1.
 *
 * @param mean μ_j per feature
 * @param scale s_j per feature (> 0)
 */
public record FeatureStandardisation(double[] mean, double[] scale) {

    public FeatureStandardisation {
        if (mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and scale need the same, positive length; got "
                    + mean.length + " and " + scale.length);
        }
    }

    /** Fits μ and s on {@code x}: {@code x.length / dimension} rows of {@code dimension} features, row-major. */
    public static FeatureStandardisation fit(float[] x, int dimension) {
        int rows = LinearSeparability.rows(x, dimension, "x");
        double[] mean = new double[dimension];
        double[] scale = new double[dimension];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dimension; j++) {
                mean[j] += x[r * dimension + j];
            }
        }
        for (int j = 0; j < dimension; j++) {
            mean[j] /= rows;
        }
        // Two passes (mean first) keep the variance accurate when |μ| ≫ s.
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dimension; j++) {
                double d = x[r * dimension + j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < dimension; j++) {
            double s = Math.sqrt(scale[j] / rows);
            // Like StandardScaler: a (numerically) constant feature keeps its scale.
            scale[j] = s < 10 * Math.ulp(Math.max(1.0, Math.abs(mean[j]))) ? 1.0 : s;
        }
        return new FeatureStandardisation(mean, scale);
    }

    /** Features per row. */
    public int dimension() {
        return mean.length;
    }

    /** {@code (x − μ) / s} row by row, as a new row-major array. */
    public double[] apply(float[] x) {
        int dimension = dimension();
        int rows = LinearSeparability.rows(x, dimension, "x");
        double[] z = new double[x.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dimension; j++) {
                int i = r * dimension + j;
                z[i] = (x[i] - mean[j]) / scale[j];
            }
        }
        return z;
    }
}
