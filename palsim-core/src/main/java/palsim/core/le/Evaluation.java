package palsim.core.le;

/**
 * What an evaluation pass read out, for the samples it evaluated (whole batches only, in the
 * order presented; le-network.md §4.2).
 *
 * @param samples number of samples evaluated (a multiple of the batch size)
 * @param readoutPopulation the population read out (2 = the autoencoder's latent)
 * @param readout rates of the read-out population, samples × n_readout, sample-major
 * @param output rates of the output population, samples × n_K
 * @param labels the labels of the evaluated samples
 * @param meanSquaredError mean over samples and output units of (r_K − y)² (metric {@code mse})
 */
public record Evaluation(int samples, int readoutPopulation, float[] readout, float[] output, int[] labels,
        double meanSquaredError) {}
