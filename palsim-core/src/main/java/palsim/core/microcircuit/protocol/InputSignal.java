package palsim.core.microcircuit.protocol;

import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.rng.RandomStreams;

/**
 * The step input of microcircuit.md §4.4: {@code datasetSize} samples X ~ U[0,1]^{n_0}, each held
 * for K = Tpres/dt steps. All seeds of a run share one signal; each seed keeps its own order of
 * the samples. Immutable.
 */
public final class InputSignal {
    private final double[][] samples;
    private final int stepsPerSample;

    /**
     * @param samples one row of n_0 values per sample (copied)
     * @param stepsPerSample K ≥ 1
     */
    public InputSignal(double[][] samples, int stepsPerSample) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("dataset_size must be > 0");
        }
        if (stepsPerSample < 1) {
            throw new IllegalArgumentException("steps per sample (Tpres/dt) must be >= 1, got " + stepsPerSample);
        }
        int width = samples[0].length;
        this.samples = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != width) {
                throw new IllegalArgumentException("sample " + i + " has " + samples[i].length + " values, sample 0 has " + width);
            }
            this.samples[i] = samples[i].clone();
        }
        this.stepsPerSample = stepsPerSample;
    }

    /**
     * X ~ U[0,1]^{datasetSize × inputs} drawn row-major from {@code RandomStreams.seeded(seed)}
     * (seed = the first student seed in bw_only, the teacher seed in fw_bw).
     */
    public static InputSignal uniform(long seed, int datasetSize, int inputs, int stepsPerSample) {
        if (datasetSize < 1) {
            throw new IllegalArgumentException("dataset_size must be > 0, got " + datasetSize);
        }
        UniformRandomProvider rng = RandomStreams.seeded(seed);
        double[][] x = new double[datasetSize][inputs];
        for (double[] row : x) {
            for (int i = 0; i < inputs; i++) {
                row[i] = rng.nextDouble();
            }
        }
        return new InputSignal(x, stepsPerSample);
    }

    /** Number of samples (dataset_size). */
    public int samples() {
        return samples.length;
    }

    /** n_0. */
    public int width() {
        return samples[0].length;
    }

    /** K, steps each sample is held. */
    public int stepsPerSample() {
        return stepsPerSample;
    }

    /** Steps of one pass through all samples, dataset_size·K. */
    public int stepsPerEpoch() {
        return samples.length * stepsPerSample;
    }

    /** Sample {@code index}, a copy. */
    public double[] sample(int index) {
        return samples[index].clone();
    }

    /** Value {@code element} of sample {@code index}. */
    public double value(int index, int element) {
        return samples[index][element];
    }
}
