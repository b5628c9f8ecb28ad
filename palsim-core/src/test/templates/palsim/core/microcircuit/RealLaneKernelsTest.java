// Template: the build generates the Double… and Float… twins of this test (see palsim-core/pom.xml).
package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import palsim.core.le.Precision;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;

/**
 * Every vector kernel against its scalar twin, on shapes that exercise the row blocking and tails;
 * fused kernels also against the kernels they replace, bit for bit.
 */
class @Real@LaneKernelsTest {
    private static final int L = @Real@LaneKernels.LANES;
    /**
     * The vector kernels fuse multiply-adds where the references round twice, and sum up to 20
     * terms of size ≤ 1: a few ulp of the working precision (2⁻⁵² ≈ 2e-16, 2⁻²³ ≈ 1e-7) per term.
     */
    private static final double TOLERANCE = Precision.@precision@ == Precision.FLOAT64 ? 1e-13 : 1e-5;

    /** A constant in the working precision. */
    private static @real@ c(double value) {
        return (@real@) value;
    }

    private static @real@[] random(UniformRandomProvider rng, int count) {
        @real@[] a = new @real@[count];
        for (int i = 0; i < count; i++) {
            a[i] = (@real@) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    private static double[] wide(@real@[] a) {
        double[] w = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            w[i] = a[i];
        }
        return w;
    }

    private static void assertClose(@real@[] vector, @real@[] scalar) {
        assertThat(Circuits.relativeDistance(wide(vector), wide(scalar))).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,5", "4,4", "5,20", "20,10", "10,20", "7,3", "15,6", "8,1"})
    void vectorMatrixKernelsAgreeWithScalarReferences(int rows, int cols) {
        UniformRandomProvider rng = RandomStreams.seeded(rows * 100L + cols);
        @real@[] m = random(rng, rows * cols * L);
        @real@[] m2 = random(rng, rows * cols * L);
        @real@[] x = random(rng, cols * L);
        @real@[] y = random(rng, cols * L);
        @real@[] post = random(rng, rows * L);

        @real@[] vec = new @real@[rows * L];
        @real@[] ref = new @real@[rows * L];
        @Real@LaneKernels.VECTOR.matVec(m, rows, cols, x, vec);
        @Real@LaneKernels.matVecReference(m, rows, cols, x, ref);
        assertClose(vec, ref);

        @Real@LaneKernels.VECTOR.matVecPair(m, x, m2, y, rows, cols, vec);
        @Real@LaneKernels.matVecPairReference(m, x, m2, y, rows, cols, ref);
        assertClose(vec, ref);

        @real@[] a = m.clone();
        @real@[] b = m.clone();
        @real@[] deltaA = new @real@[m.length];
        @real@[] deltaB = new @real@[m.length];
        @Real@LaneKernels.VECTOR.addOuter(a, rows, cols, post, x, deltaA);
        @Real@LaneKernels.addOuterReference(b, rows, cols, post, x, deltaB);
        assertClose(a, b);
        assertClose(deltaA, deltaB);

        for (boolean accumulate : new boolean[] {false, true}) {
            @real@[] wa = m.clone();
            @real@[] wb = m.clone();
            @real@[] pa = m2.clone();
            @real@[] pb = m2.clone();
            @real@[] outA = post.clone();
            @real@[] outB = post.clone();
            @Real@LaneKernels.VECTOR.delayedUpdateThenMatVec(wa, pa, rows, cols, post, y, c(0.3), x, outA, accumulate);
            @Real@LaneKernels.delayedUpdateThenMatVecReference(wb, pb, rows, cols, post, y, c(0.3), x, outB, accumulate);
            assertClose(wa, wb);
            assertClose(pa, pb);
            assertClose(outA, outB);
        }

        @Real@LaneKernels.VECTOR.outer(deltaA, rows, cols, post, y);
        @Real@LaneKernels.outerReference(deltaB, rows, cols, post, y);
        assertClose(deltaA, deltaB);

        @real@[] da = m2.clone();
        @real@[] db = m2.clone();
        @Real@LaneKernels.VECTOR.addLowPassedOuter(a, da, rows, cols, post, x, c(1e-4), deltaA);
        @Real@LaneKernels.addLowPassedOuterReference(b, db, rows, cols, post, x, c(1e-4), deltaB);
        assertClose(a, b);
        assertClose(da, db);
        assertClose(deltaA, deltaB);

        @Real@LaneKernels.VECTOR.learnFromCorrelation(a, rows, cols, post, y, c(0.5), c(1e-3));
        @Real@LaneKernels.learnFromCorrelationReference(b, rows, cols, post, y, c(0.5), c(1e-3));
        assertClose(a, b);

        @real@[] r = random(rng, cols * L);
        @real@[] rI = random(rng, cols * L);
        @real@[] h = random(rng, cols * L);
        @real@[] rIPrev = random(rng, cols * L);
        @real@[] xi = random(rng, rows * L);
        @real@[] apicalPrev = random(rng, rows * L);
        @real@[] feedbackA = m.clone();
        @real@[] feedbackB = m.clone();
        @real@[] lateralA = m2.clone();
        @real@[] lateralB = m2.clone();
        @real@[] apicalA = new @real@[rows * L];
        @real@[] apicalB = new @real@[rows * L];
        @Real@LaneKernels.VECTOR.apicalWithFeedbackLearning(feedbackA, lateralA, rows, cols, r, rI, apicalA, xi, h, c(0.05), c(0.2),
                apicalPrev, c(-0.01), rIPrev);
        @Real@LaneKernels.apicalWithFeedbackLearningReference(feedbackB, lateralB, rows, cols, r, rI, apicalB, xi, h, c(0.05), c(0.2),
                apicalPrev, c(-0.01), rIPrev);
        assertClose(apicalA, apicalB);
        assertClose(feedbackA, feedbackB);
        assertClose(lateralA, lateralB);

        @real@[] w = random(rng, rows * cols * L);
        @real@[] ba = new @real@[rows * cols * L];
        @real@[] bpa = new @real@[rows * cols * L];
        @real@[] bb = new @real@[rows * cols * L];
        @real@[] bpb = new @real@[rows * cols * L];
        @Real@LaneKernels.VECTOR.tieTransposed(w, ba, bpa, rows, cols);
        @Real@LaneKernels.tieTransposedReference(w, bb, bpb, rows, cols);
        assertThat(ba).isEqualTo(bb);
        assertThat(bpa).isEqualTo(bpb);

        for (int e = 0; e < w.length; e++) {
            w[e] -= 0.5; // both signs
        }
        @Real@LaneKernels.VECTOR.tieSignTransposed(w, ba, bpa, rows, cols);
        @Real@LaneKernels.tieSignTransposedReference(w, bb, bpb, rows, cols);
        assertThat(ba).isEqualTo(bb);
        assertThat(bpa).isEqualTo(bpb);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,5", "20,10", "7,3"})
    void fusedApicalPassIsBitIdenticalToTheSeparatePasses(int rows, int cols) {
        // the engine relies on it: fusing the passes must not change a seed's results
        UniformRandomProvider rng = RandomStreams.seeded(rows * 1000L + cols);
        @real@[] b = random(rng, rows * cols * L);
        @real@[] bpi = random(rng, rows * cols * L);
        @real@[] r = random(rng, cols * L);
        @real@[] rI = random(rng, cols * L);
        @real@[] h = random(rng, cols * L);
        @real@[] rIPrev = random(rng, cols * L);
        @real@[] xi = random(rng, rows * L);
        @real@[] apicalPrev = random(rng, rows * L);

        @real@[] fusedB = b.clone();
        @real@[] fusedBpi = bpi.clone();
        @real@[] fusedApical = new @real@[rows * L];
        @Real@LaneKernels.VECTOR.apicalWithFeedbackLearning(fusedB, fusedBpi, rows, cols, r, rI, fusedApical, xi, h, c(0.05), c(0.2),
                apicalPrev, c(-0.01), rIPrev);

        @real@[] apical = new @real@[rows * L];
        @real@[] signal = new @real@[rows * L];
        @Real@LaneKernels.VECTOR.matVecPair(b, r, bpi, rI, rows, cols, apical);
        @Real@LaneKernels.VECTOR.learnFromCorrelation(b, rows, cols, xi, h, c(0.05), c(0.2));
        @Real@LaneKernels.scale(c(-0.01), apicalPrev, signal, rows * L);
        @Real@LaneKernels.VECTOR.addOuter(bpi, rows, cols, signal, rIPrev, null);
        assertThat(fusedApical).isEqualTo(apical);
        assertThat(fusedB).isEqualTo(b);
        assertThat(fusedBpi).isEqualTo(bpi);
    }

    @ParameterizedTest(name = "{0}, {1} elements")
    @CsvSource({"LOGISTIC,1", "LOGISTIC,20", "LINEAR,5", "TANH,10", "RELU,3", "SOFTPLUS,5"})
    void vectorElementwiseKernelsAgreeWithScalarReferences(Activation phi, int elements) {
        UniformRandomProvider rng = RandomStreams.seeded(elements);
        int count = elements * L;
        @real@[] u = random(rng, count);
        @real@[] old = random(rng, count);
        @real@[] x = random(rng, count);
        @real@[] y = random(rng, count);

        @real@[] breveA = new @real@[count];
        @real@[] rateA = new @real@[count];
        @real@[] breveB = new @real@[count];
        @real@[] rateB = new @real@[count];
        @Real@LaneKernels.prospectiveRates(u, old, c(52.6), phi, breveA, rateA, count);
        @Real@LaneKernels.prospectiveRatesReference(u, old, c(52.6), phi, breveB, rateB, count);
        assertClose(breveA, breveB);
        assertClose(rateA, rateB);
        // the lane kernel's own φ loop gives the bits of Activation's array kernel
        @real@[] arrayKernel = new @real@[count];
        phi.values(breveA, 0, arrayKernel, 0, count);
        assertThat(rateA).isEqualTo(arrayKernel);

        @real@[] direct = new @real@[count];
        @real@[] directReference = new @real@[count];
        @Real@LaneKernels.rates(phi, breveA, direct, count);
        @Real@LaneKernels.ratesReference(phi, breveA, directReference, count);
        assertClose(direct, directReference);
        assertThat(direct).as("rates: the bits of the array kernel").isEqualTo(arrayKernel);

        @real@[] a = new @real@[count];
        @real@[] b = new @real@[count];
        @real@[] finiteA = new @real@[L];
        @real@[] finiteB = new @real@[L];
        @Real@LaneKernels.relax(c(0.52), x, c(0.31), y, u, c(0.0019), a, count, finiteA);
        @Real@LaneKernels.relaxReference(c(0.52), x, c(0.31), y, null, u, c(0.0019), b, count, finiteB);
        assertClose(a, b);

        @Real@LaneKernels.relax(c(0.52), x, c(0.31), y, old, u, c(0.0019), a, count, finiteA);
        @Real@LaneKernels.relaxReference(c(0.52), x, c(0.31), y, old, u, c(0.0019), b, count, finiteB);
        assertClose(a, b);

        @Real@LaneKernels.relax(c(0.77), x, u, c(0.0019), a, count, finiteA);
        @Real@LaneKernels.relaxReference(c(0.77), x, u, c(0.0019), b, count, finiteB);
        assertClose(a, b);
        assertThat(finiteA).containsOnly((@real@) 0);
        assertThat(finiteB).containsOnly((@real@) 0);

        @Real@LaneKernels.predictionError(c(0.02), y, phi, c(0.53), x, a, count);
        @Real@LaneKernels.predictionErrorReference(c(0.02), y, phi, c(0.53), x, b, count);
        assertClose(a, b);

        @real@[] ha = x.clone();
        @real@[] hb = x.clone();
        @Real@LaneKernels.highPass(ha, u, old, c(0.1), count);
        @Real@LaneKernels.highPassReference(hb, u, old, c(0.1), count);
        assertClose(ha, hb);
    }

    @Test
    void somaticUpdateMarksExactlyTheLanesWithANonFiniteVoltage() {
        int count = 3 * L;
        @real@[] x = new @real@[count];
        @real@[] y = new @real@[count];
        @real@[] u = new @real@[count];
        @real@[] next = new @real@[count];
        @real@[] nonFinite = new @real@[L];
        x[L + L - 1] = @Real@.POSITIVE_INFINITY; // element 1 of the last lane
        @Real@LaneKernels.relax(c(0.5), x, c(0.5), y, u, c(0.01), next, count, nonFinite);
        for (int k = 0; k < L - 1; k++) {
            assertThat(nonFinite[k]).as("lane %d", k).isEqualTo((@real@) 0);
        }
        assertThat(nonFinite[L - 1]).isNaN();
    }
}
