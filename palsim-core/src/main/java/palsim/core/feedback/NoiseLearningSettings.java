package palsim.core.feedback;

/**
 * The checks shared by the rules that learn B from injected noise (PAL, weight mirrors): one σ per
 * noisy population and one learning rate and decay per feedback projection.
 */
final class NoiseLearningSettings {
    private NoiseLearningSettings() {}

    static void validate(ModelKind model, int[] layers, ExploratoryNoise noise, double[] learningRates, double[] decay) {
        int projections = layers.length - 2;
        int populations = layers.length - 1;
        requireLength("learning_rates", learningRates.length, projections);
        requireLength("decay", decay.length, projections);
        int noisy = noise.std().length;
        if (model == ModelKind.MICROCIRCUIT && noisy != projections) {
            throw new IllegalArgumentException("noise.std has " + noisy + " entries; the network has "
                    + projections + " hidden populations");
        }
        if (model == ModelKind.LE_NETWORK && noisy != populations && noisy != projections) {
            throw new IllegalArgumentException("noise.std has " + noisy + " entries; the network has "
                    + populations + " populations (give one per population, or one per hidden population)");
        }
    }

    static void requireNonNegative(String key, double[] values) {
        for (double v : values) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(key + ": every entry must be finite and >= 0, got " + v);
            }
        }
    }

    private static void requireLength(String key, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(key + " has " + actual + " entries; the network has "
                    + expected + " feedback projections");
        }
    }
}
