package palsim.app.metrics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.core.rng.RandomStreams;

/** Seeded synthetic latents for the linear-separability tests. */
final class LatentFixtures {
    private LatentFixtures() {}

    /** Labelled points: {@code x} row-major, {@code y} labels. */
    record Latents(float[] x, int[] y, int dimension) {}

    /**
     * {@code n} 2-D points of {@code classes} Gaussian blobs (std {@code spread}) whose centres lie
     * on a circle of radius {@code radius}: in convex position, so each class is linearly
     * separable from the rest when the blobs are tight.
     */
    static Latents blobsOnCircle(int n, int classes, double radius, double spread, long seed) {
        UniformRandomProvider random = RandomStreams.derived(seed, "test-blobs", 0);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(classes);
            double angle = 2 * Math.PI * c / classes;
            x[2 * i] = (float) (radius * Math.cos(angle) + spread * gaussian.sample());
            x[2 * i + 1] = (float) (radius * Math.sin(angle) + spread * gaussian.sample());
            y[i] = c;
        }
        return new Latents(x, y, 2);
    }

    /** Features independent of the labels: standard normal features, uniform labels. */
    static Latents noise(int n, int dimension, int classes, long seed) {
        UniformRandomProvider random = RandomStreams.derived(seed, "test-noise", 0);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        float[] x = new float[dimension * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dimension; j++) {
                x[dimension * i + j] = (float) gaussian.sample();
            }
            y[i] = random.nextInt(classes);
        }
        return new Latents(x, y, dimension);
    }
}
