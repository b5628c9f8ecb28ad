package palsim.core.linalg;

/**
 * Plain, obviously correct loops computing what {@link FloatMatrixKernels} and
 * {@link DoubleMatrixKernels} compute, for testing them. Same arguments and semantics; products
 * are summed with ordinary multiplies and adds in increasing p, so results differ from the vector
 * kernels' fused multiply-adds in the last bits.
 */
public final class ReferenceMatrixKernels {
    private ReferenceMatrixKernels() {}

    /** C ← α·op(A)·B + β·C on rows [rowFrom, rowTo), as {@link FloatMatrixKernels#multiply}. */
    public static void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset,
            int ldc) {
        MatrixArguments.checkMultiply(transA, rowFrom, rowTo, columns, inner, a.length, aOffset, lda, b.length,
                bOffset, ldb, c.length, cOffset, ldc);
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = 0; j < columns; j++) {
                float sum = 0f;
                for (int p = 0; p < inner; p++) {
                    sum += a[aIndex(transA, aOffset, lda, i, p)] * b[bOffset + p * ldb + j];
                }
                int ci = cOffset + i * ldc + j;
                c[ci] = beta == 0f ? alpha * sum : alpha * sum + beta * c[ci];
            }
        }
    }

    /** C ← α·op(A)·B + β·C on rows [rowFrom, rowTo), as {@link DoubleMatrixKernels#multiply}. */
    public static void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, double alpha,
            double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset,
            int ldc) {
        MatrixArguments.checkMultiply(transA, rowFrom, rowTo, columns, inner, a.length, aOffset, lda, b.length,
                bOffset, ldb, c.length, cOffset, ldc);
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = 0; j < columns; j++) {
                double sum = 0.0;
                for (int p = 0; p < inner; p++) {
                    sum += a[aIndex(transA, aOffset, lda, i, p)] * b[bOffset + p * ldb + j];
                }
                int ci = cOffset + i * ldc + j;
                c[ci] = beta == 0.0 ? alpha * sum : alpha * sum + beta * c[ci];
            }
        }
    }

    private static int aIndex(Transpose transA, int aOffset, int lda, int i, int p) {
        return transA == Transpose.NONE ? aOffset + i * lda + p : aOffset + p * lda + i;
    }
}
