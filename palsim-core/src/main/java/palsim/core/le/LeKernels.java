package palsim.core.le;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import palsim.core.linalg.Transpose;
import palsim.core.neuron.Activation;

/**
 * The numerical operations of the LE engine over one array type {@code A} ({@code float[]} or
 * {@code double[]}), so that {@link LeEngine} is written once for both precisions without boxing.
 *
 * <p>All matrices are flat row-major arrays. Population buffers are feature-major, n × N
 * (neuron i, sample s at {@code i·N + s}); element-wise operations take a half-open index range
 * {@code [from, to)}, which for rows [i₀, i₁) of such a buffer is [i₀·N, i₁·N). Every operation
 * computes an element the same way wherever it falls in a range, so splitting ranges across
 * threads never changes a result. Scalars arrive as {@code double} and are rounded once to the
 * array type.
 *
 * @param <A> the array type
 */
interface LeKernels<A> {

    A allocate(int length);

    /** C ← α·op(A)·B + β·C on rows [rowFrom, rowTo), see {@link palsim.core.linalg.FloatMatrixKernels#multiply}. */
    void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, double alpha, A a, int lda, A b,
            int ldb, double beta, A c, int ldc);

    /** dst[j, i] ← src[i, j] for rows [rowFrom, rowTo) of src (columns wide); dst has leading dimension ldd. */
    void transpose(int rowFrom, int rowTo, int columns, A src, A dst, int ldd);

    void fill(A x, double value, int from, int to);

    /** x ← factor·x. */
    void scale(double factor, A x, int from, int to);

    /** dst (rows × columns, feature-major) ← the transpose of src (columns × rows, sample-major) from srcOffset. */
    void loadTransposed(float[] src, int srcOffset, A dst, int rows, int columns);

    /** dst (columns × rows, sample-major) from dstOffset ← the transpose of src (rows × columns). */
    void storeTransposed(A src, int rows, int columns, float[] dst, int dstOffset);

    /** out ← x + y. */
    void add(A x, A y, A out, int from, int to);

    /** out ← x ⊙ y; {@code out} may be {@code x} or {@code y}. */
    void multiplyElements(A x, A y, A out, int from, int to);

    /** y ← y + α·x. */
    void addScaled(double alpha, A x, A y, int from, int to);

    /**
     * out[i, s] ← basal[i, s] + bias[i] (+ error[i, s]) (+ noise[i, s]) for rows [rowFrom, rowTo) of
     * an n × columns buffer; {@code error} and {@code noise} may be null (left out).
     */
    void prospectiveVoltage(A basal, A bias, A error, A noise, A out, int rowFrom, int rowTo, int columns);

    /**
     * The explicit Euler membrane step of le-network.md §2.2 with the drive D = a + b (+ e) (+ ξ)
     * given in {@code voltage}: du = (D − u)/τ, ŭ = u + τ·du (written over {@code voltage}),
     * u ← u + dt·du.
     */
    void integrateMembrane(A voltage, A membrane, double tau, double dt, int from, int to);

    /** rate ← φ(voltage), slope ← φ'(voltage). */
    void activate(Activation activation, A voltage, A rate, A slope, int from, int to);

    /** h ← decay·h + (rateNew − rateOld). */
    void highPass(A highPass, double decay, A rateNew, A rateOld, int from, int to);

    /** ξ ← decay·ξ + scale·w with fresh standard normal w, drawn in index order. */
    void ornsteinUhlenbeck(A noise, double decay, double scale, NormalizedGaussianSampler gaussian, int from, int to);

    /** out ← β·slope ⊙ (target − rate). */
    void rateTargetError(double beta, A target, A rate, A slope, A out, int from, int to);

    /** out ← β·(target − voltage). */
    void voltageTargetError(double beta, A target, A voltage, A out, int from, int to);

    /** y[i] ← α·Σ_s x[i, s] + β·y[i] for rows [rowFrom, rowTo), sums in increasing s. */
    void rowSums(double alpha, A x, double beta, A y, int rowFrom, int rowTo, int columns);

    /** Whether every element in the range is finite. */
    boolean allFinite(A x, int from, int to);

    /** Copies floats into the array type. */
    void load(float[] src, int srcOffset, A dst, int dstOffset, int length);

    /** dst[i] ← src[i] as double, for the whole of {@code src}. */
    double[] toDoubles(A src);

    /** Copies doubles into the array type (rounding to float for float32). */
    void load(double[] src, A dst);

    /** ∠(B, Wᵀ) in degrees, B rows × cols and W cols × rows, see {@link palsim.core.metrics.Angles}. */
    double degreesToTranspose(A b, A w, int rows, int cols);

    /**
     * b := m·sign(wᵀ) with m = mean |w| (summed in double, in element order); b is rows × cols, w
     * cols × rows; an entry with w = 0 gives 0 (sign-symmetry).
     */
    void scaledSignOfTranspose(A w, int rows, int cols, A b);
}
