package palsim.core.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {
    private static final int F_LANES = FloatVector.SPECIES_PREFERRED.length();
    private static final int D_LANES = DoubleVector.SPECIES_PREFERRED.length();

    private static float[] floatInputs(double low, double high, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[64 * F_LANES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (low + (high - low) * r.nextDouble());
        }
        return x;
    }

    private static double[] doubleInputs(double low, double high, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[64 * D_LANES];
        for (int i = 0; i < x.length; i++) {
            x[i] = low + (high - low) * r.nextDouble();
        }
        return x;
    }

    private static float[] apply(UnaryOperator<FloatVector> f, float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += F_LANES) {
            f.apply(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i)).intoArray(y, i);
        }
        return y;
    }

    private static double[] apply(UnaryOperator<DoubleVector> f, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i += D_LANES) {
            f.apply(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i)).intoArray(y, i);
        }
        return y;
    }

    private static void assertUlps(float[] x, float[] y, DoubleUnaryOperator exact, double ulps) {
        for (int i = 0; i < x.length; i++) {
            double e = exact.applyAsDouble(x[i]);
            assertThat(Math.abs(y[i] - e)).as("f(%s) = %s, exactly %s", x[i], y[i], e)
                    .isLessThanOrEqualTo(ulps * Math.ulp((float) e));
        }
    }

    private static void assertUlps(double[] x, double[] y, DoubleUnaryOperator exact, double ulps) {
        for (int i = 0; i < x.length; i++) {
            double e = exact.applyAsDouble(x[i]);
            assertThat(Math.abs(y[i] - e)).as("f(%s) = %s, exactly %s", x[i], y[i], e)
                    .isLessThanOrEqualTo(ulps * Math.ulp(e));
        }
    }

    @Test
    void expIsWithinTwoUlpOverTheFiniteRange() {
        for (double[] range : new double[][] {{-87.3, 88.37}, {-1, 1}, {-1e-3, 1e-3}}) {
            float[] xf = floatInputs(range[0], range[1], 1);
            assertUlps(xf, apply(VectorMath::exp, xf), Math::exp, 2);
            double[] xd = doubleInputs(range[0] * 8.02, range[1] * 8.02, 2);
            assertUlps(xd, apply(VectorMath::exp, xd), Math::exp, 2);
        }
    }

    @Test
    void tanhIsWithinThreeUlpFromTinyToSaturatedArguments() {
        for (double[] range : new double[][] {{-12, 12}, {-0.7, 0.7}, {-1e-4, 1e-4}, {-30, 30}}) {
            float[] xf = floatInputs(range[0], range[1], 3);
            assertUlps(xf, apply(VectorMath::tanh, xf), Math::tanh, 3);
            double[] xd = doubleInputs(range[0], range[1], 4);
            assertUlps(xd, apply(VectorMath::tanh, xd), Math::tanh, 3);
        }
    }

    @Test
    void log1pIsWithinThreeUlpOnTheUnitInterval() {
        float[] xf = floatInputs(0, 1, 5);
        assertUlps(xf, apply(VectorMath::log1pUnit, xf), Math::log1p, 3);
        double[] xd = doubleInputs(0, 1, 6);
        assertUlps(xd, apply(VectorMath::log1pUnit, xd), Math::log1p, 3);
    }

    @Test
    void specialValuesKeepTheirMeaning() {
        float[] x = new float[F_LANES];
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 1e-30f, -1e-30f};
        System.arraycopy(special, 0, x, 0, Math.min(special.length, x.length));
        float[] t = apply(VectorMath::tanh, x);
        float[] e = apply(VectorMath::exp, x);
        assertThat(t[0]).isNaN();
        assertThat(e[0]).isNaN();
        if (F_LANES >= 7) {
            assertThat(t[1]).isEqualTo(1f);
            assertThat(t[2]).isEqualTo(-1f);
            assertThat(Float.floatToRawIntBits(t[3])).isEqualTo(Float.floatToRawIntBits(-0f));
            assertThat(t[4]).isEqualTo(0f);
            assertThat(t[5]).isEqualTo(1e-30f);
            assertThat(t[6]).isEqualTo(-1e-30f);
            assertThat(e[1]).isEqualTo(Float.POSITIVE_INFINITY);
            assertThat(e[2]).isEqualTo(0f);
        }
    }

    @Test
    void activationKernelsGiveTheSameBitsBeforeAndAfterJitCompilation() {
        float[] xf = floatInputs(-9, 9, 7);
        double[] xd = doubleInputs(-9, 9, 8);
        for (Activation a : new Activation[] {Activation.TANH, Activation.LOGISTIC, Activation.SOFTPLUS}) {
            float[] firstF = new float[xf.length], laterF = new float[xf.length];
            double[] firstD = new double[xd.length], laterD = new double[xd.length];
            a.values(xf, 0, firstF, 0, xf.length);
            a.values(xd, 0, firstD, 0, xd.length);
            for (int i = 0; i < 3000; i++) { // enough calls for C2 to compile the loops
                a.values(xf, 0, laterF, 0, xf.length);
                a.values(xd, 0, laterD, 0, xd.length);
            }
            assertThat(laterF).as("%s float", a).containsExactly(firstF);
            assertThat(laterD).as("%s double", a).containsExactly(firstD);
        }
    }

    /** Inputs for the scalar-twin tests: random values over many scales and every edge case. */
    private static double[] edgeAndRandomInputs() {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1e-300, -1e-300, 1e-17, -1e-17, 1, -1, 0.5, -0.5, 708, -708, -708.0000000001,
            -707.9999999999, 709.4, 709.4000000001, 709.3999999999, 710, -745, -746, 0.34657359027997264,
            Math.nextUp(0.34657359027997264), Math.nextDown(0.34657359027997264), 0.17328679513998632,
            Math.nextUp(0.17328679513998632), Math.nextDown(0.17328679513998632), 9.75, 19.5, -19.5,
            Math.nextUp(19.5), Math.nextDown(19.5), 1e300, -1e300, Math.log(2) / 2, -Math.log(2) / 2,
            Double.longBitsToDouble(0x7ff8000000000123L), Double.longBitsToDouble(0xfff0000000000001L)};
        SplittableRandom r = new SplittableRandom(11);
        int random = 60_000;
        double[] x = new double[special.length + random];
        System.arraycopy(special, 0, x, 0, special.length);
        for (int i = special.length; i < x.length; i++) {
            double scale = Math.pow(10, r.nextInt(-20, 4)); // 1e-20 … 1e3
            x[i] = switch (i % 4) {
                case 0 -> (2 * r.nextDouble() - 1) * scale;
                case 1 -> (2 * r.nextDouble() - 1) * 30;
                case 2 -> r.nextDouble();
                default -> Double.longBitsToDouble(r.nextLong()); // any bit pattern
            };
        }
        return x;
    }

    private static void assertSameBits(double[] x, UnaryOperator<DoubleVector> vector, DoubleUnaryOperator scalar,
            String name) {
        var species = DoubleVector.SPECIES_256;
        int lanes = species.length();
        double[] padded = java.util.Arrays.copyOf(x, (x.length + lanes - 1) / lanes * lanes);
        double[] v = new double[padded.length];
        for (int i = 0; i < padded.length; i += lanes) {
            vector.apply(DoubleVector.fromArray(species, padded, i)).intoArray(v, i);
        }
        for (int i = 0; i < x.length; i++) {
            double s = scalar.applyAsDouble(x[i]);
            if (Double.isNaN(v[i])) {
                assertThat(s).as("%s(%s)", name, x[i]).isNaN();
            } else {
                assertThat(Double.doubleToRawLongBits(s)).as("%s(%s): scalar %s, vector %s", name, x[i], s, v[i])
                        .isEqualTo(Double.doubleToRawLongBits(v[i]));
            }
        }
    }

    @Test
    void scalarTwinsGiveTheBitsOfTheVectorFunctions() {
        double[] x = edgeAndRandomInputs();
        for (int round = 0; round < 3; round++) { // interpreted, then compiled
            assertSameBits(x, VectorMath::exp, VectorMath::exp, "exp");
            assertSameBits(x, VectorMath::tanh, VectorMath::tanh, "tanh");
            assertSameBits(x, VectorMath::logistic, VectorMath::logistic, "logistic");
        }
    }

    @Test
    void scalarTwinsHaveTheAccuracyOfTheVectorFunctions() {
        double[] xd = doubleInputs(-700, 700, 12);
        for (double v : xd) {
            assertThat(Math.abs(VectorMath.exp(v) - Math.exp(v))).isLessThanOrEqualTo(2 * Math.ulp(Math.exp(v)));
            double t = v / 30;
            assertThat(Math.abs(VectorMath.tanh(t) - Math.tanh(t))).isLessThanOrEqualTo(3 * Math.ulp(Math.tanh(t)));
        }
        assertThat(VectorMath.exp(-1000.0)).isZero();
        assertThat(VectorMath.exp(1000.0)).isInfinite();
        assertThat(VectorMath.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Double.doubleToRawLongBits(VectorMath.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    /** Float inputs for the scalar-twin tests: random values over many scales and every edge case. */
    private static float[] floatEdgeAndRandomInputs() {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f, -1e-30f, 1,
            -1, 0.5f, -0.5f, -87.3f, Math.nextUp(-87.3f), Math.nextDown(-87.3f), 88.37f, Math.nextUp(88.37f),
            Math.nextDown(88.37f), 87.3f, -88.37f, 100, -100, 0.34657359f, Math.nextUp(0.34657359f),
            Math.nextDown(0.34657359f), 0.17328680f, Math.nextUp(0.17328680f), Math.nextDown(0.17328680f), 4.75f, 9.5f,
            -9.5f, Math.nextUp(9.5f), Math.nextDown(9.5f), 1e30f, -1e30f, Float.intBitsToFloat(0x7fc00123),
            Float.intBitsToFloat(0xff800001)};
        SplittableRandom r = new SplittableRandom(13);
        int random = 60_000;
        float[] x = new float[special.length + random];
        System.arraycopy(special, 0, x, 0, special.length);
        for (int i = special.length; i < x.length; i++) {
            double scale = Math.pow(10, r.nextInt(-20, 3)); // 1e-20 … 1e2
            x[i] = switch (i % 4) {
                case 0 -> (float) ((2 * r.nextDouble() - 1) * scale);
                case 1 -> (float) ((2 * r.nextDouble() - 1) * 30);
                case 2 -> (float) r.nextDouble();
                default -> Float.intBitsToFloat(r.nextInt()); // any bit pattern
            };
        }
        return x;
    }

    private interface FloatUnary {
        float apply(float x);
    }

    private static void assertSameFloatBits(float[] x, UnaryOperator<FloatVector> vector, FloatUnary scalar, String name) {
        for (var species : java.util.List.of(FloatVector.SPECIES_128, FloatVector.SPECIES_256, FloatVector.SPECIES_PREFERRED)) {
            int lanes = species.length();
            float[] padded = java.util.Arrays.copyOf(x, (x.length + lanes - 1) / lanes * lanes);
            float[] v = new float[padded.length];
            for (int i = 0; i < padded.length; i += lanes) {
                vector.apply(FloatVector.fromArray(species, padded, i)).intoArray(v, i);
            }
            for (int i = 0; i < x.length; i++) {
                float s = scalar.apply(x[i]);
                if (Float.isNaN(v[i])) {
                    assertThat(s).as("%s(%s)", name, x[i]).isNaN();
                } else {
                    assertThat(Float.floatToRawIntBits(s)).as("%s(%s), %d lanes: scalar %s, vector %s", name, x[i], lanes, s,
                            v[i]).isEqualTo(Float.floatToRawIntBits(v[i]));
                }
            }
        }
    }

    @Test
    void floatScalarTwinsGiveTheBitsOfTheVectorFunctions() {
        float[] x = floatEdgeAndRandomInputs();
        for (int round = 0; round < 3; round++) { // interpreted, then compiled
            assertSameFloatBits(x, VectorMath::exp, VectorMath::exp, "exp");
            assertSameFloatBits(x, VectorMath::tanh, VectorMath::tanh, "tanh");
            assertSameFloatBits(x, VectorMath::logistic, VectorMath::logistic, "logistic");
        }
        assertThat(VectorMath.exp(-100f)).isZero();
        assertThat(VectorMath.exp(100f)).isInfinite();
        assertThat(VectorMath.tanh(Float.NEGATIVE_INFINITY)).isEqualTo(-1f);
        assertThat(Float.floatToRawIntBits(VectorMath.tanh(-0f))).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(Math.abs(VectorMath.logistic(0.3f) - 1 / (1 + Math.exp(-0.3)))).isLessThan(2e-7);
    }
}
