// Template: the build generates DoubleMatrixKernelsTest and FloatMatrixKernelsTest from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class @Real@MatrixKernelsTest {
    private static final int LANES = @Real@MatrixKernels.lanes();
    /** One unit in the last place of 1 in this precision: tolerances scale with it. */
    private static final double ULP = Math.ulp((@real@) 1);

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
        @real@[][] scales = {{1, 0}, {(@real@) 0.37, 1}, {-2, (@real@) 0.5}, {1, -1}};
        for (int[] shape : SHAPES) {
            for (Transpose t : Transpose.values()) {
                for (@real@[] scale : scales) {
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
        @real@[] a = random(random, aOff + rows * lda);
        @real@[] b = random(random, bOff + inner * ldb);
        @real@[] c = random(random, cOff + rows * ldc);
        @real@[] expected = c.clone();
        @Real@ReferenceMatrixKernels.multiply(Transpose.NONE, 0, rows, columns, inner, (@real@) 1.5, a, aOff, lda, b, bOff, ldb,
                (@real@) 0.25, expected, cOff, ldc);
        @Real@MatrixKernels.multiply(Transpose.NONE, 0, rows, columns, inner, (@real@) 1.5, a, aOff, lda, b, bOff, ldb,
                (@real@) 0.25, c, cOff, ldc);
        assertClose(c, expected, 100 * ULP);
        // elements outside the addressed submatrix are untouched
        for (int i = 0; i < rows; i++) {
            for (int j = columns; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertThat(c[cOff + i * ldc + j]).isEqualTo(expected[cOff + i * ldc + j]);
            }
        }
    }

    @Test
    void zeroBetaIgnoresNonFiniteOutputContents() {
        @real@[] a = {1, 2, 3, 4};
        @real@[] b = {1, 0, 0, 1};
        @real@[] c = {@Real@.NaN, @Real@.POSITIVE_INFINITY, @Real@.NaN, @Real@.NaN};
        @Real@MatrixKernels.multiply(Transpose.NONE, 0, 2, 2, 2, 1, a, 0, 2, b, 0, 2, 0, c, 0, 2);
        assertThat(c).containsExactly(1, 2, 3, 4);
    }

    @Test
    void transposedOperandReadsTheStoredMatrixColumnWise() {
        // A = [[1, 2, 3], [4, 5, 6]] (2 × 3); Aᵀ·[1, 1]ᵀ = [5, 7, 9]
        @real@[] a = {1, 2, 3, 4, 5, 6};
        @real@[] ones = {1, 1};
        @real@[] c = new @real@[3];
        @Real@MatrixKernels.multiply(Transpose.TRANSPOSED, 0, 3, 1, 2, 1, a, 0, 3, ones, 0, 1, 0, c, 0, 1);
        assertThat(c).containsExactly(5, 7, 9);
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
            @real@[] a = random(random, rows * inner);
            @real@[] b = random(random, inner * columns);
            @real@[] c0 = random(random, rows * columns);
            @real@[] whole = c0.clone();
            @Real@MatrixKernels.multiply(t, 0, rows, columns, inner, (@real@) 0.7, a, 0, lda, b, 0, columns,
                    (@real@) 0.9, whole, 0, columns);
            for (int split : new int[] {1, 3, 5, 10, 12, 22}) {
                @real@[] parts = c0.clone();
                @Real@MatrixKernels.multiply(t, 0, split, columns, inner, (@real@) 0.7, a, 0, lda, b, 0, columns,
                        (@real@) 0.9, parts, 0, columns);
                @Real@MatrixKernels.multiply(t, split, rows, columns, inner, (@real@) 0.7, a, 0, lda, b, 0,
                        columns, (@real@) 0.9, parts, 0, columns);
                assertThat(parts).as("split at row %d, %s", split, t).containsExactly(whole);
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheArgumentNamed() {
        @real@[] m = new @real@[16];
        assertThatThrownBy(() -> @Real@MatrixKernels.multiply(Transpose.NONE, 0, 4, 4, 4, 1, m, 0, 4, m, 0, 4, 0,
                new @real@[15], 0, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("c:");
        assertThatThrownBy(() -> @Real@MatrixKernels.multiply(Transpose.NONE, 0, 4, 4, 4, 1, m, 0, 3, m, 0, 4, 0,
                new @real@[16], 0, 4)).hasMessageContaining("lda");
        assertThatThrownBy(() -> @Real@MatrixKernels.multiply(Transpose.TRANSPOSED, 0, 4, 4, 5, 1, m, 0, 4, m, 0,
                4, 0, new @real@[16], 0, 4)).hasMessageStartingWith("b:");
        assertThatThrownBy(() -> @Real@MatrixKernels.multiply(Transpose.NONE, 3, 2, 4, 4, 1, m, 0, 4, m, 0, 4, 0,
                m, 0, 4)).hasMessageContaining("rowFrom");
        assertThatThrownBy(() -> @Real@MatrixKernels.transpose(0, 4, 4, m, 0, 4, new @real@[10], 0, 4))
                .hasMessageStartingWith("dst:");
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        @real@[] src = {1, 2, 3, 4, 5, 6}; // 2 × 3
        @real@[] dst = new @real@[6];
        @Real@MatrixKernels.transpose(0, 2, 3, src, 0, 3, dst, 0, 2);
        assertThat(dst).containsExactly(1, 4, 2, 5, 3, 6);
    }

    private static void checkAgainstReference(SplittableRandom random, Transpose t, int rows, int columns, int inner,
            @real@ alpha, @real@ beta) {
        int lda = t == Transpose.NONE ? inner : rows;
        @real@[] a = random(random, Math.max(1, rows * inner));
        @real@[] b = random(random, Math.max(1, inner * columns));
        @real@[] c = random(random, rows * columns);
        @real@[] expected = c.clone();
        @Real@ReferenceMatrixKernels.multiply(t, 0, rows, columns, inner, alpha, a, 0, Math.max(lda, 1), b, 0, columns,
                beta, expected, 0, columns);
        @Real@MatrixKernels.multiply(t, 0, rows, columns, inner, alpha, a, 0, Math.max(lda, 1), b, 0, columns, beta,
                c, 0, columns);
        // each element is a sum of `inner` products of numbers in [-1, 1]: rounding grows with inner
        assertClose(c, expected, 18 * ULP * (inner + 2) * (Math.abs(alpha) + Math.abs(beta)));
    }

    static @real@[] random(SplittableRandom random, int n) {
        @real@[] x = new @real@[n];
        for (int i = 0; i < n; i++) {
            x[i] = (@real@) (2 * random.nextDouble() - 1);
        }
        return x;
    }

    private static void assertClose(@real@[] actual, @real@[] expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > tolerance) {
                throw new AssertionError("element " + i + ": " + actual[i] + " vs reference " + expected[i]
                        + " (tolerance " + tolerance + ") in " + Arrays.toString(actual).substring(0, 40));
            }
        }
    }
}
