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
 * equal the width-1 result on that lane's data alone ({@link LaneMatrixKernels}). The element-wise
 * kernels, which serve both widths, are checked the same way on element counts that leave a scalar
 * remainder at width 1.
 */
class ScalarLaneKernelsTest {
    private static final int L = LaneKernels.LANES;
    private static final LaneMatrixKernels VECTOR = LaneMatrixKernels.forWidth(L);
    private static final LaneMatrixKernels SCALAR = LaneMatrixKernels.forWidth(1);

    /** Values over many scales, with some zeros, negative zeros and exact small integers. */
    private static double[] random(UniformRandomProvider rng, int count) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = switch (rng.nextInt(10)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> rng.nextInt(5) - 2;
                case 3 -> (2 * rng.nextDouble() - 1) * 1e-8;
                case 4 -> (2 * rng.nextDouble() - 1) * 40;
                default -> 2 * rng.nextDouble() - 1;
            };
        }
        return a;
    }

    /** Lane k of an L-lane array as a one-seed array. */
    private static double[] lane(double[] laned, int k) {
        double[] one = new double[laned.length / L];
        for (int e = 0; e < one.length; e++) {
            one[e] = laned[e * L + k];
        }
        return one;
    }

    private static double[][] lanes(double[] laned) {
        double[][] all = new double[L][];
        for (int k = 0; k < L; k++) {
            all[k] = lane(laned, k);
        }
        return all;
    }

    private static void assertSameBits(double[] laned, double[][] perLane, String what) {
        for (int k = 0; k < L; k++) {
            double[] v = lane(laned, k);
            long[] a = new long[v.length];
            long[] b = new long[v.length];
            for (int e = 0; e < v.length; e++) {
                a[e] = Double.doubleToRawLongBits(v[e]);
                b[e] = Double.doubleToRawLongBits(perLane[k][e]);
            }
            assertThat(b).as("%s, lane %d", what, k).isEqualTo(a);
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,5", "4,4", "5,20", "20,10", "10,20", "7,3", "15,6", "8,1", "1,9", "9,2"})
    void scalarMatrixKernelsGiveTheBitsOfEveryLane(int rows, int cols) {
        UniformRandomProvider rng = RandomStreams.seeded(rows * 1000L + cols);
        double[] m = random(rng, rows * cols * L);
        double[] m2 = random(rng, rows * cols * L);
        double[] d = random(rng, rows * cols * L);
        double[] w = random(rng, rows * cols * L);
        double[] x = random(rng, cols * L);
        double[] y = random(rng, cols * L);
        double[] h = random(rng, cols * L);
        double[] pre = random(rng, cols * L);
        double[] post = random(rng, rows * L);
        double[] xi = random(rng, rows * L);
        double[] apicalPrev = random(rng, rows * L);
        double[][] mK = lanes(m), m2K = lanes(m2), dK = lanes(d), wK = lanes(w), xK = lanes(x), yK = lanes(y);
        double[][] hK = lanes(h), preK = lanes(pre), postK = lanes(post), xiK = lanes(xi), apK = lanes(apicalPrev);

        double[] out = new double[rows * L];
        double[][] outK = new double[L][rows];
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
            double[] a = m.clone();
            double[] delta = new double[a.length];
            double[][] aK = lanes(a);
            double[][] deltaK = new double[L][rows * cols];
            VECTOR.addOuter(a, rows, cols, post, pre, observed ? delta : null);
            for (int k = 0; k < L; k++) {
                SCALAR.addOuter(aK[k], rows, cols, postK[k], preK[k], observed ? deltaK[k] : null);
            }
            assertSameBits(a, aK, "addOuter");
            assertSameBits(delta, deltaK, "addOuter Δ");

            double[] lp = d.clone();
            double[][] lpK = lanes(lp);
            VECTOR.addLowPassedOuter(a, lp, rows, cols, post, pre, 0.013, observed ? delta : null);
            for (int k = 0; k < L; k++) {
                SCALAR.addLowPassedOuter(aK[k], lpK[k], rows, cols, postK[k], preK[k], 0.013,
                        observed ? deltaK[k] : null);
            }
            assertSameBits(a, aK, "addLowPassedOuter W");
            assertSameBits(lp, lpK, "addLowPassedOuter D");
            assertSameBits(delta, deltaK, "addLowPassedOuter Δ");
        }

        for (boolean accumulate : new boolean[] {false, true}) {
            double[] weights = d.clone();
            double[][] weightsK = lanes(weights);
            double[] pending = m2.clone();
            double[][] pendingK = lanes(pending);
            double[] sums = post.clone();
            double[][] sumsK = lanes(sums);
            VECTOR.delayedUpdateThenMatVec(weights, pending, rows, cols, post, pre, 0.07, y, sums, accumulate);
            for (int k = 0; k < L; k++) {
                SCALAR.delayedUpdateThenMatVec(weightsK[k], pendingK[k], rows, cols, postK[k], preK[k], 0.07, yK[k], sumsK[k],
                        accumulate);
            }
            assertSameBits(weights, weightsK, "delayedUpdateThenMatVec W");
            assertSameBits(pending, pendingK, "delayedUpdateThenMatVec D");
            assertSameBits(sums, sumsK, "delayedUpdateThenMatVec out");
        }

        double[] delta = new double[rows * cols * L];
        double[][] deltaK = new double[L][rows * cols];
        VECTOR.outer(delta, rows, cols, post, y);
        for (int k = 0; k < L; k++) {
            SCALAR.outer(deltaK[k], rows, cols, postK[k], yK[k]);
        }
        assertSameBits(delta, deltaK, "outer");

        double[] b = m.clone();
        double[][] bK = lanes(b);
        VECTOR.learnFromCorrelation(b, rows, cols, xi, h, 0.37, 1e-3);
        for (int k = 0; k < L; k++) {
            SCALAR.learnFromCorrelation(bK[k], rows, cols, xiK[k], hK[k], 0.37, 1e-3);
        }
        assertSameBits(b, bK, "learnFromCorrelation");

        double[] fb = m.clone();
        double[] bpi = m2.clone();
        double[] apical = new double[rows * L];
        double[][] fbK = lanes(fb), bpiK = lanes(bpi);
        double[][] apicalK = new double[L][rows];
        VECTOR.apicalWithFeedbackLearning(fb, bpi, rows, cols, x, y, apical, xi, h, 0.05, 0.2, apicalPrev, -0.01, pre);
        for (int k = 0; k < L; k++) {
            SCALAR.apicalWithFeedbackLearning(fbK[k], bpiK[k], rows, cols, xK[k], yK[k], apicalK[k], xiK[k], hK[k], 0.05,
                    0.2, apK[k], -0.01, preK[k]);
        }
        assertSameBits(apical, apicalK, "apical");
        assertSameBits(fb, fbK, "apical B");
        assertSameBits(bpi, bpiK, "apical B^PI");

        double[] tb = new double[rows * cols * L];
        double[] tbpi = new double[rows * cols * L];
        double[][] tbK = new double[L][rows * cols];
        double[][] tbpiK = new double[L][rows * cols];
        VECTOR.tieTransposed(w, tb, tbpi, rows, cols);
        for (int k = 0; k < L; k++) {
            SCALAR.tieTransposed(wK[k], tbK[k], tbpiK[k], rows, cols);
        }
        assertSameBits(tb, tbK, "tie B");
        assertSameBits(tbpi, tbpiK, "tie B^PI");

        VECTOR.tieSignTransposed(w, tb, tbpi, rows, cols);
        for (int k = 0; k < L; k++) {
            SCALAR.tieSignTransposed(wK[k], tbK[k], tbpiK[k], rows, cols);
        }
        assertSameBits(tb, tbK, "sign-symmetric B");
        assertSameBits(tbpi, tbpiK, "sign-symmetric B^PI");
    }

    @ParameterizedTest(name = "{0}, {1} elements")
    @CsvSource({"LOGISTIC,1", "LOGISTIC,5", "LOGISTIC,20", "LOGISTIC,7", "TANH,10", "TANH,3", "LINEAR,5", "RELU,3",
        "SOFTPLUS,5", "HARD_SIGMOID,6", "CLAMP01,2"})
    void elementwiseKernelsGiveTheSameBitsAtEveryWidth(Activation phi, int elements) {
        UniformRandomProvider rng = RandomStreams.seeded(elements * 31L + phi.ordinal());
        int count = elements * L;
        double[] u = random(rng, count);
        double[] old = random(rng, count);
        double[] x = random(rng, count);
        double[] y = random(rng, count);
        double[] z = random(rng, count);
        double[][] uK = lanes(u), oldK = lanes(old), xK = lanes(x), yK = lanes(y), zK = lanes(z);
        double[] a = new double[count];
        double[] b = new double[count];
        double[][] aK = new double[L][elements];
        double[][] bK = new double[L][elements];

        LaneKernels.prospectiveRates(u, old, 52.6, phi, a, b, count);
        for (int k = 0; k < L; k++) {
            LaneKernels.prospectiveRates(uK[k], oldK[k], 52.6, phi, aK[k], bK[k], elements);
        }
        assertSameBits(a, aK, "ŭ");
        assertSameBits(b, bK, "φ(ŭ)");

        double[] finite = new double[L + 1];
        double[] finiteOne = new double[L + 1];
        LaneKernels.relax(0.52, x, 0.31, y, u, 0.0019, a, count, finite);
        for (int k = 0; k < L; k++) {
            LaneKernels.relax(0.52, xK[k], 0.31, yK[k], uK[k], 0.0019, aK[k], elements, finiteOne);
        }
        assertSameBits(a, aK, "relax");
        LaneKernels.relax(0.52, x, 0.31, y, z, u, 0.0019, a, count, finite);
        for (int k = 0; k < L; k++) {
            LaneKernels.relax(0.52, xK[k], 0.31, yK[k], zK[k], uK[k], 0.0019, aK[k], elements, finiteOne);
        }
        assertSameBits(a, aK, "relax with noise");
        LaneKernels.relax(0.77, x, u, 0.0019, a, count, finite);
        for (int k = 0; k < L; k++) {
            LaneKernels.relax(0.77, xK[k], uK[k], 0.0019, aK[k], elements, finiteOne);
        }
        assertSameBits(a, aK, "relax free");
        assertThat(finite).containsOnly(0.0);
        assertThat(finiteOne).containsOnly(0.0);

        LaneKernels.predictionError(0.02, y, phi, 0.53, x, a, count);
        for (int k = 0; k < L; k++) {
            LaneKernels.predictionError(0.02, yK[k], phi, 0.53, xK[k], aK[k], elements);
        }
        assertSameBits(a, aK, "prediction error");

        LaneKernels.scale(-0.3, x, a, count);
        for (int k = 0; k < L; k++) {
            LaneKernels.scale(-0.3, xK[k], aK[k], elements);
        }
        assertSameBits(a, aK, "scale");

        double[] h = z.clone();
        double[][] hK = lanes(h);
        LaneKernels.highPass(h, u, old, 0.1, count);
        for (int k = 0; k < L; k++) {
            LaneKernels.highPass(hK[k], uK[k], oldK[k], 0.1, elements);
        }
        assertSameBits(h, hK, "high-pass");
    }

    @Test
    void aNonFiniteVoltageAtWidthOneIsFlaggedWhereverItIs() {
        for (int count : new int[] {1, 3, 4, 7, 9}) {
            for (int bad = 0; bad < count; bad++) {
                double[] x = new double[count];
                double[] y = new double[count];
                double[] u = new double[count];
                double[] next = new double[count];
                double[] nonFinite = new double[L + 1]; // at width 1, every entry belongs to the one seed
                LaneKernels.relax(0.5, x, 0.5, y, u, 0.01, next, count, nonFinite);
                assertThat(nonFinite).containsOnly(0.0);
                x[bad] = Double.POSITIVE_INFINITY;
                LaneKernels.relax(0.5, x, 0.5, y, u, 0.01, next, count, nonFinite);
                assertThat(java.util.Arrays.stream(nonFinite).anyMatch(Double::isNaN)).as("%d of %d", bad, count).isTrue();
            }
        }
    }
}
