package palsim.core.metrics;

import java.util.function.IntToDoubleFunction;

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
        return cosine(a.length, i -> a[i], i -> b[i]);
    }

    /** The cosine of two equally shaped arrays; NaN if either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        requireSameLength(a.length, b.length);
        return cosine(a.length, i -> a[i], i -> b[i]);
    }

    /** Σ a_k b_k / √(Σ a_k² Σ b_k²) over k &lt; n, accumulated in double precision. */
    private static double cosine(int n, IntToDoubleFunction a, IntToDoubleFunction b) {
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < n; k++) {
            double x = a.applyAsDouble(k), y = b.applyAsDouble(k);
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
        return toDegrees(cosine(rows * cols, k -> b[k], k -> w[(k % cols) * rows + k / cols]));
    }

    /**
     * ∠(B, Wᵀ) in degrees, with B {@code rows × cols} and W {@code cols × rows}, both row-major.
     */
    public static double degreesToTranspose(float[] b, float[] w, int rows, int cols) {
        requireSameLength(b.length, rows * cols);
        requireSameLength(w.length, rows * cols);
        return toDegrees(cosine(rows * cols, k -> b[k], k -> w[(k % cols) * rows + k / cols]));
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
