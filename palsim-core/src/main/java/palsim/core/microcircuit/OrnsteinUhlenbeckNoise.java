package palsim.core.microcircuit;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.rng.OrnsteinUhlenbeck;

/**
 * The feedback rule's Ornstein–Uhlenbeck noise for one seed: ξ ← (1 − dt/τ_ξ) ξ + σ_ℓ √(dt/τ_ξ) z
 * with z standard normals from the seed's own generator, drawn layer by layer, neuron by neuron.
 *
 * <p>Refresh schedule (reproduced from the reference model): one counter for all layers counts the
 * injecting steps; every layer refreshes when it is a multiple of {@code round(dtxi/dt)}, and a layer
 * whose ξ is exactly zero refreshes anyway (so noise starts at once after a phase without it). With
 * dtxi = dt, as in every paper configuration, every step refreshes.
 */
final class OrnsteinUhlenbeckNoise implements NoiseSource {
    private final NormalizedGaussianSampler gaussian;
    private final double[] decay;
    private final double[] scale;
    /** decay and scale rounded once to float, for a float32 engine. */
    private final float[] decayFloat;
    private final float[] scaleFloat;
    private final int refreshSteps;
    /** Injecting steps until the next scheduled refresh: (counter mod refreshSteps) counted down. */
    private int stepsUntilRefresh;

    /**
     * @param noise the rule's noise settings
     * @param dt the time step
     * @param hiddenLayers N−1
     * @param gaussian standard normals from the seed's own generator
     */
    OrnsteinUhlenbeckNoise(ExploratoryNoise noise, double dt, int hiddenLayers, NormalizedGaussianSampler gaussian) {
        this.gaussian = gaussian;
        this.decay = new double[hiddenLayers + 1];
        this.scale = new double[hiddenLayers + 1];
        for (int l = 1; l <= hiddenLayers; l++) {
            OrnsteinUhlenbeck ou = noise.process(l, dt);
            decay[l] = ou.decay();
            scale[l] = ou.scale();
        }
        this.refreshSteps = noise.refreshSteps(dt);
        this.decayFloat = new float[hiddenLayers + 1];
        this.scaleFloat = new float[hiddenLayers + 1];
        for (int l = 1; l <= hiddenLayers; l++) {
            decayFloat[l] = (float) decay[l];
            scaleFloat[l] = (float) scale[l];
        }
    }

    @Override
    public void advance(double[][] xi, int[] n, int lane, int width) {
        boolean scheduled = stepsUntilRefresh == 0;
        stepsUntilRefresh = scheduled ? refreshSteps - 1 : stepsUntilRefresh - 1;
        for (int l = 1; l < decay.length; l++) {
            double[] x = xi[l];
            if (!scheduled && !isZero(x, n[l], lane, width)) {
                continue;
            }
            double d = decay[l];
            double c = scale[l];
            for (int i = 0; i < n[l]; i++) {
                int e = i * width + lane;
                x[e] = d * x[e] + c * gaussian.sample();
            }
        }
    }

    /**
     * The float32 process: the same schedule and the same normals (each rounded to float), with
     * float arithmetic on float constants, as a float32 engine computes everything else.
     */
    @Override
    public void advance(float[][] xi, int[] n, int lane, int width) {
        boolean scheduled = stepsUntilRefresh == 0;
        stepsUntilRefresh = scheduled ? refreshSteps - 1 : stepsUntilRefresh - 1;
        for (int l = 1; l < decayFloat.length; l++) {
            float[] x = xi[l];
            if (!scheduled && !isZero(x, n[l], lane, width)) {
                continue;
            }
            float d = decayFloat[l];
            float c = scaleFloat[l];
            for (int i = 0; i < n[l]; i++) {
                int e = i * width + lane;
                x[e] = d * x[e] + c * (float) gaussian.sample();
            }
        }
    }

    /** The refresh countdown; the normals come from the seed's generator, saved with the group. */
    @Override
    public long[] counters() {
        return new long[] {stepsUntilRefresh};
    }

    @Override
    public void restoreCounters(long[] counters) {
        if (counters.length != 1 || counters[0] < 0 || counters[0] >= Math.max(1, refreshSteps)) {
            throw new palsim.core.state.StateMismatchException("OU noise: saved refresh countdown "
                    + java.util.Arrays.toString(counters) + " does not fit a refresh every " + refreshSteps + " steps");
        }
        stepsUntilRefresh = (int) counters[0];
    }

    private static boolean isZero(float[] v, int count, int lane, int width) {
        for (int i = 0; i < count; i++) {
            if (v[i * width + lane] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(double[] v, int count, int lane, int width) {
        for (int i = 0; i < count; i++) {
            if (v[i * width + lane] != 0) {
                return false;
            }
        }
        return true;
    }
}
