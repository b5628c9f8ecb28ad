package palsim.core.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import palsim.core.rng.RandomStreams;

class ReproducibleVectorMathTest {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Applies a vector function to every element of {@code x}. */
    private static double[] apply(UnaryOperator<DoubleVector> f, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i += D.length()) {
            f.apply(DoubleVector.fromArray(D, x, i, D.indexInRange(i, x.length))).intoArray(y, i, D.indexInRange(i, x.length));
        }
        return y;
    }

    private static float[] apply(UnaryOperator<FloatVector> f, float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += F.length()) {
            f.apply(FloatVector.fromArray(F, x, i, F.indexInRange(i, x.length))).intoArray(y, i, F.indexInRange(i, x.length));
        }
        return y;
    }

    private static double[] uniform(long seed, int n, double low, double high) {
        UniformRandomProvider rng = RandomStreams.seeded(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + (high - low) * rng.nextDouble();
        }
        return x;
    }

    /** Largest |f(x) − reference(x)| in units of the last place of the reference. */
    private static double worstUlps(double[] x, double[] y, DoubleUnaryOperator reference) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = reference.applyAsDouble(x[i]);
            worst = Math.max(worst, Math.abs(y[i] - expected) / Math.ulp(expected));
        }
        return worst;
    }

    private static double worstUlpsFloat(float[] x, float[] y, DoubleUnaryOperator reference) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = reference.applyAsDouble(x[i]);
            worst = Math.max(worst, Math.abs(y[i] - expected) / Math.ulp((float) expected));
        }
        return worst;
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    @Test
    void expIsWithinOneUlpOfMathExpOverTheWholeRange() {
        double[] wide = uniform(1, 200_000, -708, 709);
        assertThat(worstUlps(wide, apply(ReproducibleVectorMath::exp, wide), Math::exp)).isLessThanOrEqualTo(1.0);
        double[] near = uniform(2, 200_000, -20, 20);
        assertThat(worstUlps(near, apply(ReproducibleVectorMath::exp, near), Math::exp)).isLessThanOrEqualTo(1.0);
        float[] f = toFloats(uniform(3, 200_000, -87, 88));
        assertThat(worstUlpsFloat(f, apply(ReproducibleVectorMath::exp, f), Math::exp)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void expHandlesTheEdgesOfItsRange() {
        double[] x = {0, -0.0, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 710, 709.78, -745, -744.4,
            -800, 1e-300, -1e-300, Math.log(Double.MIN_NORMAL) - 3};
        double[] y = apply(ReproducibleVectorMath::exp, x);
        for (int i = 0; i < x.length; i++) {
            double expected = Math.exp(x[i]);
            if (Double.isNaN(expected)) {
                assertThat(y[i]).as("exp(%s)", x[i]).isNaN();
            } else if (Double.isInfinite(expected) || expected == 0) {
                assertThat(y[i]).as("exp(%s)", x[i]).isEqualTo(expected);
            } else {
                // Subnormal results lose precision in any implementation; compare relative to the smallest normal.
                assertThat(Math.abs(y[i] - expected)).as("exp(%s)", x[i])
                        .isLessThanOrEqualTo(Math.max(Math.ulp(expected), Math.ulp(Double.MIN_NORMAL)));
            }
        }
        assertThat(apply(ReproducibleVectorMath::exp, new float[] {0, 100, -110, Float.NaN}))
                .containsExactly(1f, Float.POSITIVE_INFINITY, 0f, Float.NaN);
    }

    @Test
    void tanhIsWithinAFewUlpsOfMathTanhAndOdd() {
        for (double[] x : new double[][] {uniform(4, 100_000, -0.3, 0.3), uniform(5, 100_000, -25, 25),
            uniform(6, 10_000, -1e-6, 1e-6)}) {
            double[] y = apply(ReproducibleVectorMath::tanh, x);
            assertThat(worstUlps(x, y, Math::tanh)).isLessThanOrEqualTo(4.0);
            double[] minus = apply(ReproducibleVectorMath::tanh, apply(DoubleVector::neg, x));
            for (int i = 0; i < x.length; i++) {
                assertThat(minus[i]).isEqualTo(-y[i]);
            }
        }
        float[] f = toFloats(uniform(7, 100_000, -10, 10));
        assertThat(worstUlpsFloat(f, apply(ReproducibleVectorMath::tanh, f), Math::tanh)).isLessThanOrEqualTo(4.0);
        assertThat(apply(ReproducibleVectorMath::tanh, new double[] {0, 1000, -1000, Double.NaN}))
                .containsExactly(0, 1, -1, Double.NaN);
    }

    @Test
    void log1pIsWithinThreeUlpsOfMathLog1pOnTheUnitInterval() {
        double[] x = uniform(8, 100_000, 0, 1);
        assertThat(worstUlps(x, apply(ReproducibleVectorMath::log1pUnit, x), Math::log1p)).isLessThanOrEqualTo(3.0);
        double[] tiny = uniform(9, 10_000, 0, 1e-10);
        assertThat(worstUlps(tiny, apply(ReproducibleVectorMath::log1pUnit, tiny), Math::log1p)).isLessThanOrEqualTo(3.0);
        float[] f = toFloats(x);
        assertThat(worstUlpsFloat(f, apply(ReproducibleVectorMath::log1pUnit, f), Math::log1p)).isLessThanOrEqualTo(3.0);
    }

    /**
     * The point of the class: the same bits before and after the JIT compiles the caller. The
     * Vector API's own EXP fails this on AVX-512 (its fallback and its intrinsic differ for a few
     * percent of arguments), which made simulations differ from run to run.
     */
    @Test
    void resultsDoNotChangeWhenTheCallerGetsCompiled() {
        double[] x = uniform(10, 4096, -30, 30);
        float[] xf = toFloats(x);
        double[] firstExp = apply(ReproducibleVectorMath::exp, x);
        double[] firstTanh = apply(ReproducibleVectorMath::tanh, x);
        double[] firstLog = apply(v -> ReproducibleVectorMath.log1pUnit(ReproducibleVectorMath.exp(v.abs().neg())), x);
        float[] firstExpF = apply(ReproducibleVectorMath::exp, xf);
        float[] firstTanhF = apply(ReproducibleVectorMath::tanh, xf);
        for (int round = 0; round < 3000; round++) {
            assertThat(apply(ReproducibleVectorMath::exp, x)).isEqualTo(firstExp);
            assertThat(apply(ReproducibleVectorMath::tanh, x)).isEqualTo(firstTanh);
            assertThat(apply(v -> ReproducibleVectorMath.log1pUnit(ReproducibleVectorMath.exp(v.abs().neg())), x))
                    .isEqualTo(firstLog);
            assertThat(apply(ReproducibleVectorMath::exp, xf)).isEqualTo(firstExpF);
            assertThat(apply(ReproducibleVectorMath::tanh, xf)).isEqualTo(firstTanhF);
        }
    }
}
