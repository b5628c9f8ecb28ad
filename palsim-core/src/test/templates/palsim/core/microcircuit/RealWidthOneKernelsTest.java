// Template: the build generates the Double… and Float… twins of this test (see palsim-core/pom.xml).
package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;

/**
 * The width-1 kernels against the L-lane kernels, bit for bit: every lane of an L-lane result must
 * equal the width-1 result on that lane's data alone ({@link @Real@LaneMatrixKernels}), with the width-1
 * matrices stored column-major ({@link @Real@ColumnLaneKernels}). The element-wise
 * kernels, which serve both widths, are checked the same way on element counts that leave a scalar
 * remainder at width 1.
 */
class @Real@WidthOneKernelsTest {
    private static final int L = @Real@LaneKernels.LANES;
    private static final @Real@LaneMatrixKernels VECTOR = @Real@LaneMatrixKernels.forWidth(L);
    private static final @Real@LaneMatrixKernels SCALAR = @Real@LaneMatrixKernels.forWidth(1);

    /** Values over many scales, with some zeros, negative zeros and exact small integers. */
    private static @real@[] random(UniformRandomProvider rng, int count) {
        @real@[] a = new @real@[count];
        for (int i = 0; i < count; i++) {
            double v = switch (rng.nextInt(10)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> rng.nextInt(5) - 2;
                case 3 -> (2 * rng.nextDouble() - 1) * 1e-8;
                case 4 -> (2 * rng.nextDouble() - 1) * 40;
                default -> 2 * rng.nextDouble() - 1;
            };
            a[i] = (@real@) v;
        }
        return a;
    }

    /** A constant in the working precision. */
    private static @real@ c(double value) {
        return (@real@) value;
    }

    /** Lane k of an L-lane array as a one-seed array. */
    private static @real@[] lane(@real@[] laned, int k) {
        @real@[] one = new @real@[laned.length / L];
        for (int e = 0; e < one.length; e++) {
            one[e] = laned[e * L + k];
        }
        return one;
    }

    private static @real@[][] lanes(@real@[] laned) {
        @real@[][] all = new @real@[L][];
        for (int k = 0; k < L; k++) {
            all[k] = lane(laned, k);
        }
        return all;
    }

    private static void assertSameBits(@real@[] laned, @real@[][] perLane, String what) {
        for (int k = 0; k < L; k++) {
            @real@[] v = lane(laned, k);
            long[] a = new long[v.length];
            long[] b = new long[v.length];
            for (int e = 0; e < v.length; e++) {
                // widening keeps a float's bits apart (−0, NaN payloads included)
                a[e] = Double.doubleToRawLongBits(v[e]);
                b[e] = Double.doubleToRawLongBits(perLane[k][e]);
            }
            assertThat(b).as("%s, lane %d", what, k).isEqualTo(a);
        }
    }

