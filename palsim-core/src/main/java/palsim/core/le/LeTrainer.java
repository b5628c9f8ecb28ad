package palsim.core.le;

import palsim.core.SimulationDivergedException;
import palsim.core.data.Dataset;
import palsim.core.rng.RandomStreams;

/**
 * The training protocol of le-network.md §2.9 and §4.1, as pure computation: epochs of shuffled
 * mini-batches (drop_last), each presented for a fixed number of steps with plasticity on at every
 * step, evaluation passes in between, and a callback at every epoch end (epoch 0 = before any
 * learning) where the experiment layer records its metrics. State is never reset.
 *
 * <p>Shuffles are seeded: epoch e uses {@code RandomStreams.derived(seed, "le-shuffle", e)}. After
 * every batch the network's rates are checked; a non-finite one stops the run with a
 * {@link SimulationDivergedException}.
 */
public final class LeTrainer {
    /** n_updates of the reference: steps per presented batch (le-network.md §2.9). */
    public static final int REFERENCE_STEPS_PER_BATCH = 100;
    private static final String SHUFFLE_STREAM = "le-shuffle";

    private final LeNetwork network;
    private final int stepsPerBatch;
    private final long seed;
    private final float[] inputs;
    private final float[] targets;

    /**
     * @param network the network to train (its batch size is the protocol's)
     * @param stepsPerBatch steps each batch is presented for (100 in the reference)
     * @param seed the seed of the per-epoch shuffles
     */
    public LeTrainer(LeNetwork network, int stepsPerBatch, long seed) {
        if (network == null) {
            throw new IllegalArgumentException("network must be given");
        }
        if (stepsPerBatch < 1) {
            throw new IllegalArgumentException("steps_per_batch must be >= 1, got " + stepsPerBatch);
        }
        this.network = network;
        this.stepsPerBatch = stepsPerBatch;
        this.seed = seed;
        this.inputs = new float[network.batchSize() * network.size(0)];
        this.targets = new float[network.batchSize() * network.size(network.layers())];
    }

    public LeNetwork network() {
        return network;
    }

    public int stepsPerBatch() {
        return stepsPerBatch;
    }

