package palsim.core.microcircuit;

/**
 * B := image of W for one seed's row-major matrices, outside the lane engine: the initial state
 * ({@link CircuitState}) and the plain reference ({@link ReferenceMicrocircuit}). The lane engine's
 * kernels apply the same operations in their own storage, so every path gives the same bits.
 */
final class RowMajorTies {
    private RowMajorTies() {}

    /** b := wᵀ and bpi := −b, with b rows × cols and w cols × rows, both row-major. */
    static void tieTransposed(double[] w, double[] b, double[] bpi, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = w[j * rows + i];
                b[i * cols + j] = v;
                bpi[i * cols + j] = -v;
            }
        }
    }

    /**
     * b := m·sign(wᵀ) and bpi := −b, with m the mean |w| summed in w's element order; an entry with
     * w = 0 gives b = 0 (sign-symmetry).
     */
    static void tieSignTransposed(double[] w, double[] b, double[] bpi, int rows, int cols) {
        int count = rows * cols;
        double sum = 0.0;
        for (int e = 0; e < count; e++) {
            sum += Math.abs(w[e]);
        }
        double m = sum / count;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = w[j * rows + i];
                double s = v > 0 ? m : v < 0 ? -m : 0.0;
                b[i * cols + j] = s;
                bpi[i * cols + j] = -s;
            }
        }
    }
}
