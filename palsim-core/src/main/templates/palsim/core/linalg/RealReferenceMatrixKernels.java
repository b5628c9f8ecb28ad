// Template: the build generates DoubleReferenceMatrixKernels and FloatReferenceMatrixKernels from
// this file (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.linalg;

/**
 * Plain, obviously correct loops computing what {@link @Real@MatrixKernels} computes, for testing it
 * and for scalar reference code. Same arguments and semantics; products are summed with ordinary
 * multiplies and adds in increasing p, so results differ from the vector kernels' fused
 * multiply-adds in the last bits.
 */
public final class @Real@ReferenceMatrixKernels {
    private @Real@ReferenceMatrixKernels() {}

    /** C ← α·op(A)·B + β·C on rows [rowFrom, rowTo), as {@link @Real@MatrixKernels#multiply}. */
    public static void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, @real@ alpha,
            @real@[] a, int aOffset, int lda, @real@[] b, int bOffset, int ldb, @real@ beta, @real@[] c, int cOffset,
            int ldc) {
        MatrixArguments.checkMultiply(transA, rowFrom, rowTo, columns, inner, a.length, aOffset, lda, b.length,
                bOffset, ldb, c.length, cOffset, ldc);
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = 0; j < columns; j++) {
                @real@ sum = 0;
                for (int p = 0; p < inner; p++) {
                    sum += a[aIndex(transA, aOffset, lda, i, p)] * b[bOffset + p * ldb + j];
                }
                int ci = cOffset + i * ldc + j;
                c[ci] = beta == 0 ? alpha * sum : alpha * sum + beta * c[ci];
            }
        }
    }

    /** y ← M·x for an m × n matrix M (row-major), a new array: {@link #multiply} with one column. */
    public static @real@[] matVec(@real@[] m, int rows, int cols, @real@[] x) {
        @real@[] y = new @real@[rows];
        multiply(Transpose.NONE, 0, rows, 1, cols, 1, m, 0, cols, x, 0, 1, 0, y, 0, 1);
        return y;
    }

    /** y ← Mᵀ·x for an m × n matrix M (row-major), a new array of length n. */
    public static @real@[] transposedMatVec(@real@[] m, int rows, int cols, @real@[] x) {
        @real@[] y = new @real@[cols];
        multiply(Transpose.TRANSPOSED, 0, cols, 1, rows, 1, m, 0, cols, x, 0, 1, 0, y, 0, 1);
        return y;
    }

    private static int aIndex(Transpose transA, int aOffset, int lda, int i, int p) {
        return transA == Transpose.NONE ? aOffset + i * lda + p : aOffset + p * lda + i;
    }
}
