package palsim.app.experiment.autoencoder;

/**
 * The latent codes of the test digits after the last epoch of one rule and seed (Fig. 1f; written
 * to latents.csv).
 *
 * @param rule the rule
 * @param seed the run seed
 * @param epoch the epoch they were read at
 * @param codes rates of the latent population, {@code labels.length × dimension}, sample-major
 * @param labels the digit of each test sample, in test-set order (after drop_last)
 * @param dimension n of the latent population
 */
public record TestLatents(String rule, long seed, int epoch, float[] codes, int[] labels, int dimension) {}
