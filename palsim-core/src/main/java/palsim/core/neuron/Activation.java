package palsim.core.neuron;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Activation functions φ of both models, with the derivative φ' each spec uses.
 *
 * <p>The two specs' "hard sigmoid"s differ, so they get distinct names: {@link #HARD_SIGMOID} is
 * microcircuit.md's {@code clip(x/6 + 1/2, 0, 1)} and {@link #CLAMP01} is le-network.md's
 * {@code HardSigmoid = clamp(x, 0, 1)}.
 *
 * <p>Two kinds of kernel are offered: the scalar {@link #value(double)} / {@link #derivative(double)}
 * (the plain reference) and array kernels written with the Vector API. The array kernels push
 * every element, including a tail shorter than a vector, through the same masked vector code, so
 * an element's result does not depend on its position in the array. Vector and scalar results may
 * differ in the last bits (the vector {@code exp}/{@code tanh}/{@code log1p} are different
 * implementations); an engine uses one of the two consistently. The vector ones come from
 * {@link ReproducibleVectorMath}, not from the Vector API's transcendental lane operations, whose
 * results change in the last bit when the JIT compiles the caller (which would make runs differ).
 */
public enum Activation {
    /** φ(x) = x, φ' = 1. */
    LINEAR("linear"),
    /** φ(x) = max(x, 0), φ'(x) = 1 if x &gt; 0 else 0 (0 at 0). */
    RELU("relu"),
    /** φ(x) = log(1 + eˣ), φ'(x) = logistic(x). */
    SOFTPLUS("softplus"),
    /** φ(x) = 1/(1 + e⁻ˣ), φ' = φ(1 − φ). Called "sigmoid" in le-network.md. */
    LOGISTIC("logistic"),
    /** φ(x) = tanh x, φ' = 1 − tanh² x. */
    TANH("tanh"),
    /** microcircuit.md: φ(x) = clip(x/6 + 1/2, 0, 1), φ'(x) = 1 if 0 &lt; x/6 + 1/2 &lt; 1 else 0 (sic: not 1/6). */
    HARD_SIGMOID("hard_sigmoid"),
    /** le-network.md's HardSigmoid: φ(x) = clamp(x, 0, 1), φ'(x) = 1 if 0 ≤ x ≤ 1 else 0. */
    CLAMP01("clamp01");

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private final String configName;

    Activation(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration files. */
    public String configName() {
        return configName;
    }

    /**
     * Looks an activation up by its configuration name ({@code "sigmoid"} is accepted for
     * {@link #LOGISTIC}).
     *
     * @throws IllegalArgumentException naming the known activations
     */
    public static Activation byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("sigmoid")) {
            return LOGISTIC;
        }
        for (Activation a : values()) {
            if (a.configName.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; known: " + knownNames());
    }

    /** Comma-separated configuration names, for messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Activation::configName).collect(Collectors.joining(", "));
    }

    // ----------------------------------------------------------------------------------------
    // Scalar reference

    /** φ(x). */
    public double value(double x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> x > 0 ? x : 0.0;
            case SOFTPLUS -> Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
            case LOGISTIC -> 1.0 / (1.0 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case HARD_SIGMOID -> Math.min(Math.max(x / 6.0 + 0.5, 0.0), 1.0);
            case CLAMP01 -> Math.min(Math.max(x, 0.0), 1.0);
        };
    }

    /** φ'(x). */
    public double derivative(double x) {
        return switch (this) {
            case LINEAR -> 1.0;
            case RELU -> x > 0 ? 1.0 : 0.0;
            case SOFTPLUS -> 1.0 / (1.0 + Math.exp(-x));
            case LOGISTIC -> {
                double s = 1.0 / (1.0 + Math.exp(-x));
                yield s * (1.0 - s);
            }
            case TANH -> {
                double t = Math.tanh(x);
                yield 1.0 - t * t;
            }
            case HARD_SIGMOID -> {
                double y = x / 6.0 + 0.5;
                yield (y > 0 && y < 1) ? 1.0 : 0.0;
            }
            case CLAMP01 -> (x >= 0 && x <= 1) ? 1.0 : 0.0;
        };
    }

    // ----------------------------------------------------------------------------------------
    // Vector kernels, double precision

    /** {@code out[outOff + i] = φ(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void values(double[] x, int xOff, double[] out, int outOff, int n) {
        // One call site of valueOf: a second one (e.g. an unmasked main loop and a masked tail)
        // doubles what the JIT must inline here, and where it gives up, vectors get boxed.
        for (int i = 0; i < n; i += D.length()) {
            VectorMask<Double> m = D.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(D, x, xOff + i, m);
            valueOf(v).intoArray(out, outOff + i, m);
        }
    }

    /** {@code out[outOff + i] = φ'(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void derivatives(double[] x, int xOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i += D.length()) {
            VectorMask<Double> m = D.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(D, x, xOff + i, m);
            derivativeOf(v).intoArray(out, outOff + i, m);
        }
    }

    /** Both φ and φ' of the same inputs in one pass; {@code value} and {@code slope} must not alias {@code x}. */
    public void valuesAndDerivatives(double[] x, int xOff, double[] value, double[] slope, int outOff, int n) {
        for (int i = 0; i < n; i += D.length()) {
            VectorMask<Double> m = D.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(D, x, xOff + i, m);
            DoubleVector y = valueOf(v);
            y.intoArray(value, outOff + i, m);
            derivativeGiven(v, y).intoArray(slope, outOff + i, m);
        }
    }

    /** φ applied lane-wise to one vector. */
    public DoubleVector valueOf(DoubleVector v) {
        return switch (this) {
            case LINEAR -> v;
            case RELU -> v.max(0.0);
            case SOFTPLUS -> v.max(0.0).add(ReproducibleVectorMath.log1pUnit(ReproducibleVectorMath.exp(v.abs().neg())));
            case LOGISTIC -> DoubleVector.broadcast(v.species(), 1.0).div(ReproducibleVectorMath.exp(v.neg()).add(1.0));
            case TANH -> ReproducibleVectorMath.tanh(v);
            case HARD_SIGMOID -> v.div(6.0).add(0.5).max(0.0).min(1.0);
            case CLAMP01 -> v.max(0.0).min(1.0);
        };
    }

    /** φ' applied lane-wise to one vector. */
    public DoubleVector derivativeOf(DoubleVector v) {
        return derivativeGiven(v, this == LOGISTIC || this == TANH ? valueOf(v) : v);
    }

    /** φ' from the input {@code v} and, where it helps, the already computed value {@code y = φ(v)}. */
    private DoubleVector derivativeGiven(DoubleVector v, DoubleVector y) {
        DoubleVector zero = DoubleVector.zero(v.species());
        DoubleVector one = zero.add(1.0);
        return switch (this) {
            case LINEAR -> one;
            case RELU -> zero.blend(one, v.compare(VectorOperators.GT, 0.0));
            case SOFTPLUS -> LOGISTIC.valueOf(v);
            case LOGISTIC -> y.mul(one.sub(y));
            case TANH -> one.sub(y.mul(y));
            case HARD_SIGMOID -> {
                DoubleVector s = v.div(6.0).add(0.5);
                yield zero.blend(one, s.compare(VectorOperators.GT, 0.0).and(s.compare(VectorOperators.LT, 1.0)));
            }
            case CLAMP01 -> zero.blend(one, v.compare(VectorOperators.GE, 0.0).and(v.compare(VectorOperators.LE, 1.0)));
        };
    }

    // ----------------------------------------------------------------------------------------
    // Vector kernels, single precision

    /** {@code out[outOff + i] = φ(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void values(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
            valueOf(v).intoArray(out, outOff + i, m);
        }
    }

    /** {@code out[outOff + i] = φ'(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void derivatives(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
            derivativeGiven(v, this == LOGISTIC || this == TANH ? valueOf(v) : v).intoArray(out, outOff + i, m);
        }
    }

    /** Both φ and φ' of the same inputs in one pass; {@code value} and {@code slope} must not alias {@code x}. */
    public void valuesAndDerivatives(float[] x, int xOff, float[] value, float[] slope, int outOff, int n) {
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
            FloatVector y = valueOf(v);
            y.intoArray(value, outOff + i, m);
            derivativeGiven(v, y).intoArray(slope, outOff + i, m);
        }
    }

    /** φ applied lane-wise to one vector. */
    public FloatVector valueOf(FloatVector v) {
        return switch (this) {
            case LINEAR -> v;
            case RELU -> v.max(0f);
            case SOFTPLUS -> v.max(0f).add(ReproducibleVectorMath.log1pUnit(ReproducibleVectorMath.exp(v.abs().neg())));
            case LOGISTIC -> FloatVector.broadcast(v.species(), 1f).div(ReproducibleVectorMath.exp(v.neg()).add(1f));
            case TANH -> ReproducibleVectorMath.tanh(v);
            case HARD_SIGMOID -> v.div(6f).add(0.5f).max(0f).min(1f);
            case CLAMP01 -> v.max(0f).min(1f);
        };
    }

    private FloatVector derivativeGiven(FloatVector v, FloatVector y) {
        FloatVector zero = FloatVector.zero(v.species());
        FloatVector one = zero.add(1f);
        return switch (this) {
            case LINEAR -> one;
            case RELU -> zero.blend(one, v.compare(VectorOperators.GT, 0f));
            case SOFTPLUS -> LOGISTIC.valueOf(v);
            case LOGISTIC -> y.mul(one.sub(y));
            case TANH -> one.sub(y.mul(y));
            case HARD_SIGMOID -> {
                FloatVector s = v.div(6f).add(0.5f);
                yield zero.blend(one, s.compare(VectorOperators.GT, 0f).and(s.compare(VectorOperators.LT, 1f)));
            }
            case CLAMP01 -> zero.blend(one, v.compare(VectorOperators.GE, 0f).and(v.compare(VectorOperators.LE, 1f)));
        };
    }
}
