package palsim.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked double-precision matrix kernels written with the Vector API. They allocate
 * nothing and work on flat row-major arrays with explicit offsets and leading dimensions, so one
 * array can hold a whole batch or a block of a larger matrix.
 *
 * <h2>The micro-kernel</h2>
 * {@link #multiply} computes C ← α·op(A)·B + β·C. The output is cut into tiles of
 * {@value #TILE_ROWS} or 8 rows × two vectors ({@code 2·}{@link #lanes()} columns; 16 doubles with
 * AVX-512) held in eight or sixteen accumulators; the kernel streams the inner dimension p, broadcasts one
 * element op(A)[i, p] per tile row and loads two vectors of row p of B per step. Columns that do
 * not fill two vectors are done with masked one-vector tiles, rows that do not fill a tile with
 * masked one-row tiles.
 *
 * <h2>Determinism</h2>
 * Every output element is computed by the same sequence of operations whatever tile, tail or row
 * range it falls in: {@code s ← fma(op(A)[i,p], B[p,j], s)} for p = 0, 1, …, inner−1 starting from
 * s = 0, then {@code C[i,j] ← α·s} if β = 0 and {@code C[i,j] ← fma(s, α, β·C[i,j])} otherwise.
 * Splitting the rows of one product across threads therefore never changes a result. β = 0 means C
 * is not read (as in BLAS), so it may hold garbage or NaN.
 *
 * <p>The plain loops of {@link ReferenceMatrixKernels} compute the same products without fused
 * multiply-adds; the two agree to rounding.
 */
public final class DoubleMatrixKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Rows of the output tile of {@link #multiply} for short inner dimensions. */
    public static final int TILE_ROWS = 4;
    /**
     * Inner dimensions above this use tiles of {@code 2·TILE_ROWS} rows: streaming a long inner
     * dimension, the taller tile loads each vector of B once for twice the multiply-adds; with a
     * short one (the weight update, inner = N) the output loads and stores dominate and the
     * shorter tile is faster.
     */
    static final int TALL_TILE_MIN_INNER = 64;

    private DoubleMatrixKernels() {}

    /** Doubles per vector on this machine (8 with AVX-512); an output tile is two vectors wide. */
    public static int lanes() {
        return LANES;
    }

    /**
     * C[i, j] ← α·Σ_p op(A)[i, p]·B[p, j] + β·C[i, j] for rowFrom ≤ i &lt; rowTo and 0 ≤ j &lt; columns,
     * with op(A) of shape (≥ rowTo) × inner and B of shape inner × columns. Element (i, j) of C is at
     * {@code c[cOffset + i·ldc + j]}, element (p, j) of B at {@code b[bOffset + p·ldb + j]}, and
     * op(A)[i, p] as {@link Transpose} describes. C must not overlap A or B.
     *
     * @throws IllegalArgumentException if a dimension is negative or an index would fall outside an array
     */
    public static void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, double alpha,
            double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset,
            int ldc) {
        MatrixArguments.checkMultiply(transA, rowFrom, rowTo, columns, inner, a.length, aOffset, lda, b.length,
                bOffset, ldb, c.length, cOffset, ldc);
        int rowStride = transA.rowStride(lda);
        int innerStride = transA.innerStride(lda);
        // Column blocks outside, row tiles inside: the block of B a column block reads (inner × 2
        // vectors) stays in L1 while the rows of A stream past — what the weight update (inner = N)
        // needs; for the N-wide forward products there is only one column block anyway.
        int j = 0;
        for (; j + 2 * LANES <= columns; j += 2 * LANES) {
            int i = rowFrom;
            if (inner > TALL_TILE_MIN_INNER) {
                for (; i + 2 * TILE_ROWS <= rowTo; i += 2 * TILE_ROWS) {
                    tile8x2(inner, alpha, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, beta,
                            c, cOffset + i * ldc + j, ldc);
                }
            }
            for (; i + TILE_ROWS <= rowTo; i += TILE_ROWS) {
                tile4x2(inner, alpha, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, beta, c,
                        cOffset + i * ldc + j, ldc);
            }
            for (; i < rowTo; i++) {
                for (int v = 0; v < 2; v++) {
                    tile1x1(inner, alpha, a, aOffset + i * rowStride, innerStride, b, bOffset + j + v * LANES, ldb,
                            beta, c, cOffset + i * ldc + j + v * LANES, SPECIES.maskAll(true));
                }
            }
        }
        for (; j < columns; j += LANES) {
            VectorMask<Double> m = SPECIES.indexInRange(j, columns);
            int i = rowFrom;
            for (; i + TILE_ROWS <= rowTo; i += TILE_ROWS) {
                tile4x1(inner, alpha, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, beta, c,
                        cOffset + i * ldc + j, ldc, m);
            }
            for (; i < rowTo; i++) {
                tile1x1(inner, alpha, a, aOffset + i * rowStride, innerStride, b, bOffset + j, ldb, beta, c,
                        cOffset + i * ldc + j, m);
            }
        }
    }

    private static void tile8x2(int inner, double alpha, double[] a, int ai, int rs, int is, double[] b, int bi, int ldb,
            double beta, double[] c, int ci, int ldc) {
        DoubleVector c00 = DoubleVector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00;
        DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        DoubleVector c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        DoubleVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < inner; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, a[ai + rs]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, a[ai + 2 * rs]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, a[ai + 3 * rs]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, a[ai + 4 * rs]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, a[ai + 5 * rs]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(SPECIES, a[ai + 6 * rs]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(SPECIES, a[ai + 7 * rs]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            ai += is;
            bi += ldb;
        }
        store(c00, alpha, beta, c, ci);
        store(c01, alpha, beta, c, ci + LANES);
        store(c10, alpha, beta, c, ci + ldc);
        store(c11, alpha, beta, c, ci + ldc + LANES);
        store(c20, alpha, beta, c, ci + 2 * ldc);
        store(c21, alpha, beta, c, ci + 2 * ldc + LANES);
        store(c30, alpha, beta, c, ci + 3 * ldc);
        store(c31, alpha, beta, c, ci + 3 * ldc + LANES);
        store(c40, alpha, beta, c, ci + 4 * ldc);
        store(c41, alpha, beta, c, ci + 4 * ldc + LANES);
        store(c50, alpha, beta, c, ci + 5 * ldc);
        store(c51, alpha, beta, c, ci + 5 * ldc + LANES);
        store(c60, alpha, beta, c, ci + 6 * ldc);
        store(c61, alpha, beta, c, ci + 6 * ldc + LANES);
        store(c70, alpha, beta, c, ci + 7 * ldc);
        store(c71, alpha, beta, c, ci + 7 * ldc + LANES);
    }

    private static void tile4x2(int inner, double alpha, double[] a, int ai, int rs, int is, double[] b, int bi, int ldb,
            double beta, double[] c, int ci, int ldc) {
        DoubleVector c00 = DoubleVector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00;
        DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int p = 0; p < inner; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, a[ai + rs]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, a[ai + 2 * rs]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, a[ai + 3 * rs]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            ai += is;
            bi += ldb;
        }
        store(c00, alpha, beta, c, ci);
        store(c01, alpha, beta, c, ci + LANES);
        store(c10, alpha, beta, c, ci + ldc);
        store(c11, alpha, beta, c, ci + ldc + LANES);
        store(c20, alpha, beta, c, ci + 2 * ldc);
        store(c21, alpha, beta, c, ci + 2 * ldc + LANES);
        store(c30, alpha, beta, c, ci + 3 * ldc);
        store(c31, alpha, beta, c, ci + 3 * ldc + LANES);
    }

    private static void tile4x1(int inner, double alpha, double[] a, int ai, int rs, int is, double[] b, int bi, int ldb,
            double beta, double[] c, int ci, int ldc, VectorMask<Double> m) {
        DoubleVector c0 = DoubleVector.zero(SPECIES), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0; p < inner; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi, m);
            c0 = DoubleVector.broadcast(SPECIES, a[ai]).fma(b0, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[ai + rs]).fma(b0, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[ai + 2 * rs]).fma(b0, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[ai + 3 * rs]).fma(b0, c3);
            ai += is;
            bi += ldb;
        }
        store(c0, alpha, beta, c, ci, m);
        store(c1, alpha, beta, c, ci + ldc, m);
        store(c2, alpha, beta, c, ci + 2 * ldc, m);
        store(c3, alpha, beta, c, ci + 3 * ldc, m);
    }

    private static void tile1x1(int inner, double alpha, double[] a, int ai, int is, double[] b, int bi, int ldb,
            double beta, double[] c, int ci, VectorMask<Double> m) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        for (int p = 0; p < inner; p++) {
            c0 = DoubleVector.broadcast(SPECIES, a[ai]).fma(DoubleVector.fromArray(SPECIES, b, bi, m), c0);
            ai += is;
            bi += ldb;
        }
        store(c0, alpha, beta, c, ci, m);
    }

    private static void store(DoubleVector sum, double alpha, double beta, double[] c, int ci) {
        DoubleVector result;
        if (beta == 0.0) {
            result = sum.mul(alpha);
        } else {
            DoubleVector old = DoubleVector.fromArray(SPECIES, c, ci);
            result = sum.fma(DoubleVector.broadcast(SPECIES, alpha), beta == 1.0 ? old : old.mul(beta));
        }
        result.intoArray(c, ci);
    }

    private static void store(DoubleVector sum, double alpha, double beta, double[] c, int ci, VectorMask<Double> m) {
        DoubleVector result;
        if (beta == 0.0) {
            result = sum.mul(alpha);
        } else {
            DoubleVector old = DoubleVector.fromArray(SPECIES, c, ci, m);
            result = sum.fma(DoubleVector.broadcast(SPECIES, alpha), beta == 1.0 ? old : old.mul(beta));
        }
        result.intoArray(c, ci, m);
    }

    /**
     * dst[j, i] ← src[i, j] for rowFrom ≤ i &lt; rowTo, 0 ≤ j &lt; columns: element (i, j) of src is at
     * {@code src[srcOffset + i·lds + j]}, element (j, i) of dst at {@code dst[dstOffset + j·ldd + i]}.
     */
    public static void transpose(int rowFrom, int rowTo, int columns, double[] src, int srcOffset, int lds,
            double[] dst, int dstOffset, int ldd) {
        MatrixArguments.checkTranspose(rowFrom, rowTo, columns, src.length, srcOffset, lds, dst.length, dstOffset, ldd);
        for (int i = rowFrom; i < rowTo; i++) {
            int s = srcOffset + i * lds;
            int d = dstOffset + i;
            for (int j = 0; j < columns; j++) {
                dst[d + j * ldd] = src[s + j];
            }
        }
    }
}
