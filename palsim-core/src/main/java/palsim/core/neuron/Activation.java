package palsim.core.neuron;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
 * an element's result does not depend on its position in the array. The vector kernels compute
 * exp, tanh and log1p with {@link VectorMath} (polynomials from IEEE basic operations) rather than
 * the Vector API's transcendental operators, whose results change in the last bit once the JIT
 * compiles a loop — so their results are the same in every run, thread and execution tier. Vector
 * and scalar results may differ in the last bits (the scalar reference uses {@link Math});
 * an engine uses one of the two consistently.
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
    // Vector kernels (generated per precision from one template: DoubleActivationKernels,
    // FloatActivationKernels)

    /** {@code out[outOff + i] = φ(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void values(double[] x, int xOff, double[] out, int outOff, int n) {
        DoubleActivationKernels.values(this, x, xOff, out, outOff, n);
    }

    /** {@code out[outOff + i] = φ'(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void derivatives(double[] x, int xOff, double[] out, int outOff, int n) {
        DoubleActivationKernels.derivatives(this, x, xOff, out, outOff, n);
    }

    /** Both φ and φ' of the same inputs in one pass; {@code value} and {@code slope} must not alias {@code x}. */
    public void valuesAndDerivatives(double[] x, int xOff, double[] value, double[] slope, int outOff, int n) {
        DoubleActivationKernels.valuesAndDerivatives(this, x, xOff, value, slope, outOff, n);
    }

    /** {@code out[outOff + i] = φ(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void values(float[] x, int xOff, float[] out, int outOff, int n) {
        FloatActivationKernels.values(this, x, xOff, out, outOff, n);
    }

    /** {@code out[outOff + i] = φ'(x[xOff + i])} for i &lt; n. {@code out} may be {@code x}. */
    public void derivatives(float[] x, int xOff, float[] out, int outOff, int n) {
        FloatActivationKernels.derivatives(this, x, xOff, out, outOff, n);
    }

    /** Both φ and φ' of the same inputs in one pass; {@code value} and {@code slope} must not alias {@code x}. */
    public void valuesAndDerivatives(float[] x, int xOff, float[] value, float[] slope, int outOff, int n) {
        FloatActivationKernels.valuesAndDerivatives(this, x, xOff, value, slope, outOff, n);
    }
}
