package palsim.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatMatrixKernelsTest {
    private static final int LANES = FloatMatrixKernels.lanes();

    /** Shapes around the tile sizes: full tiles, row tails, column tails, single rows and columns. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {4, 2 * LANES, 7}, {5, 2 * LANES + 1, 3}, {3, LANES - 1, 9}, {8, 3 * LANES + 5, 1},
        {13, 17, 32}, {200, 32, 2}, {2, 32, 200}, {7, 2 * LANES, 0}, {9, 1, 33}, {12, 5 * LANES, 11},
        // 8-row tiles with 4-row and single-row tails, long inner dimensions
        {16, 2 * LANES, 300}, {23, 2 * LANES + 3, 100}, {13, LANES - 2, 65}
    };

    @Test
    void vectorProductAgreesWithReferenceForEveryShapeTransposeAndScale() {
        SplittableRandom random = new SplittableRandom(11);
        float[][] scales = {{1f, 0f}, {0.37f, 1f}, {-2f, 0.5f}, {1f, -1f}};
        for (int[] shape : SHAPES) {
            for (Transpose t : Transpose.values()) {
                for (float[] scale : scales) {
                    checkAgainstReference(random, t, shape[0], shape[1], shape[2], scale[0], scale[1]);
                }
            }
        }
    }

    @Test
    void offsetsAndLeadingDimensionsSelectASubmatrix() {
        SplittableRandom random = new SplittableRandom(12);
        int rows = 6, columns = LANES + 3, inner = 5;
        int lda = inner + 4, ldb = columns + 2, ldc = columns + 7;
        int aOff = 3, bOff = 5, cOff = 2;
        float[] a = random(random, aOff + rows * lda);
        float[] b = random(random, bOff + inner * ldb);
        float[] c = random(random, cOff + rows * ldc);
        float[] expected = c.clone();
        ReferenceMatrixKernels.multiply(Transpose.NONE, 0, rows, columns, inner, 1.5f, a, aOff, lda, b, bOff, ldb,
                0.25f, expected, cOff, ldc);
        FloatMatrixKernels.multiply(Transpose.NONE, 0, rows, columns, inner, 1.5f, a, aOff, lda, b, bOff, ldb,
                0.25f, c, cOff, ldc);
        assertClose(c, expected, 1e-5f);
        // elements outside the addressed submatrix are untouched
        for (int i = 0; i < rows; i++) {
            for (int j = columns; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertThat(c[cOff + i * ldc + j]).isEqualTo(expected[cOff + i * ldc + j]);
            }
        }
    }

    @Test
    void zeroBetaIgnoresNonFiniteOutputContents() {
        float[] a = {1f, 2f, 3f, 4f};
        float[] b = {1f, 0f, 0f, 1f};
        float[] c = {Float.NaN, Float.POSITIVE_INFINITY, Float.NaN, Float.NaN};
        FloatMatrixKernels.multiply(Transpose.NONE, 0, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertThat(c).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void transposedOperandReadsTheStoredMatrixColumnWise() {
        // A = [[1, 2, 3], [4, 5, 6]] (2 × 3); Aᵀ·[1, 1]ᵀ = [5, 7, 9]
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] ones = {1, 1};
        float[] c = new float[3];
        FloatMatrixKernels.multiply(Transpose.TRANSPOSED, 0, 3, 1, 2, 1f, a, 0, 3, ones, 0, 1, 0f, c, 0, 1);
        assertThat(c).containsExactly(5f, 7f, 9f);
    }

    @Test
    void anElementDoesNotDependOnTheRowRangeItIsComputedIn() {
        SplittableRandom random = new SplittableRandom(13);
        int rows = 23, columns = 2 * LANES + 5;
        for (int inner : new int[] {41, 100}) {
            checkRowRangeIndependence(random, rows, columns, inner);
        }
    }

    private static void checkRowRangeIndependence(SplittableRandom random, int rows, int columns, int inner) {
        for (Transpose t : Transpose.values()) {
            int lda = t == Transpose.NONE ? inner : rows;
            float[] a = random(random, rows * inner);
            float[] b = random(random, inner * columns);
            float[] c0 = random(random, rows * columns);
            float[] whole = c0.clone();
            FloatMatrixKernels.multiply(t, 0, rows, columns, inner, 0.7f, a, 0, lda, b, 0, columns, 0.9f, whole, 0,
                    columns);
            for (int split : new int[] {1, 3, 5, 10, 12, 22}) {
                float[] parts = c0.clone();
                FloatMatrixKernels.multiply(t, 0, split, columns, inner, 0.7f, a, 0, lda, b, 0, columns, 0.9f, parts,
                        0, columns);
                FloatMatrixKernels.multiply(t, split, rows, columns, inner, 0.7f, a, 0, lda, b, 0, columns, 0.9f,
                        parts, 0, columns);
                assertThat(parts).as("split at row %d, %s", split, t).containsExactly(whole);
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheArgumentNamed() {
        float[] m = new float[16];
        assertThatThrownBy(() -> FloatMatrixKernels.multiply(Transpose.NONE, 0, 4, 4, 4, 1f, m, 0, 4, m, 0, 4, 0f,
                new float[15], 0, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("c:");
        assertThatThrownBy(() -> FloatMatrixKernels.multiply(Transpose.NONE, 0, 4, 4, 4, 1f, m, 0, 3, m, 0, 4, 0f,
                new float[16], 0, 4)).hasMessageContaining("lda");
        assertThatThrownBy(() -> FloatMatrixKernels.multiply(Transpose.TRANSPOSED, 0, 4, 4, 5, 1f, m, 0, 4, m, 0,
                4, 0f, new float[16], 0, 4)).hasMessageStartingWith("b:");
        assertThatThrownBy(() -> FloatMatrixKernels.multiply(Transpose.NONE, 3, 2, 4, 4, 1f, m, 0, 4, m, 0, 4, 0f,
                m, 0, 4)).hasMessageContaining("rowFrom");
        assertThatThrownBy(() -> FloatMatrixKernels.transpose(0, 4, 4, m, 0, 4, new float[10], 0, 4))
                .hasMessageStartingWith("dst:");
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        float[] src = {1, 2, 3, 4, 5, 6}; // 2 × 3
        float[] dst = new float[6];
        FloatMatrixKernels.transpose(0, 2, 3, src, 0, 3, dst, 0, 2);
        assertThat(dst).containsExactly(1, 4, 2, 5, 3, 6);
    }

    private static void checkAgainstReference(SplittableRandom random, Transpose t, int rows, int columns, int inner,
            float alpha, float beta) {
        int lda = t == Transpose.NONE ? inner : rows;
        float[] a = random(random, Math.max(1, rows * inner));
        float[] b = random(random, Math.max(1, inner * columns));
        float[] c = random(random, rows * columns);
        float[] expected = c.clone();
        ReferenceMatrixKernels.multiply(t, 0, rows, columns, inner, alpha, a, 0, Math.max(lda, 1), b, 0, columns,
                beta, expected, 0, columns);
        FloatMatrixKernels.multiply(t, 0, rows, columns, inner, alpha, a, 0, Math.max(lda, 1), b, 0, columns, beta,
                c, 0, columns);
        // each element is a sum of `inner` products of numbers in [-1, 1]: rounding grows with inner
        assertClose(c, expected, 2e-6f * (inner + 2) * (Math.abs(alpha) + Math.abs(beta)));
    }

    static float[] random(SplittableRandom random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (2 * random.nextDouble() - 1);
        }
        return x;
    }

    private static void assertClose(float[] actual, float[] expected, float tolerance) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > tolerance) {
                throw new AssertionError("element " + i + ": " + actual[i] + " vs reference " + expected[i]
                        + " (tolerance " + tolerance + ") in " + Arrays.toString(actual).substring(0, 40));
            }
        }
    }
}
