package palsim.core.le;

import java.util.OptionalDouble;
import palsim.core.SimulationDivergedException;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.linalg.DoubleMatrixKernels;

/**
 * A layered Latent-Equilibrium network simulating a batch of N samples side by side
 * (le-network.md §1–§2): the public face of the engine for both precisions.
 *
 * <p>Typical use: {@link #create} from an {@link LeNetworkSpec} and a seed, then per batch
 * {@link #present} the inputs and targets and call {@link #step()} (the reference: 100 times);
 * {@link #setTraining} switches between training (plasticity on, output error formed) and
 * evaluation (le-network.md §2.8: weights frozen, output error 0, dynamics and — if the spec says
 * so — noise continuing). {@link LeTrainer} runs whole epochs. State is never reset.
 *
 * <p>Indices: population 0 is the input, K the output; layer k (1 … K) is W_k from population
 * k−1 to k; feedback projection ℓ (1 … K−1) is B_ℓ from population ℓ+1 back to ℓ (for DFA D_ℓ
 * from the output to ℓ). Matrices are flat row-major: W_k n_k × n_{k−1}, B_ℓ n_ℓ × n_{ℓ+1},
 * D_ℓ n_ℓ × n_K. Batches cross the API sample-major (N × n, one sample per row, like
 * {@link palsim.core.data.Dataset}).
 *
 * <p>Results depend only on the spec, the seed and the sequence of calls — not on the thread
 * count: with {@code threads > 1} each phase of a step is cut into row ranges computed by a fixed
 * team of threads, and every element is computed identically whichever thread computes it.
 * A network with threads holds them until {@link #close()}. A network is driven by one caller at a
 * time (it is not safe to step it from two threads at once).
 */
public final class LeNetwork implements AutoCloseable {
    private final LeEngine<?> engine;

    private LeNetwork(LeEngine<?> engine) {
        this.engine = engine;
    }

    /** A single-threaded network with parameters drawn from streams of {@code seed}. */
    public static LeNetwork create(LeNetworkSpec spec, long seed) {
        return create(spec, seed, 1);
    }

