// Template: the build generates DoubleMatrixKernels and FloatMatrixKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.linalg;

import jdk.incubator.vector.@Real@Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked {@code @real@} matrix kernels written with the Vector API. They allocate
 * nothing and work on flat row-major arrays with explicit offsets and leading dimensions, so one
 * array can hold a whole batch or a block of a larger matrix.
 *
 * <h2>The micro-kernel</h2>
 * {@link #multiply} computes C ← α·op(A)·B + β·C. The output is cut into tiles of
 * {@value #TILE_ROWS} rows × two vectors ({@code 2·}{@link #lanes()} columns, e.g. 2 × 512 bits
 * with AVX-512) held in sixteen accumulators; the kernel streams the inner dimension p, broadcasts one
 * element op(A)[i, p] per tile row and loads two vectors of row p of B per step. Columns that do
 * not fill two vectors are done in 4-row tiles one (masked) vector at a time; rows that do not fill
 * a tile go in 4-row tiles and then one by one. Tiles write their raw sums; α and β are applied afterwards, by methods that take
 * arrays only — so no vector is ever passed to a method the JIT might not inline (it would be
 * boxed on the heap).
 *
 * <h2>Determinism</h2>
 * Every output element is computed by the same sequence of operations whatever tile, tail or row
 * range it falls in: {@code s ← fma(op(A)[i,p], B[p,j], s)} for p = 0, 1, …, inner−1 starting from
 * s = 0, then {@code C[i,j] ← α·s} if β = 0 and {@code C[i,j] ← fma(s, α, β·C[i,j])} otherwise
 * (storing s in between is exact).
 * Splitting the rows of one product across threads therefore never changes a result. β = 0 means C
 * is not read (as in BLAS), so it may hold garbage or NaN.
 *
 * <p>The plain loops of {@link ReferenceMatrixKernels} compute the same products without fused
 * multiply-adds; the two agree to rounding.
 */
public final class @Real@MatrixKernels {
    private static final VectorSpecies<@Real@> SPECIES = @Real@Vector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /**
     * Rows of the main output tile of {@link #multiply}; the remaining rows of a range go in tiles
     * of half that height and then one by one.
     */
    public static final int TILE_ROWS = 8;

    /** Per-thread space for the raw sums of one tile (8 rows × 2 vectors) when β ≠ 0. */
    private static final ThreadLocal<@real@[]> SCRATCH =
            ThreadLocal.withInitial(() -> new @real@[TILE_ROWS * 2 * LANES]);

    private @Real@MatrixKernels() {}

    /** {@code @real@} values per vector on this machine; an output tile is two vectors wide. */
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
    public static void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, @real@ alpha,
            @real@[] a, int aOffset, int lda, @real@[] b, int bOffset, int ldb, @real@ beta, @real@[] c, int cOffset,
            int ldc) {
        MatrixArguments.checkMultiply(transA, rowFrom, rowTo, columns, inner, a.length, aOffset, lda, b.length,
                bOffset, ldb, c.length, cOffset, ldc);
        int rowStride = transA.rowStride(lda);
        int innerStride = transA.innerStride(lda);
        // Tiles write their raw sums s: straight into C when β = 0 (then C ← α·s in place), else into a
        // scratch tile from which C ← fma(s, α, β·C). No vector ever crosses a method boundary, so
        // none is boxed even where the JIT does not inline.
        @real@[] scratch = beta == 0 ? null : SCRATCH.get();
        // Column blocks outside, row tiles inside: the block of B a column block reads (inner × 2
        // vectors) stays in L1 while the rows of A stream past — what the weight update (inner = N)
        // needs; for the N-wide forward products there is only one column block anyway.
        for (int j = 0; j < columns; j += 2 * LANES) {
            int width = Math.min(2 * LANES, columns - j);
            int i = rowFrom;
            if (width == 2 * LANES) {
                for (; i + TILE_ROWS <= rowTo; i += TILE_ROWS) {
                    int ci = cOffset + i * ldc + j;
                    if (scratch == null) {
                        tile8x2(inner, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, c, ci, ldc);
                        scale(alpha, c, ci, ldc, TILE_ROWS, width);
                    } else {
                        tile8x2(inner, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, scratch,
                                0, 2 * LANES);
                        combine(scratch, alpha, beta, c, ci, ldc, TILE_ROWS, width);
                    }
                }
            }
            for (; i + TILE_ROWS / 2 <= rowTo; i += TILE_ROWS / 2) {
                int ci = cOffset + i * ldc + j;
                if (scratch == null) {
                    tile4(inner, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, c, ci, ldc,
                            width);
                    scale(alpha, c, ci, ldc, TILE_ROWS / 2, width);
                } else {
                    tile4(inner, a, aOffset + i * rowStride, rowStride, innerStride, b, bOffset + j, ldb, scratch, 0,
                            2 * LANES, width);
                    combine(scratch, alpha, beta, c, ci, ldc, TILE_ROWS / 2, width);
                }
            }
            for (; i < rowTo; i++) {
                int ci = cOffset + i * ldc + j;
                if (scratch == null) {
                    tile1(inner, a, aOffset + i * rowStride, innerStride, b, bOffset + j, ldb, c, ci, width);
                    scale(alpha, c, ci, ldc, 1, width);
                } else {
                    tile1(inner, a, aOffset + i * rowStride, innerStride, b, bOffset + j, ldb, scratch, 0, width);
                    combine(scratch, alpha, beta, c, ci, ldc, 1, width);
                }
            }
        }
    }

    /** Raw sums of an 8-row × 2-vector tile into out (row stride outStride). */
    private static void tile8x2(int inner, @real@[] a, int ai, int rs, int is, @real@[] b, int bi, int ldb, @real@[] out,
            int oi, int outStride) {
        @Real@Vector c00 = @Real@Vector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00;
        @Real@Vector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        @Real@Vector c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        @Real@Vector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < inner; p++) {
            @Real@Vector b0 = @Real@Vector.fromArray(SPECIES, b, bi);
            @Real@Vector b1 = @Real@Vector.fromArray(SPECIES, b, bi + LANES);
            @Real@Vector x = @Real@Vector.broadcast(SPECIES, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = @Real@Vector.broadcast(SPECIES, a[ai + rs]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = @Real@Vector.broadcast(SPECIES, a[ai + 2 * rs]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = @Real@Vector.broadcast(SPECIES, a[ai + 3 * rs]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = @Real@Vector.broadcast(SPECIES, a[ai + 4 * rs]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = @Real@Vector.broadcast(SPECIES, a[ai + 5 * rs]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = @Real@Vector.broadcast(SPECIES, a[ai + 6 * rs]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = @Real@Vector.broadcast(SPECIES, a[ai + 7 * rs]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            ai += is;
            bi += ldb;
        }
        c00.intoArray(out, oi);
        c01.intoArray(out, oi + LANES);
        c10.intoArray(out, oi + outStride);
        c11.intoArray(out, oi + outStride + LANES);
        c20.intoArray(out, oi + 2 * outStride);
        c21.intoArray(out, oi + 2 * outStride + LANES);
        c30.intoArray(out, oi + 3 * outStride);
        c31.intoArray(out, oi + 3 * outStride + LANES);
        c40.intoArray(out, oi + 4 * outStride);
        c41.intoArray(out, oi + 4 * outStride + LANES);
        c50.intoArray(out, oi + 5 * outStride);
        c51.intoArray(out, oi + 5 * outStride + LANES);
        c60.intoArray(out, oi + 6 * outStride);
        c61.intoArray(out, oi + 6 * outStride + LANES);
        c70.intoArray(out, oi + 7 * outStride);
        c71.intoArray(out, oi + 7 * outStride + LANES);
    }

    /** Raw sums of a 4-row tile {@code width} ≤ 2 vectors wide into out (row stride outStride). */
    private static void tile4(int inner, @real@[] a, int ai, int rs, int is, @real@[] b, int bi, int ldb, @real@[] out,
            int oi, int outStride, int width) {
        if (width == 2 * LANES) {
            @Real@Vector c00 = @Real@Vector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00;
            @Real@Vector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
            for (int p = 0; p < inner; p++) {
                @Real@Vector b0 = @Real@Vector.fromArray(SPECIES, b, bi);
                @Real@Vector b1 = @Real@Vector.fromArray(SPECIES, b, bi + LANES);
                @Real@Vector x = @Real@Vector.broadcast(SPECIES, a[ai]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = @Real@Vector.broadcast(SPECIES, a[ai + rs]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = @Real@Vector.broadcast(SPECIES, a[ai + 2 * rs]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = @Real@Vector.broadcast(SPECIES, a[ai + 3 * rs]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                ai += is;
                bi += ldb;
            }
            c00.intoArray(out, oi);
            c01.intoArray(out, oi + LANES);
            c10.intoArray(out, oi + outStride);
            c11.intoArray(out, oi + outStride + LANES);
            c20.intoArray(out, oi + 2 * outStride);
            c21.intoArray(out, oi + 2 * outStride + LANES);
            c30.intoArray(out, oi + 3 * outStride);
            c31.intoArray(out, oi + 3 * outStride + LANES);
            return;
        }
        // a column tail: one vector at a time, masked where it runs past the columns
        for (int v = 0; v < width; v += LANES) {
            VectorMask<@Real@> m = SPECIES.indexInRange(v, width);
            @Real@Vector c0 = @Real@Vector.zero(SPECIES), c1 = c0, c2 = c0, c3 = c0;
            int aj = ai, bj = bi + v;
            for (int p = 0; p < inner; p++) {
                @Real@Vector b0 = @Real@Vector.fromArray(SPECIES, b, bj, m);
                c0 = @Real@Vector.broadcast(SPECIES, a[aj]).fma(b0, c0);
                c1 = @Real@Vector.broadcast(SPECIES, a[aj + rs]).fma(b0, c1);
                c2 = @Real@Vector.broadcast(SPECIES, a[aj + 2 * rs]).fma(b0, c2);
                c3 = @Real@Vector.broadcast(SPECIES, a[aj + 3 * rs]).fma(b0, c3);
                aj += is;
                bj += ldb;
            }
            c0.intoArray(out, oi + v, m);
            c1.intoArray(out, oi + outStride + v, m);
            c2.intoArray(out, oi + 2 * outStride + v, m);
            c3.intoArray(out, oi + 3 * outStride + v, m);
        }
    }

    /** Raw sums of one row, {@code width} ≤ 2 vectors wide, into out. */
    private static void tile1(int inner, @real@[] a, int ai, int is, @real@[] b, int bi, int ldb, @real@[] out, int oi,
            int width) {
        for (int v = 0; v < width; v += LANES) {
            VectorMask<@Real@> m = SPECIES.indexInRange(v, width);
            @Real@Vector c0 = @Real@Vector.zero(SPECIES);
            int aj = ai, bj = bi + v;
            for (int p = 0; p < inner; p++) {
                c0 = @Real@Vector.broadcast(SPECIES, a[aj]).fma(@Real@Vector.fromArray(SPECIES, b, bj, m), c0);
                aj += is;
                bj += ldb;
            }
            c0.intoArray(out, oi + v, m);
        }
    }

    /** C ← α·s for a tile holding the raw sums s (β = 0); nothing to do for α = 1. */
    private static void scale(@real@ alpha, @real@[] c, int ci, int ldc, int rows, int width) {
        if (alpha == 1) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < width; v += LANES) {
                VectorMask<@Real@> m = SPECIES.indexInRange(v, width);
                int at = ci + r * ldc + v;
                @Real@Vector.fromArray(SPECIES, c, at, m).mul(alpha).intoArray(c, at, m);
            }
        }
    }

    /** C ← fma(s, α, β·C) from the raw sums s in scratch (row stride two vectors). */
    private static void combine(@real@[] scratch, @real@ alpha, @real@ beta, @real@[] c, int ci, int ldc, int rows,
            int width) {
        @Real@Vector alphaV = @Real@Vector.broadcast(SPECIES, alpha);
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < width; v += LANES) {
                VectorMask<@Real@> m = SPECIES.indexInRange(v, width);
                int at = ci + r * ldc + v;
                @Real@Vector old = @Real@Vector.fromArray(SPECIES, c, at, m);
                @Real@Vector sum = @Real@Vector.fromArray(SPECIES, scratch, r * 2 * LANES + v, m);
                sum.fma(alphaV, beta == 1 ? old : old.mul(beta)).intoArray(c, at, m);
            }
        }
    }

    /**
     * dst[j, i] ← src[i, j] for rowFrom ≤ i &lt; rowTo, 0 ≤ j &lt; columns: element (i, j) of src is at
     * {@code src[srcOffset + i·lds + j]}, element (j, i) of dst at {@code dst[dstOffset + j·ldd + i]}.
     */
    public static void transpose(int rowFrom, int rowTo, int columns, @real@[] src, int srcOffset, int lds,
            @real@[] dst, int dstOffset, int ldd) {
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