    /**
     * Calls {@code listener} for epoch 0, then trains {@code epochs} epochs on {@code data},
     * calling it after each.
     */
    public void train(Dataset data, Targets targetSource, int epochs, EpochListener listener) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        listener.epochEnded(0, this);
        resume(data, targetSource, 0, epochs, listener);
    }

    /**
     * Trains epochs {@code done + 1} … {@code epochs} of a run whose network is in the state it had
     * after the listener of epoch {@code done} (e.g. {@linkplain LeNetwork#readState read} from a
     * checkpoint), calling {@code listener} after each. The shuffles depend only on the seed and the
     * epoch, so the result is that of an uninterrupted {@link #train}.
     */
    public void resume(Dataset data, Targets targetSource, int done, int epochs, EpochListener listener) {
        if (done < 0 || done > epochs) {
            throw new IllegalArgumentException("epochs done must be in [0, " + epochs + "], got " + done);
        }
        for (int epoch = done + 1; epoch <= epochs; epoch++) {
            trainEpoch(data, targetSource, epoch);
            listener.epochEnded(epoch, this);
        }
    }

    /**
     * One epoch: the samples of {@code data} in the order {@link #shuffledOrder} gives for this
     * epoch, cut into whole batches (a last partial batch is dropped), each presented for the
     * steps per batch in training mode.
     *
     * @param epoch the epoch number (≥ 1), which selects the shuffle
     */
    public void trainEpoch(Dataset data, Targets targetSource, int epoch) {
        requireShapes(data, targetSource);
        int[] order = shuffledOrder(data.size(), seed, epoch);
        int batchSize = network.batchSize();
        int batches = data.size() / batchSize;
        network.setTraining(true);
        for (int b = 0; b < batches; b++) {
            gather(data, targetSource, order, b * batchSize);
            network.present(inputs, targets);
            network.steps(stepsPerBatch);
            network.requireFinite();
        }
    }

    /**
     * Evaluates whole batches of {@code data} in its order, reading out {@code readoutPopulation}
     * and the output after each batch (le-network.md §2.8, §4.2). The network's mode is restored
     * afterwards. {@link EvaluationMode#FULL} presents each batch for the steps per batch.
     *
     * @throws IllegalArgumentException if data holds less than one batch or shapes do not fit
     */
    public Evaluation evaluate(Dataset data, Targets targetSource, EvaluationMode mode, int readoutPopulation) {
        return evaluate(data, targetSource, mode, readoutPopulation, stepsPerBatch);
    }

    /**
     * As {@link #evaluate(Dataset, Targets, EvaluationMode, int)}, but {@link EvaluationMode#FULL}
     * presents each batch for {@code presentationSteps} steps instead of the training's steps per
     * batch. Because ŭ is instantaneous (§2.8), any presentation of at least 2K steps ends in the
     * state a 100-step one ends in, up to the exploratory noise sample; fewer steps are cheaper.
     *
     * @param presentationSteps steps per evaluated batch (≥ 1; ignored by FEEDFORWARD)
     */
    public Evaluation evaluate(Dataset data, Targets targetSource, EvaluationMode mode, int readoutPopulation,
            int presentationSteps) {
        int[] datasetOrder = data == null ? null : java.util.stream.IntStream.range(0, data.size()).toArray();
        return evaluate(data, datasetOrder, targetSource, mode, readoutPopulation, presentationSteps);
    }

    /**
     * As {@link #evaluate(Dataset, Targets, EvaluationMode, int, int)}, but presents the samples of
     * {@code data} in {@code order} instead of dataset order, without copying the dataset: sample
     * {@code i} of the evaluation (its readout, output and label) is sample {@code order[i]} of
     * {@code data}. Whole batches of {@code order} are evaluated (drop_last).
     *
     * @param order one index into {@code data} per sample, e.g. a permutation of 0 … size−1
     * @throws IllegalArgumentException if order is missing or its length differs from the dataset's size
     */
    public Evaluation evaluate(Dataset data, int[] order, Targets targetSource, EvaluationMode mode,
            int readoutPopulation, int presentationSteps) {
        if (presentationSteps < 1) {
            throw new IllegalArgumentException("presentation steps must be >= 1, got " + presentationSteps);
        }
        requireShapes(data, targetSource);
        if (readoutPopulation < 0 || readoutPopulation > network.layers()) {
            throw new IllegalArgumentException("readout population must be in [0, " + network.layers() + "], got "
                    + readoutPopulation);
        }
        if (order == null || order.length != data.size()) {
            throw new IllegalArgumentException("order must hold one index per sample of the dataset ("
                    + data.size() + "), got " + (order == null ? "none" : order.length));
        }
        int batchSize = network.batchSize();
        int batches = data.size() / batchSize;
        if (batches == 0) {
            throw new IllegalArgumentException("dataset has " + data.size() + " samples, fewer than one batch of "
                    + batchSize);
        }
        int samples = batches * batchSize;
        int readoutSize = network.size(readoutPopulation);
        int outputSize = network.size(network.layers());
        float[] readout = new float[samples * readoutSize];
        float[] output = new float[samples * outputSize];
        int[] labels = new int[samples];
        int[] dataLabels = data.labels();
        boolean wasTraining = network.isTraining();
        network.setTraining(false);
        double squaredError = 0;
        try {
            for (int b = 0; b < batches; b++) {
                int first = b * batchSize;
                gather(data, targetSource, order, first);
                if (mode == EvaluationMode.FULL) {
                    network.present(inputs, targets);
                    network.steps(presentationSteps);
                    network.requireFinite();
                    network.read(StateQuantity.RATE, readoutPopulation, readout, first * readoutSize);
                    network.read(StateQuantity.RATE, network.layers(), output, first * outputSize);
                } else {
                    network.feedForward(inputs, 0);
                    network.readFeedForward(readoutPopulation, readout, first * readoutSize);
                    network.readFeedForward(network.layers(), output, first * outputSize);
                }
                for (int i = 0; i < batchSize * outputSize; i++) {
                    double d = (double) output[first * outputSize + i] - targets[i];
                    squaredError += d * d;
                }
                for (int s = 0; s < batchSize; s++) {
                    labels[first + s] = dataLabels[order[first + s]];
                }
            }
        } finally {
            network.setTraining(wasTraining);
        }
        return new Evaluation(samples, readoutPopulation, readout, output, labels,
                squaredError / ((double) samples * outputSize));
    }

    /** The sample order of an epoch: a Fisher–Yates shuffle of 0 … size−1 seeded by (seed, epoch). */
    public static int[] shuffledOrder(int size, long seed, int epoch) {
        return RandomStreams.permutation(size, RandomStreams.derived(seed, SHUFFLE_STREAM, epoch));
    }

    private void gather(Dataset data, Targets targetSource, int[] order, int first) {
        int n0 = data.dimension();
        int nK = network.size(network.layers());
        float[] features = data.features();
        for (int s = 0; s < network.batchSize(); s++) {
            int sample = order[first + s];
            System.arraycopy(features, sample * n0, inputs, s * n0, n0);
            targetSource.copy(data, sample, targets, s * nK);
        }
    }

    private void requireShapes(Dataset data, Targets targetSource) {
        if (data == null) {
            throw new IllegalArgumentException("dataset must be given");
        }
        if (targetSource == null) {
            throw new IllegalArgumentException("targets must be given");
        }
        if (data.dimension() != network.size(0)) {
            throw new IllegalArgumentException("dataset has " + data.dimension() + " features per sample; the network's "
                    + "input population has " + network.size(0) + " neurons");
        }
        int nK = network.size(network.layers());
        if (targetSource.dimension(data) != nK) {
            throw new IllegalArgumentException("targets have " + targetSource.dimension(data)
                    + " values per sample; the network's output population has " + nK + " neurons");
        }
    }
}
