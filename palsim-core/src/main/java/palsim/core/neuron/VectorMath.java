package palsim.core.neuron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp, expm1-based tanh, the logistic function and log1p on vectors, built only from IEEE basic operations (add, sub,
 * mul, div, fma, min, max, bit reinterpretation).
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP / TANH / LOG1P)}: the Vector API computes those
 * with one implementation when a loop runs interpreted and another (Intel SVML) once it is
 * JIT-compiled; they differ in the last bit for a few percent of inputs. A simulation's results
 * would then depend on when the compiler kicked in — not reproducible from run to run or between
 * thread counts. Basic operations are correctly rounded in every execution tier, so these
 * functions give the same bits always (on every machine, too).
 *
 * <p>Accuracy (tested against {@link Math}): exp within 2 ulp; tanh within 3 ulp relative;
 * log1p within 3 ulp on [0, 1].
 *
 * <p>Method: exp — Cody–Waite reduction x = n ln 2 + r, |r| ≤ ln2/2, a polynomial for e^r and
 * 2ⁿ from the exponent bits (0 below and +∞ above the range where that works). tanh|x| = m/(m + 2) with
 * m = expm1(2|x|), expm1 from its Taylor series for small arguments and exp − 1 (exact for
 * e ∈ [1, 2]) otherwise; the sign of x is copied onto the result. log1p(t) = 2 atanh(t/(2 + t))
 * from the atanh series (t ∈ [0, 1], so |t/(2+t)| ≤ 1/3). NaN propagates through all of them.
 *
 * <p>Every lane is computed by the same sequence of correctly rounded operations, so a value's result
 * does not depend on the vector shape either: engines that pick their own species (the microcircuit's
 * lanes) get the same bits as {@link Activation}'s array kernels.
 */
public final class VectorMath {
    private VectorMath() {}

    // ---------------------------------------------------------------------------------------------
    // float

    private static final float F_LOG2E = 1.44269504088896341f;
    private static final float F_LN2_HI = 0.693359375f; // few significant bits: n·LN2_HI is exact
    private static final float F_LN2_LO = -2.12194440e-4f;
    private static final float F_ROUND = 12582912f; // 1.5·2²³: adding it rounds to an integer
    private static final int F_ROUND_BITS = 0x4B400000;
    private static final float F_EXPM1_SERIES_LIMIT = 0.34657359f; // ln2/2
    /** Highest power first. */
    private static final float[] F_EXP_COEFFICIENTS = {
        1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f, 4.1665795894E-2f, 1.6666665459E-1f, 5.0000001201E-1f
    };
    /** 1/8!, …, 1/2!: e^y − 1 = y + y² Σ. */
    private static final float[] F_EXPM1_COEFFICIENTS = {
        1f / 40320f, 1f / 5040f, 1f / 720f, 1f / 120f, 1f / 24f, 1f / 6f, 0.5f
    };
    /** 1/15, 1/13, …, 1/3, 1: atanh s = s Σ z^k/(2k+1) with z = s². */
    private static final float[] F_ATANH_COEFFICIENTS = {
        1f / 15f, 1f / 13f, 1f / 11f, 1f / 9f, 1f / 7f, 1f / 5f, 1f / 3f, 1f
    };

    /** Σ c_i x^(n−1−i) by Horner's rule with fused multiply-adds. */
    private static FloatVector horner(FloatVector x, float[] coefficients) {
        FloatVector p = x.broadcast(coefficients[0]);
        for (int i = 1; i < coefficients.length; i++) {
            p = p.fma(x, x.broadcast(coefficients[i]));
        }
        return p;
    }

    private static final float F_EXP_LOWEST = -87.3f; // e^x is still a normal float
    private static final float F_EXP_HIGHEST = 88.37f; // 2ⁿ still representable