    /**
     * A network whose steps run on {@code threads} threads (the caller's plus {@code threads − 1}
     * workers). Initial W_k, b_k come from {@code RandomStreams.derived(seed, "le-forward-weights", k)},
     * B_ℓ / D_ℓ from {@code derived(seed, "le-feedback-weights", ℓ)} and ξ_k from
     * {@code derived(seed, "le-exploratory-noise", k)}, so the same seed gives the same forward
     * weights whatever the rule.
     */
    public static LeNetwork create(LeNetworkSpec spec, long seed, int threads) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must be set");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new LeNetwork(switch (spec.precision()) {
            case FLOAT32 -> new LeEngine<>(spec, FloatLeKernels.INSTANCE, seed, threads);
            case FLOAT64 -> new LeEngine<>(spec, DoubleLeKernels.INSTANCE, seed, threads);
        });
    }

    public LeNetworkSpec spec() {
        return engine.spec();
    }

    /** N. */
    public int batchSize() {
        return engine.spec().batchSize();
    }

    /** K. */
    public int layers() {
        return engine.spec().layers();
    }

    /** n_k. */
    public int size(int population) {
        requirePopulation(population);
        return engine.spec().size(population);
    }

    public int threads() {
        return engine.threads();
    }

    /**
     * Writes the network's whole dynamic state (neurons, weights, filters, noise generators, mode,
     * step count) for a checkpoint, between steps. A network of the same spec and seed that
     * {@linkplain #readState reads} it continues bit-identically.
     */
    public void writeState(palsim.core.state.StateWriter out) {
        engine.writeState(out);
    }

    /**
     * Continues from {@link #writeState}.
     *
     * @throws palsim.core.state.StateMismatchException if the state is of another network
     */
    public void readState(palsim.core.state.StateReader in) {
        engine.readState(in);
    }

    /** Steps taken since the network was built. */
    public long stepCount() {
        return engine.stepCount();
    }

    /**
     * Loads the batch the next steps see: {@code inputs} N × n_0 and {@code targets} N × n_K,
     * sample-major, copied. Targets may be null in evaluation (they are then zero).
     */
    public void present(float[] inputs, float[] targets) {
        present(inputs, 0, targets, 0);
    }

    /** {@link #present(float[], float[])} reading from offsets into larger arrays. */
    public void present(float[] inputs, int inputOffset, float[] targets, int targetOffset) {
        int n = batchSize();
        requireRange("inputs", inputs, inputOffset, n * size(0));
        if (targets != null) {
            requireRange("targets", targets, targetOffset, n * size(layers()));
        } else if (isTraining()) {
            throw new IllegalArgumentException("targets must be given in training mode");
        }
        engine.present(inputs, inputOffset, targets, targetOffset);
    }

    /** One Euler step of length dt (le-network.md §2.3). */
    public void step() {
        engine.step();
    }

    /** {@code count} steps. */
    public void steps(int count) {
        for (int i = 0; i < count; i++) {
            engine.step();
        }
    }

    /**
     * Training mode (plasticity on, output error formed) or evaluation mode (§2.8: W, b, B frozen,
     * output error 0; dynamics, hand-down and noise continue).
     */
    public void setTraining(boolean training) {
        engine.setTraining(training);
    }

    public boolean isTraining() {
        return engine.isTraining();
    }

    /**
     * Checks that every population's rates are finite.
     *
     * @throws SimulationDivergedException naming the step and the first population that is not
     */
    public void requireFinite() {
        engine.requireFinite();
    }

    /**
     * Copies a quantity of population {@code population} into {@code dst} (N × n, sample-major,
     * from {@code dstOffset}). Quantities the network does not keep (noise of a noiseless
     * population, the input's derivative) read as zeros.
     */
    public void read(StateQuantity quantity, int population, float[] dst, int dstOffset) {
        requirePopulation(population);
        requireRange("dst", dst, dstOffset, batchSize() * size(population));
        engine.read(quantity, population, dst, dstOffset);
    }

    /** {@link #read} of the rates into a new array. */
    public float[] rates(int population) {
        float[] out = new float[batchSize() * size(population)];
        read(StateQuantity.RATE, population, out, 0);
        return out;
    }

    /**
     * Sets u_k of population k ≥ 1 (N × n_k sample-major).
     *
     * @throws IllegalStateException unless the spec integrates the membrane potential
     */
    public void setMembranePotential(int population, float[] values) {
        requireHidden(population);
        requireRange("values", values, 0, batchSize() * size(population));
        engine.setMembranePotential(population, values);
    }

    /** A copy of W_k (n_k × n_{k−1}). */
    public double[] forwardWeights(int layer) {
        requireLayer(layer);
        return engine.forwardWeights(layer);
    }

    /** A copy of b_k (n_k). */
    public double[] biases(int layer) {
        requireLayer(layer);
        return engine.biases(layer);
    }

    /** Overwrites W_k (n_k × n_{k−1}, rounded to the network's precision). */
    public void setForwardWeights(int layer, double[] weights) {
        requireLayer(layer);
        requireLength("weights", weights, size(layer) * size(layer - 1));
        engine.setForwardWeights(layer, weights);
    }

    /** Overwrites b_k. */
    public void setBiases(int layer, double[] bias) {
        requireLayer(layer);
        requireLength("bias", bias, size(layer));
        engine.setBiases(layer, bias);
    }

    /**
     * A copy of the feedback matrix of projection ℓ: B_ℓ (n_ℓ × n_{ℓ+1}) for FA and PAL, D_ℓ
     * (n_ℓ × n_K) for DFA, and for BP — which keeps no B and reads W_{ℓ+1} — W_{ℓ+1}ᵀ.
     */
    public double[] feedbackWeights(int layer) {
        requireProjection(layer);
        double[] b = engine.feedbackMatrix(layer);
        if (b != null) {
            return b;
        }
        int rows = size(layer), cols = size(layer + 1);
        double[] w = engine.forwardWeights(layer + 1);
        double[] t = new double[w.length];
        DoubleMatrixKernels.transpose(0, cols, rows, w, 0, rows, t, 0, cols); // w is cols × rows
        return t;
    }

    /**
     * Overwrites B_ℓ (or D_ℓ).
     *
     * @throws IllegalStateException for BP, which keeps no feedback matrix
     */
    public void setFeedbackWeights(int layer, double[] values) {
        requireProjection(layer);
        if (spec().feedbackRule().pathway() == FeedbackPathway.TRANSPOSED_FORWARD) {
            throw new IllegalStateException("feedback rule '" + spec().feedbackRule().name()
                    + "' reads the transposed forward weights and keeps no feedback matrix");
        }
        requireLength("values", values, size(layer) * engine.feedbackColumns(layer));
        engine.setFeedbackMatrix(layer, values);
    }

    /**
     * ∠(B_ℓ, W_{ℓ+1}ᵀ) in degrees (le-network.md §4.3, metric {@code angle_B_WT}, {@code layer} = ℓ):
     * 0 for BP by construction, empty for DFA (D_ℓ has another shape).
     */
    public OptionalDouble feedbackAngleDegrees(int layer) {
        requireProjection(layer);
        return engine.feedbackAngleDegrees(layer);
    }

    /**
     * One stateless feed-forward pass of a batch (N × n_0 sample-major): r_k = φ_k(W_k r_{k−1} + b_k)
     * with the current weights, no noise or errors; the dynamic state is not touched. Read the
     * result with {@link #readFeedForward}. With noise off this is what a long enough evaluation
     * presentation converges to (§2.8, pitfall 18).
     */
    public void feedForward(float[] inputs, int inputOffset) {
        requireRange("inputs", inputs, inputOffset, batchSize() * size(0));
        engine.feedForward(inputs, inputOffset);
    }

    /** Rates of a population from the last {@link #feedForward} (N × n, sample-major). */
    public void readFeedForward(int population, float[] dst, int dstOffset) {
        requirePopulation(population);
        requireRange("dst", dst, dstOffset, batchSize() * size(population));
        engine.readFeedForward(population, dst, dstOffset);
    }

    /** Stops the worker threads; the network can no longer step with more than one thread. */
    @Override
    public void close() {
        engine.close();
    }

    private void requirePopulation(int population) {
        if (population < 0 || population > layers()) {
            throw new IllegalArgumentException("population must be in [0, " + layers() + "], got " + population);
        }
    }

    private void requireHidden(int population) {
        if (population < 1 || population > layers()) {
            throw new IllegalArgumentException("population must be in [1, " + layers() + "], got " + population);
        }
    }

    private void requireLayer(int layer) {
        if (layer < 1 || layer > layers()) {
            throw new IllegalArgumentException("layer must be in [1, " + layers() + "], got " + layer);
        }
    }

    private void requireProjection(int layer) {
        if (layer < 1 || layer >= layers()) {
            throw new IllegalArgumentException(
                    "feedback layer must be in [1, " + (layers() - 1) + "], got " + layer);
        }
    }

    private static void requireRange(String name, float[] array, int offset, int length) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must be given");
        }
        if (offset < 0 || (long) offset + length > array.length) {
            throw new IllegalArgumentException(name + ": need " + length + " values from offset " + offset
                    + ", the array has " + array.length);
        }
    }

    private static void requireLength(String name, double[] array, int length) {
        if (array == null || array.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " entries, got "
                    + (array == null ? "none" : array.length));
        }
    }
}
