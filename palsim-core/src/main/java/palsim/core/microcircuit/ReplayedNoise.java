package palsim.core.microcircuit;

import java.util.Objects;

/**
 * Noise fed from a recording: each step, ξ_ℓ becomes the recorded value of ξ_ℓ after that step.
 * The driver of the replay sets the values of the coming step with {@link #show(double[][])} before
 * it steps the circuit; one instance may serve every lane of a group that replays the same recording.
 * Which layers refresh in a step is part of the recording (a layer that did not refresh is recorded
 * with its unchanged value), so no refresh schedule applies.
 */
public final class ReplayedNoise implements NoiseSource {
    private double[][] values;

    /**
     * The recorded ξ after the coming step.
     *
     * @param afterStep ξ_ℓ at index ℓ − 1 for ℓ = 1…N−1, n_ℓ values each; read during the next step only
     */
    public void show(double[][] afterStep) {
        this.values = Objects.requireNonNull(afterStep, "afterStep");
    }

    @Override
    public void advance(double[][] xi, int[] n, int lane, int width) {
        check(xi.length, n);
        for (int l = 1; l < xi.length; l++) {
            double[] recorded = values[l - 1];
            for (int i = 0; i < n[l]; i++) {
                xi[l][i * width + lane] = recorded[i];
            }
        }
    }

    /** The recorded values rounded to float. */
    @Override
    public void advance(float[][] xi, int[] n, int lane, int width) {
        check(xi.length, n);
        for (int l = 1; l < xi.length; l++) {
            double[] recorded = values[l - 1];
            for (int i = 0; i < n[l]; i++) {
                xi[l][i * width + lane] = (float) recorded[i];
            }
        }
    }

    private void check(int layersPlusOne, int[] n) {
        if (values == null) {
            throw new IllegalStateException("no recorded noise was shown for this step");
        }
        if (values.length < layersPlusOne - 1) {
            throw new IllegalArgumentException("recorded noise has " + values.length + " hidden layers, the circuit "
                    + (layersPlusOne - 1));
        }
        for (int l = 1; l < layersPlusOne; l++) {
            double[] recorded = values[l - 1];
            if (recorded.length != n[l]) {
                throw new IllegalArgumentException("recorded noise of layer " + l + " has " + recorded.length
                        + " values, the layer " + n[l] + " neurons");
            }
        }
    }
}