    /** e^x; 0 below −87.3 (where e^x is subnormal or 0) and +∞ above 88.37. */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(F_EXP_LOWEST).min(F_EXP_HIGHEST);
        FloatVector t = c.fma(F_LOG2E, F_ROUND);
        FloatVector n = t.sub(F_ROUND);
        FloatVector r = n.fma(n.broadcast(-F_LN2_HI), c);
        r = n.fma(n.broadcast(-F_LN2_LO), r);
        // e^r ≈ 1 + r + r² P(r), minimax coefficients (Cephes expf)
        FloatVector p = horner(r, F_EXP_COEFFICIENTS);
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        FloatVector scale = t.reinterpretAsInts().sub(F_ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return y.mul(scale).blend(0f, x.compare(VectorOperators.LT, F_EXP_LOWEST))
                .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, F_EXP_HIGHEST));
    }

    /** e^y − 1 for y ≥ 0 (no cancellation near 0). */
    private static FloatVector expm1NonNegative(FloatVector y) {
        // Taylor series to y⁸/8!: relative error < 1e-9 for y ≤ ln2/2
        FloatVector series = horner(y, F_EXPM1_COEFFICIENTS).fma(y.mul(y), y);
        FloatVector large = exp(y).sub(1f);
        return large.blend(series, y.compare(VectorOperators.LT, F_EXPM1_SERIES_LIMIT));
    }

    /** tanh x. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs().min(9.5f); // tanh(9.5) rounds to 1
        FloatVector m = expm1NonNegative(a.add(a));
        FloatVector magnitude = m.div(m.add(2f));
        return magnitude.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    /** The logistic function 1/(e^{−x} + 1). */
    public static FloatVector logistic(FloatVector x) {
        return x.broadcast(1f).div(exp(x.neg()).add(1f));
    }

    /** log(1 + t) for t ∈ [0, 1]. */
    public static FloatVector log1pUnit(FloatVector t) {
        FloatVector s = t.div(t.add(2f));
        return s.add(s).mul(horner(s.mul(s), F_ATANH_COEFFICIENTS));
    }

    // ---------------------------------------------------------------------------------------------
    // float, one value: the scalar twins of the float vector functions above, operation for
    // operation, so a value's result has the same bits in either form (the float32 microcircuit's
    // one-seed groups rely on this, as the double ones do on the double twins below).

    /** Horner's rule with fused multiply-adds, as {@link #horner(FloatVector, float[])}. */
    private static float horner(float x, float[] c) {
        float p = c[0];
        for (int k = 1; k < c.length; k++) {
            p = Math.fma(p, x, c[k]);
        }
        return p;
    }

    /** e^x with the bits of {@link #exp(FloatVector)}. */
    public static float exp(float x) {
        // = min(max(x, lowest), highest) for every x, NaN and −0 included
        float c = x < F_EXP_LOWEST ? F_EXP_LOWEST : x > F_EXP_HIGHEST ? F_EXP_HIGHEST : x;
        float t = Math.fma(c, F_LOG2E, F_ROUND);
        float n = t - F_ROUND;
        float r = Math.fma(n, -F_LN2_HI, c);
        r = Math.fma(n, -F_LN2_LO, r);
        float y = Math.fma(horner(r, F_EXP_COEFFICIENTS), r * r, r) + 1f;
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - (F_ROUND_BITS - 127)) << 23);
        if (x > F_EXP_HIGHEST) {
            return Float.POSITIVE_INFINITY;
        }
        return x < F_EXP_LOWEST ? 0f : y * scale;
    }

    private static float expm1NonNegative(float y) {
        if (y < F_EXPM1_SERIES_LIMIT) {
            return Math.fma(horner(y, F_EXPM1_COEFFICIENTS), y * y, y);
        }
        return exp(y) - 1f;
    }

    /** tanh x with the bits of {@link #tanh(FloatVector)}. */
    public static float tanh(float x) {
        float a = Math.min(Math.abs(x), 9.5f);
        float m = expm1NonNegative(a + a);
        float magnitude = m / (m + 2f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(magnitude) | (Float.floatToRawIntBits(x) & 0x80000000));
    }

    /** 1/(e^{−x} + 1) with the bits of {@link #logistic(FloatVector)}. */
    public static float logistic(float x) {
        return 1f / (exp(-x) + 1f);
    }

    // ---------------------------------------------------------------------------------------------
    // double

    private static final double D_LOG2E = 1.4426950408889634;
    private static final double D_LN2_HI = 6.93147180369123816490e-01; // trailing zero bits
    private static final double D_LN2_LO = 1.90821492927058770002e-10;
    private static final double D_ROUND = 6755399441055744.0; // 1.5·2⁵²
    private static final long D_ROUND_BITS = 0x4338000000000000L;
    private static final double D_EXPM1_SERIES_LIMIT = 0.34657359027997264;
    /** 1/13!, …, 1/2!: e^r = 1 + r + r² Σ. */
    private static final double[] D_EXP_COEFFICIENTS = inverseFactorials(13);
    /** 1/14!, …, 1/2!: e^y − 1 = y + y² Σ. */
    private static final double[] D_EXPM1_COEFFICIENTS = inverseFactorials(14);
    /** 1/33, …, 1/3, 1. */
    private static final double[] D_ATANH_COEFFICIENTS = new double[17];

    static {
        for (int k = 0; k < D_ATANH_COEFFICIENTS.length; k++) {
            D_ATANH_COEFFICIENTS[k] = 1.0 / (2 * (D_ATANH_COEFFICIENTS.length - 1 - k) + 1);
        }
    }

    private static double[] inverseFactorials(int highest) {
        double[] c = new double[highest - 1];
        for (int k = highest; k >= 2; k--) {
            double f = 1;
            for (int j = 2; j <= k; j++) {
                f *= j;
            }
            c[highest - k] = 1.0 / f;
        }
        return c;
    }

    /**
     * One step of Horner's rule with a fused multiply-add: p·x + c[k]. The double polynomials below
     * are written out with it rather than looped: C2 boxed a vector carried around such a loop (for
     * the 256-bit species, an allocation per term), and one long method with every step would exceed
     * the size up to which the JIT inlines a hot callee, which boxes the vectors at the call.
     */
    private static DoubleVector term(DoubleVector p, DoubleVector x, double[] c, int k) {
        return p.fma(x, x.broadcast(c[k]));
    }

    private static final double D_EXP_LOWEST = -708.0;
    private static final double D_EXP_HIGHEST = 709.4;

    /** e^x; 0 below −708 and +∞ above 709.4. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.max(D_EXP_LOWEST).min(D_EXP_HIGHEST);
        DoubleVector t = c.fma(D_LOG2E, D_ROUND);
        DoubleVector n = t.sub(D_ROUND);
        DoubleVector r = n.fma(n.broadcast(-D_LN2_HI), c);
        r = n.fma(n.broadcast(-D_LN2_LO), r);
        DoubleVector y = expSeries(r);
        DoubleVector scale = t.reinterpretAsLongs().sub(D_ROUND_BITS - 1023).lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
        return y.mul(scale).blend(0.0, x.compare(VectorOperators.LT, D_EXP_LOWEST))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, D_EXP_HIGHEST));
    }

    /** e^r = 1 + r + r² Σ r^k/(k+2)! to r¹³/13!: relative error < 2e-17 for |r| ≤ ln2/2. */
    private static DoubleVector expSeries(DoubleVector r) {
        double[] e = D_EXP_COEFFICIENTS; // 12 coefficients
        DoubleVector p = r.broadcast(e[0]);
        p = term(p, r, e, 1);
        p = term(p, r, e, 2);
        p = term(p, r, e, 3);
        p = term(p, r, e, 4);
        p = term(p, r, e, 5);
        p = term(p, r, e, 6);
        p = term(p, r, e, 7);
        p = term(p, r, e, 8);
        p = term(p, r, e, 9);
        p = term(p, r, e, 10);
        p = term(p, r, e, 11);
        return p.fma(r.mul(r), r).add(1.0);
    }

    /** e^y − 1 for y ≥ 0 (no cancellation near 0). */
    private static DoubleVector expm1NonNegative(DoubleVector y) {
        double[] c = D_EXPM1_COEFFICIENTS; // 13 coefficients
        DoubleVector p = y.broadcast(c[0]);
        p = term(p, y, c, 1);
        p = term(p, y, c, 2);
        p = term(p, y, c, 3);
        p = term(p, y, c, 4);
        p = term(p, y, c, 5);
        p = term(p, y, c, 6);
        p = term(p, y, c, 7);
        p = term(p, y, c, 8);
        p = term(p, y, c, 9);
        p = term(p, y, c, 10);
        p = term(p, y, c, 11);
        p = term(p, y, c, 12);
        DoubleVector series = p.fma(y.mul(y), y);
        DoubleVector large = exp(y).sub(1.0);
        return large.blend(series, y.compare(VectorOperators.LT, D_EXPM1_SERIES_LIMIT));
    }

    /** tanh x. */
    public static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.abs().min(19.5); // tanh(19.5) rounds to 1
        DoubleVector m = expm1NonNegative(a.add(a));
        DoubleVector magnitude = m.div(m.add(2.0));
        return magnitude.reinterpretAsLongs().or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    /** The logistic function 1/(e^{−x} + 1). */
    public static DoubleVector logistic(DoubleVector x) {
        return x.broadcast(1.0).div(exp(x.neg()).add(1.0));
    }

    // ---------------------------------------------------------------------------------------------
    // double, one value: the scalar twins of the vector functions above, operation for operation
    // (Math.fma where they use fma, the same bit tricks), so a value's result has the same bits in
    // either form. Engines that run one seed in plain double code (the microcircuit's one-seed
    // groups) rely on this.

    /** Horner's rule p·x + c[k] for k = 1… with fused multiply-adds, as the vector functions unroll it. */
    private static double horner(double x, double[] c) {
        double p = c[0];
        for (int k = 1; k < c.length; k++) {
            p = Math.fma(p, x, c[k]);
        }
        return p;
    }

    /** e^x with the bits of {@link #exp(DoubleVector)}. */
    public static double exp(double x) {
        // = min(max(x, lowest), highest) for every x, NaN and −0 included, with plain (well-predicted) branches
        double c = x < D_EXP_LOWEST ? D_EXP_LOWEST : x > D_EXP_HIGHEST ? D_EXP_HIGHEST : x;
        double t = Math.fma(c, D_LOG2E, D_ROUND);
        double n = t - D_ROUND;
        double r = Math.fma(n, -D_LN2_HI, c);
        r = Math.fma(n, -D_LN2_LO, r);
        double y = Math.fma(horner(r, D_EXP_COEFFICIENTS), r * r, r) + 1.0;
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (D_ROUND_BITS - 1023)) << 52);
        if (x > D_EXP_HIGHEST) {
            return Double.POSITIVE_INFINITY;
        }
        return x < D_EXP_LOWEST ? 0.0 : y * scale;
    }

    private static double expm1NonNegative(double y) {
        if (y < D_EXPM1_SERIES_LIMIT) {
            return Math.fma(horner(y, D_EXPM1_COEFFICIENTS), y * y, y);
        }
        return exp(y) - 1.0;
    }

    /** tanh x with the bits of {@link #tanh(DoubleVector)}. */
    public static double tanh(double x) {
        double a = Math.min(Math.abs(x), 19.5);
        double m = expm1NonNegative(a + a);
        double magnitude = m / (m + 2.0);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude)
                | (Double.doubleToRawLongBits(x) & Long.MIN_VALUE));
    }

    /** 1/(e^{−x} + 1) with the bits of {@link #logistic(DoubleVector)}. */
    public static double logistic(double x) {
        return 1.0 / (exp(-x) + 1.0);
    }

    /** log(1 + t) for t ∈ [0, 1]. */
    public static DoubleVector log1pUnit(DoubleVector t) {
        DoubleVector s = t.div(t.add(2.0));
        DoubleVector z = s.mul(s);
        double[] c = D_ATANH_COEFFICIENTS; // 17 coefficients
        DoubleVector p = z.broadcast(c[0]);
        p = term(p, z, c, 1);
        p = term(p, z, c, 2);
        p = term(p, z, c, 3);
        p = term(p, z, c, 4);
        p = term(p, z, c, 5);
        p = term(p, z, c, 6);
        p = term(p, z, c, 7);
        p = term(p, z, c, 8);
        p = term(p, z, c, 9);
        p = term(p, z, c, 10);
        p = term(p, z, c, 11);
        p = term(p, z, c, 12);
        p = term(p, z, c, 13);
        p = term(p, z, c, 14);
        p = term(p, z, c, 15);
        p = term(p, z, c, 16);
        return s.add(s).mul(p);
    }
}
