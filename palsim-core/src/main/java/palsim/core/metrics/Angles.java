package palsim.core.metrics;

/**
 * Angles between weight matrices, as in both specs: the Frobenius cosine of the whole matrices,
 * {@code cos(A, B) = tr(AᵀB) / (‖A‖_F ‖B‖_F)}, in degrees (microcircuit.md §6, le-network.md §4.3).
 * Matrices are flat row-major arrays; sums are accumulated in double precision.
 */
public final class Angles {
    private Angles() {}

    /** The cosine of two equally shaped arrays; NaN if either is all zeros. */
    public static double cosine(double[] a, double[] b) {
        requireSameLength(a.length, b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The cosine of two equally shaped arrays; NaN if either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        requireSameLength(a.length, b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i], y = b[i];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.sqrt(na * nb);
    }

    /** ∠(A, B) in degrees for equally shaped arrays. */
    public static double degrees(double[] a, double[] b) {
        return toDegrees(cosine(a, b));
    }

    /**
     * ∠(B, Wᵀ) in degrees, with B {@code rows × cols} and W {@code cols × rows}, both row-major.
     */
    public static double degreesToTranspose(double[] b, double[] w, int rows, int cols) {
        requireSameLength(b.length, rows * cols);
        requireSameLength(w.length, rows * cols);
        double dot = 0, nb = 0, nw = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = b[i * cols + j], y = w[j * rows + i];
                dot += x * y;
                nb += x * x;
                nw += y * y;
            }
        }
        return toDegrees(dot / Math.sqrt(nb * nw));
    }

    /**
     * ∠(B, Wᵀ) in degrees, with B {@code rows × cols} and W {@code cols × rows}, both row-major.
     */
    public static double degreesToTranspose(float[] b, float[] w, int rows, int cols) {
        requireSameLength(b.length, rows * cols);
        requireSameLength(w.length, rows * cols);
        double dot = 0, nb = 0, nw = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = b[i * cols + j], y = w[j * rows + i];
                dot += x * y;
                nb += x * x;
                nw += y * y;
            }
        }
        return toDegrees(dot / Math.sqrt(nb * nw));
    }

    /** arccos in degrees, with the cosine clamped to [−1, 1] against rounding; NaN stays NaN. */
    public static double toDegrees(double cosine) {
        if (Double.isNaN(cosine)) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, cosine))));
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("shapes differ: " + a + " vs " + b + " elements");
        }
    }
}