    /** Lane k of an L-lane rows × cols matrix ({@code [row][col][lane]}), stored column-major as at width 1. */
    private static @real@[] columnLane(@real@[] laned, int k, int rows, int cols) {
        @real@[] one = new @real@[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                one[@Real@ColumnLaneKernels.index(i, j, rows)] = laned[(i * cols + j) * L + k];
            }
        }
        return one;
    }

    private static @real@[][] columnLanes(@real@[] laned, int rows, int cols) {
        @real@[][] all = new @real@[L][];
        for (int k = 0; k < L; k++) {
            all[k] = columnLane(laned, k, rows, cols);
        }
        return all;
    }

    /** Every lane of an L-lane matrix equals, bit for bit, the width-1 column-major matrix of that lane. */
    private static void assertSameMatrixBits(@real@[] laned, @real@[][] perLaneColumns, int rows, int cols, String what) {
        for (int k = 0; k < L; k++) {
            @real@[] v = columnLane(laned, k, rows, cols);
            long[] a = new long[v.length];
            long[] b = new long[v.length];
            for (int e = 0; e < v.length; e++) {
                a[e] = Double.doubleToRawLongBits(v[e]);
                b[e] = Double.doubleToRawLongBits(perLaneColumns[k][e]);
            }
            assertThat(b).as("%s, lane %d", what, k).isEqualTo(a);
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    // small sizes take the scalar loops of the width-1 kernels, the large ones their vector paths (whole
    // four-vector blocks, single vectors and a masked partial vector of rows)
    @CsvSource({"1,1", "3,5", "4,4", "5,20", "20,10", "10,20", "7,3", "15,6", "8,1", "1,9", "9,2", "100,78", "37,50",
        "64,40", "33,31", "71,29", "17,128", "130,9"})
    void widthOneMatrixKernelsGiveTheBitsOfEveryLane(int rows, int cols) {
        UniformRandomProvider rng = RandomStreams.seeded(rows * 1000L + cols);
        @real@[] m = random(rng, rows * cols * L);
        @real@[] m2 = random(rng, rows * cols * L);
        @real@[] d = random(rng, rows * cols * L);
        @real@[] w = random(rng, rows * cols * L);
        @real@[] x = random(rng, cols * L);
        @real@[] y = random(rng, cols * L);
        @real@[] h = random(rng, cols * L);
        @real@[] pre = random(rng, cols * L);
        @real@[] post = random(rng, rows * L);
        @real@[] xi = random(rng, rows * L);
        @real@[] apicalPrev = random(rng, rows * L);
        @real@[][] mK = columnLanes(m, rows, cols), m2K = columnLanes(m2, rows, cols), dK = columnLanes(d, rows, cols);
        @real@[][] wK = columnLanes(w, cols, rows), xK = lanes(x), yK = lanes(y);
        @real@[][] hK = lanes(h), preK = lanes(pre), postK = lanes(post), xiK = lanes(xi), apK = lanes(apicalPrev);

        @real@[] out = new @real@[rows * L];
        @real@[][] outK = new @real@[L][rows];
        VECTOR.matVec(m, rows, cols, x, out);
        for (int k = 0; k < L; k++) {
            SCALAR.matVec(mK[k], rows, cols, xK[k], outK[k]);
        }
        assertSameBits(out, outK, "matVec");

        VECTOR.matVecPair(m, x, m2, y, rows, cols, out);
        for (int k = 0; k < L; k++) {
            SCALAR.matVecPair(mK[k], xK[k], m2K[k], yK[k], rows, cols, outK[k]);
        }
        assertSameBits(out, outK, "matVecPair");

        for (boolean observed : new boolean[] {false, true}) {
            @real@[] a = m.clone();
            @real@[] delta = new @real@[a.length];
            @real@[][] aK = columnLanes(a, rows, cols);
            @real@[][] deltaK = new @real@[L][rows * cols];
            VECTOR.addOuter(a, rows, cols, post, pre, observed ? delta : null);
            for (int k = 0; k < L; k++) {
                SCALAR.addOuter(aK[k], rows, cols, postK[k], preK[k], observed ? deltaK[k] : null);
            }
            assertSameMatrixBits(a, aK, rows, cols, "addOuter");
            assertSameMatrixBits(delta, deltaK, rows, cols, "addOuter Δ");

            @real@[] lp = d.clone();
            @real@[][] lpK = columnLanes(lp, rows, cols);
            VECTOR.addLowPassedOuter(a, lp, rows, cols, post, pre, c(0.013), observed ? delta : null);
            for (int k = 0; k < L; k++) {
                SCALAR.addLowPassedOuter(aK[k], lpK[k], rows, cols, postK[k], preK[k], c(0.013),
                        observed ? deltaK[k] : null);
            }
            assertSameMatrixBits(a, aK, rows, cols, "addLowPassedOuter W");
            assertSameMatrixBits(lp, lpK, rows, cols, "addLowPassedOuter D");
            assertSameMatrixBits(delta, deltaK, rows, cols, "addLowPassedOuter Δ");
        }

        for (boolean accumulate : new boolean[] {false, true}) {
            @real@[] weights = d.clone();
            @real@[][] weightsK = columnLanes(weights, rows, cols);
            @real@[] pending = m2.clone();
            @real@[][] pendingK = columnLanes(pending, rows, cols);
            @real@[] sums = post.clone();
            @real@[][] sumsK = lanes(sums);
            VECTOR.delayedUpdateThenMatVec(weights, pending, rows, cols, post, pre, c(0.07), y, sums, accumulate);
            for (int k = 0; k < L; k++) {
                SCALAR.delayedUpdateThenMatVec(weightsK[k], pendingK[k], rows, cols, postK[k], preK[k], c(0.07), yK[k], sumsK[k],
                        accumulate);
            }
            assertSameMatrixBits(weights, weightsK, rows, cols, "delayedUpdateThenMatVec W");
            assertSameMatrixBits(pending, pendingK, rows, cols, "delayedUpdateThenMatVec D");
            assertSameBits(sums, sumsK, "delayedUpdateThenMatVec out");
        }

        @real@[] delta = new @real@[rows * cols * L];
        @real@[][] deltaK = new @real@[L][rows * cols];
        VECTOR.outer(delta, rows, cols, post, y);
        for (int k = 0; k < L; k++) {
            SCALAR.outer(deltaK[k], rows, cols, postK[k], yK[k]);
        }
        assertSameMatrixBits(delta, deltaK, rows, cols, "outer");

        @real@[] b = m.clone();
        @real@[][] bK = columnLanes(b, rows, cols);
        VECTOR.learnFromCorrelation(b, rows, cols, xi, h, c(0.37), c(1e-3));
        for (int k = 0; k < L; k++) {
            SCALAR.learnFromCorrelation(bK[k], rows, cols, xiK[k], hK[k], c(0.37), c(1e-3));
        }
        assertSameMatrixBits(b, bK, rows, cols, "learnFromCorrelation");

        @real@[] fb = m.clone();
        @real@[] bpi = m2.clone();
        @real@[] apical = new @real@[rows * L];
        @real@[][] fbK = columnLanes(fb, rows, cols), bpiK = columnLanes(bpi, rows, cols);
        @real@[][] apicalK = new @real@[L][rows];
        VECTOR.apicalWithFeedbackLearning(fb, bpi, rows, cols, x, y, apical, xi, h, c(0.05), c(0.2), apicalPrev, c(-0.01), pre);
        for (int k = 0; k < L; k++) {
            SCALAR.apicalWithFeedbackLearning(fbK[k], bpiK[k], rows, cols, xK[k], yK[k], apicalK[k], xiK[k], hK[k], c(0.05),
                    c(0.2), apK[k], c(-0.01), preK[k]);
        }
        assertSameBits(apical, apicalK, "apical");
        assertSameMatrixBits(fb, fbK, rows, cols, "apical B");
        assertSameMatrixBits(bpi, bpiK, rows, cols, "apical B^PI");

        @real@[] tb = new @real@[rows * cols * L];
        @real@[] tbpi = new @real@[rows * cols * L];
        @real@[][] tbK = new @real@[L][rows * cols];
        @real@[][] tbpiK = new @real@[L][rows * cols];
        VECTOR.tieTransposed(w, tb, tbpi, rows, cols);
        for (int k = 0; k < L; k++) {
            SCALAR.tieTransposed(wK[k], tbK[k], tbpiK[k], rows, cols);
        }
        assertSameMatrixBits(tb, tbK, rows, cols, "tie B");
        assertSameMatrixBits(tbpi, tbpiK, rows, cols, "tie B^PI");

        VECTOR.tieSignTransposed(w, tb, tbpi, rows, cols);
        for (int k = 0; k < L; k++) {
            SCALAR.tieSignTransposed(wK[k], tbK[k], tbpiK[k], rows, cols);
        }
        assertSameMatrixBits(tb, tbK, rows, cols, "sign-symmetric B");
        assertSameMatrixBits(tbpi, tbpiK, rows, cols, "sign-symmetric B^PI");
    }

    @ParameterizedTest(name = "{0}, {1} elements")
    @CsvSource({"LOGISTIC,1", "LOGISTIC,5", "LOGISTIC,20", "LOGISTIC,7", "TANH,10", "TANH,3", "LINEAR,5", "RELU,3",
        "SOFTPLUS,5", "HARD_SIGMOID,6", "CLAMP01,2"})
    void elementwiseKernelsGiveTheSameBitsAtEveryWidth(Activation phi, int elements) {
        UniformRandomProvider rng = RandomStreams.seeded(elements * 31L + phi.ordinal());
        int count = elements * L;
        @real@[] u = random(rng, count);
        @real@[] old = random(rng, count);
        @real@[] x = random(rng, count);
        @real@[] y = random(rng, count);
        @real@[] z = random(rng, count);
        @real@[][] uK = lanes(u), oldK = lanes(old), xK = lanes(x), yK = lanes(y), zK = lanes(z);
        @real@[] a = new @real@[count];
        @real@[] b = new @real@[count];
        @real@[][] aK = new @real@[L][elements];
        @real@[][] bK = new @real@[L][elements];

        @Real@LaneKernels.prospectiveRates(u, old, c(52.6), phi, a, b, count);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.prospectiveRates(uK[k], oldK[k], c(52.6), phi, aK[k], bK[k], elements);
        }
        assertSameBits(a, aK, "ŭ");
        assertSameBits(b, bK, "φ(ŭ)");

        @real@[] finite = new @real@[L + 1];
        @real@[] finiteOne = new @real@[L + 1];
        @Real@LaneKernels.relax(c(0.52), x, c(0.31), y, u, c(0.0019), a, count, finite);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.relax(c(0.52), xK[k], c(0.31), yK[k], uK[k], c(0.0019), aK[k], elements, finiteOne);
        }
        assertSameBits(a, aK, "relax");
        @Real@LaneKernels.relax(c(0.52), x, c(0.31), y, z, u, c(0.0019), a, count, finite);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.relax(c(0.52), xK[k], c(0.31), yK[k], zK[k], uK[k], c(0.0019), aK[k], elements, finiteOne);
        }
        assertSameBits(a, aK, "relax with noise");
        @Real@LaneKernels.relax(c(0.77), x, u, c(0.0019), a, count, finite);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.relax(c(0.77), xK[k], uK[k], c(0.0019), aK[k], elements, finiteOne);
        }
        assertSameBits(a, aK, "relax free");
        assertThat(finite).containsOnly((@real@) 0);
        assertThat(finiteOne).containsOnly((@real@) 0);

        @Real@LaneKernels.predictionError(c(0.02), y, phi, c(0.53), x, a, count);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.predictionError(c(0.02), yK[k], phi, c(0.53), xK[k], aK[k], elements);
        }
        assertSameBits(a, aK, "prediction error");

        @Real@LaneKernels.scale(c(-0.3), x, a, count);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.scale(c(-0.3), xK[k], aK[k], elements);
        }
        assertSameBits(a, aK, "scale");

        @real@[] h = z.clone();
        @real@[][] hK = lanes(h);
        @Real@LaneKernels.highPass(h, u, old, c(0.1), count);
        for (int k = 0; k < L; k++) {
            @Real@LaneKernels.highPass(hK[k], uK[k], oldK[k], c(0.1), elements);
        }
        assertSameBits(h, hK, "high-pass");
    }

    @Test
    void aNonFiniteVoltageAtWidthOneIsFlaggedWhereverItIs() {
        for (int count : new int[] {1, 3, 4, 7, 9}) {
            for (int bad = 0; bad < count; bad++) {
                @real@[] x = new @real@[count];
                @real@[] y = new @real@[count];
                @real@[] u = new @real@[count];
                @real@[] next = new @real@[count];
                @real@[] nonFinite = new @real@[L + 1]; // at width 1, every entry belongs to the one seed
                @Real@LaneKernels.relax(c(0.5), x, c(0.5), y, u, c(0.01), next, count, nonFinite);
                assertThat(nonFinite).containsOnly((@real@) 0);
                x[bad] = @Real@.POSITIVE_INFINITY;
                @Real@LaneKernels.relax(c(0.5), x, c(0.5), y, u, c(0.01), next, count, nonFinite);
                assertThat(anyNaN(nonFinite)).as("%d of %d", bad, count).isTrue();
            }
        }
    }

    private static boolean anyNaN(@real@[] values) {
        for (@real@ v : values) {
            if (v != v) {
                return true;
            }
        }
        return false;
    }
}
