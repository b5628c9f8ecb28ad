package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;

/**
 * Every vector kernel against its scalar twin, on shapes that exercise the row blocking and tails;
 * fused kernels also against the kernels they replace, bit for bit.
 */
class LaneKernelsTest {
    private static final int L = LaneKernels.LANES;
    private static final double TOLERANCE = 1e-13;

    private static double[] random(UniformRandomProvider rng, int count) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = 2 * rng.nextDouble() - 1;
        }
        return a;
    }

    private static void assertClose(double[] vector, double[] scalar) {
        assertThat(Circuits.relativeDistance(vector, scalar)).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,5", "4,4", "5,20", "20,10", "10,20", "7,3", "15,6", "8,1"})
    void vectorMatrixKernelsAgreeWithScalarReferences(int rows, int cols) {
        UniformRandomProvider rng = RandomStreams.seeded(rows * 100L + cols);
        double[] m = random(rng, rows * cols * L);
        double[] m2 = random(rng, rows * cols * L);
        double[] x = random(rng, cols * L);
        double[] y = random(rng, cols * L);
        double[] post = random(rng, rows * L);

        double[] vec = new double[rows * L];
        double[] ref = new double[rows * L];
        LaneKernels.VECTOR.matVec(m, rows, cols, x, vec);
        LaneKernels.matVecReference(m, rows, cols, x, ref);
        assertClose(vec, ref);

        LaneKernels.VECTOR.matVecPair(m, x, m2, y, rows, cols, vec);
        LaneKernels.matVecPairReference(m, x, m2, y, rows, cols, ref);
        assertClose(vec, ref);

        double[] a = m.clone();
        double[] b = m.clone();
        double[] deltaA = new double[m.length];
        double[] deltaB = new double[m.length];
        LaneKernels.VECTOR.addOuter(a, rows, cols, post, x, deltaA);
        LaneKernels.addOuterReference(b, rows, cols, post, x, deltaB);
        assertClose(a, b);
        assertClose(deltaA, deltaB);

        for (boolean accumulate : new boolean[] {false, true}) {
            double[] wa = m.clone();
            double[] wb = m.clone();
            double[] pa = m2.clone();
            double[] pb = m2.clone();
            double[] outA = post.clone();
            double[] outB = post.clone();
            LaneKernels.VECTOR.delayedUpdateThenMatVec(wa, pa, rows, cols, post, y, 0.3, x, outA, accumulate);
            LaneKernels.delayedUpdateThenMatVecReference(wb, pb, rows, cols, post, y, 0.3, x, outB, accumulate);
            assertClose(wa, wb);
            assertClose(pa, pb);
            assertClose(outA, outB);
        }

        LaneKernels.VECTOR.outer(deltaA, rows, cols, post, y);
        LaneKernels.outerReference(deltaB, rows, cols, post, y);
        assertClose(deltaA, deltaB);

        double[] da = m2.clone();
        double[] db = m2.clone();
        LaneKernels.VECTOR.addLowPassedOuter(a, da, rows, cols, post, x, 1e-4, deltaA);
        LaneKernels.addLowPassedOuterReference(b, db, rows, cols, post, x, 1e-4, deltaB);
        assertClose(a, b);
        assertClose(da, db);
        assertClose(deltaA, deltaB);

        LaneKernels.VECTOR.learnFromCorrelation(a, rows, cols, post, y, 0.5, 1e-3);
        LaneKernels.learnFromCorrelationReference(b, rows, cols, post, y, 0.5, 1e-3);
        assertClose(a, b);

        double[] r = random(rng, cols * L);
        double[] rI = random(rng, cols * L);
        double[] h = random(rng, cols * L);
        double[] rIPrev = random(rng, cols * L);
        double[] xi = random(rng, rows * L);
        double[] apicalPrev = random(rng, rows * L);
        double[] feedbackA = m.clone();
        double[] feedbackB = m.clone();
        double[] lateralA = m2.clone();
        double[] lateralB = m2.clone();
        double[] apicalA = new double[rows * L];
        double[] apicalB = new double[rows * L];
        LaneKernels.VECTOR.apicalWithFeedbackLearning(feedbackA, lateralA, rows, cols, r, rI, apicalA, xi, h, 0.05, 0.2,
                apicalPrev, -0.01, rIPrev);
        LaneKernels.apicalWithFeedbackLearningReference(feedbackB, lateralB, rows, cols, r, rI, apicalB, xi, h, 0.05, 0.2,
                apicalPrev, -0.01, rIPrev);
        assertClose(apicalA, apicalB);
        assertClose(feedbackA, feedbackB);
        assertClose(lateralA, lateralB);

        double[] w = random(rng, rows * cols * L);
        double[] ba = new double[rows * cols * L];
        double[] bpa = new double[rows * cols * L];
        double[] bb = new double[rows * cols * L];
        double[] bpb = new double[rows * cols * L];
        LaneKernels.VECTOR.tieTransposed(w, ba, bpa, rows, cols);
        LaneKernels.tieTransposedReference(w, bb, bpb, rows, cols);
        assertThat(ba).isEqualTo(bb);
        assertThat(bpa).isEqualTo(bpb);

        for (int e = 0; e < w.length; e++) {
            w[e] -= 0.5; // both signs
        }
        LaneKernels.VECTOR.tieSignTransposed(w, ba, bpa, rows, cols);
        LaneKernels.tieSignTransposedReference(w, bb, bpb, rows, cols);
        assertThat(ba).isEqualTo(bb);
        assertThat(bpa).isEqualTo(bpb);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,5", "20,10", "7,3"})
    void fusedApicalPassIsBitIdenticalToTheSeparatePasses(int rows, int cols) {
        // the engine relies on it: fusing the passes must not change a seed's results
        UniformRandomProvider rng = RandomStreams.seeded(rows * 1000L + cols);
        double[] b = random(rng, rows * cols * L);
        double[] bpi = random(rng, rows * cols * L);
        double[] r = random(rng, cols * L);
        double[] rI = random(rng, cols * L);
        double[] h = random(rng, cols * L);
        double[] rIPrev = random(rng, cols * L);
        double[] xi = random(rng, rows * L);
        double[] apicalPrev = random(rng, rows * L);

        double[] fusedB = b.clone();
        double[] fusedBpi = bpi.clone();
        double[] fusedApical = new double[rows * L];
        LaneKernels.VECTOR.apicalWithFeedbackLearning(fusedB, fusedBpi, rows, cols, r, rI, fusedApical, xi, h, 0.05, 0.2,
                apicalPrev, -0.01, rIPrev);

        double[] apical = new double[rows * L];
        double[] signal = new double[rows * L];
        LaneKernels.VECTOR.matVecPair(b, r, bpi, rI, rows, cols, apical);
        LaneKernels.VECTOR.learnFromCorrelation(b, rows, cols, xi, h, 0.05, 0.2);
        LaneKernels.scale(-0.01, apicalPrev, signal, rows * L);
        LaneKernels.VECTOR.addOuter(bpi, rows, cols, signal, rIPrev, null);
        assertThat(fusedApical).isEqualTo(apical);
        assertThat(fusedB).isEqualTo(b);
        assertThat(fusedBpi).isEqualTo(bpi);
    }

    @ParameterizedTest(name = "{0}, {1} elements")
    @CsvSource({"LOGISTIC,1", "LOGISTIC,20", "LINEAR,5", "TANH,10", "RELU,3", "SOFTPLUS,5"})
    void vectorElementwiseKernelsAgreeWithScalarReferences(Activation phi, int elements) {
        UniformRandomProvider rng = RandomStreams.seeded(elements);
        int count = elements * L;
        double[] u = random(rng, count);
        double[] old = random(rng, count);
        double[] x = random(rng, count);
        double[] y = random(rng, count);

        double[] breveA = new double[count];
        double[] rateA = new double[count];
        double[] breveB = new double[count];
        double[] rateB = new double[count];
        LaneKernels.prospectiveRates(u, old, 52.6, phi, breveA, rateA, count);
        LaneKernels.prospectiveRatesReference(u, old, 52.6, phi, breveB, rateB, count);
        assertClose(breveA, breveB);
        assertClose(rateA, rateB);
        // the lane kernel's own φ loop gives the bits of Activation's array kernel
        double[] arrayKernel = new double[count];
        phi.values(breveA, 0, arrayKernel, 0, count);
        assertThat(rateA).isEqualTo(arrayKernel);

        double[] direct = new double[count];
        double[] directReference = new double[count];
        LaneKernels.rates(phi, breveA, direct, count);
        LaneKernels.ratesReference(phi, breveA, directReference, count);
        assertClose(direct, directReference);
        assertThat(direct).as("rates: the bits of the array kernel").isEqualTo(arrayKernel);

        double[] a = new double[count];
        double[] b = new double[count];
        double[] finiteA = new double[L];
        double[] finiteB = new double[L];
        LaneKernels.relax(0.52, x, 0.31, y, u, 0.0019, a, count, finiteA);
        LaneKernels.relaxReference(0.52, x, 0.31, y, null, u, 0.0019, b, count, finiteB);
        assertClose(a, b);

        LaneKernels.relax(0.52, x, 0.31, y, old, u, 0.0019, a, count, finiteA);
        LaneKernels.relaxReference(0.52, x, 0.31, y, old, u, 0.0019, b, count, finiteB);
        assertClose(a, b);

        LaneKernels.relax(0.77, x, u, 0.0019, a, count, finiteA);
        LaneKernels.relaxReference(0.77, x, u, 0.0019, b, count, finiteB);
        assertClose(a, b);
        assertThat(finiteA).containsOnly(0.0);
        assertThat(finiteB).containsOnly(0.0);

        LaneKernels.predictionError(0.02, y, phi, 0.53, x, a, count);
        LaneKernels.predictionErrorReference(0.02, y, phi, 0.53, x, b, count);
        assertClose(a, b);

        double[] ha = x.clone();
        double[] hb = x.clone();
        LaneKernels.highPass(ha, u, old, 0.1, count);
        LaneKernels.highPassReference(hb, u, old, 0.1, count);
        assertClose(ha, hb);
    }

    @Test
    void somaticUpdateMarksExactlyTheLanesWithANonFiniteVoltage() {
        int count = 3 * L;
        double[] x = new double[count];
        double[] y = new double[count];
        double[] u = new double[count];
        double[] next = new double[count];
        double[] nonFinite = new double[L];
        x[L + L - 1] = Double.POSITIVE_INFINITY; // element 1 of the last lane
        LaneKernels.relax(0.5, x, 0.5, y, u, 0.01, next, count, nonFinite);
        for (int k = 0; k < L - 1; k++) {
            assertThat(nonFinite[k]).as("lane %d", k).isEqualTo(0.0);
        }
        assertThat(nonFinite[L - 1]).isNaN();
    }
}
