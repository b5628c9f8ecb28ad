package palsim.app.metrics;

/**
 * The first two principal components of a point cloud, for drawing latent codes of more than two
 * dimensions in a plane: the data are centred on their mean, the covariance matrix (population,
 * ddof 0) is diagonalised by cyclic Jacobi rotations, and the points are projected on the
 * eigenvectors of the two largest eigenvalues. Each axis's sign is fixed (its largest-magnitude
 * loading is positive) so the same data always give the same picture.
 *
 * @param projected {@code rows × 2}, row-major: each point's coordinates along PC 1 and PC 2
 * @param explained the fraction of the total variance along PC 1 and PC 2 (0 for constant data)
 */
public record PrincipalComponents(double[] projected, double[] explained) {
    private static final int MAX_SWEEPS = 100;

    /** Projects {@code x} ({@code x.length / dimension} rows of {@code dimension ≥ 2} features, row-major). */
    public static PrincipalComponents firstTwo(float[] x, int dimension) {
        if (dimension < 2) {
            throw new IllegalArgumentException("principal components need at least 2 dimensions, got " + dimension);
        }
        int rows = LinearSeparability.rows(x, dimension, "x");
        double[] mean = FeatureStandardisation.fit(x, dimension).mean();
        double[][] covariance = new double[dimension][dimension];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < dimension; i++) {
                double di = x[r * dimension + i] - mean[i];
                for (int j = i; j < dimension; j++) {
                    covariance[i][j] += di * (x[r * dimension + j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < dimension; i++) {
            for (int j = i; j < dimension; j++) {
                covariance[i][j] /= rows;
                covariance[j][i] = covariance[i][j];
            }
        }
        double[][] vectors = diagonalise(covariance);
        int[] order = largestTwo(covariance);
        double total = 0;
        for (int i = 0; i < dimension; i++) {
            total += Math.max(0, covariance[i][i]);
        }
        double[][] axes = new double[2][dimension];
        double[] explained = new double[2];
        for (int c = 0; c < 2; c++) {
            int k = order[c];
            int largest = 0;
            for (int j = 0; j < dimension; j++) {
                axes[c][j] = vectors[j][k];
                if (Math.abs(axes[c][j]) > Math.abs(axes[c][largest])) {
                    largest = j;
                }
            }
            if (axes[c][largest] < 0) {
                for (int j = 0; j < dimension; j++) {
                    axes[c][j] = -axes[c][j];
                }
            }
            explained[c] = total > 0 ? Math.max(0, covariance[k][k]) / total : 0;
        }
        double[] projected = new double[2 * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 2; c++) {
                double sum = 0;
                for (int j = 0; j < dimension; j++) {
                    sum += (x[r * dimension + j] - mean[j]) * axes[c][j];
                }
                projected[2 * r + c] = sum;
            }
        }
        return new PrincipalComponents(projected, explained);
    }

    /**
     * Cyclic Jacobi: rotates the symmetric {@code a} in place until it is diagonal (its eigenvalues on
     * the diagonal) and returns the accumulated rotation, whose column k is the eigenvector of {@code a[k][k]}.
     */
    private static double[][] diagonalise(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int i = 0; i < n; i++) {
                diagonal += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * diagonal || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        return v;
    }

    /** Indices of the two largest diagonal entries, largest first (the lower index on ties). */
    private static int[] largestTwo(double[][] a) {
        int first = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i][i] > a[first][first]) {
                first = i;
            }
        }
        int second = first == 0 ? 1 : 0;
        for (int i = 0; i < a.length; i++) {
            if (i != first && a[i][i] > a[second][second]) {
                second = i;
            }
        }
        return new int[] {first, second};
    }
}
