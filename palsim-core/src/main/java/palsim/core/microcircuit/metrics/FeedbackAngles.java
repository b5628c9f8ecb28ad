package palsim.core.microcircuit.metrics;

import palsim.core.metrics.Angles;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.neuron.Activation;

/**
 * The feedback-alignment angles of microcircuit.md §6, per lane and hidden layer ℓ = 1…N−1, in
 * degrees, via {@link Angles} (Frobenius cosine):
 *
 * <ul>
 *   <li>{@value #B_WT}: ∠(B_ℓ, W_{ℓ+1}ᵀ);
 *   <li>{@value #B_RHS}: ∠(B_ℓ, D_ℓ W_{ℓ+1}ᵀ D_{ℓ+1}), the φ'-weighted transpose PAL's analysis
 *       predicts as B's fixed point;
 *   <li>{@value #JACOBIANS}: ∠(B_ℓ D_{ℓ+1}, D_ℓ W_{ℓ+1}ᵀ);
 * </ul>
 *
 * with D_k = diag(φ_k'(a_h v^bas_k)) from the basal potentials of the last step and a_h = g_bas/G_P
 * also for the output layer (quirk 10). Read after a step, the weights are post-update and v^bas
 * pre-update, as in the reference's snapshots.
 */
public final class FeedbackAngles {
    /** Metric name of ∠(B_ℓ, W_{ℓ+1}ᵀ). */
    public static final String B_WT = "angle_B_WT";
    /** Metric name of ∠(B_ℓ, D_ℓ W_{ℓ+1}ᵀ D_{ℓ+1}). */
    public static final String B_RHS = "angle_B_RHS";
    /** Metric name of ∠(B_ℓ D_{ℓ+1}, D_ℓ W_{ℓ+1}ᵀ). */
    public static final String JACOBIANS = "angle_jacobians";

    private FeedbackAngles() {}

    /**
     * The three angles of every hidden layer, index ℓ−1.
     *
     * @param feedbackToTransposedForward {@value #B_WT}
     * @param feedbackToFixedPoint {@value #B_RHS}
     * @param jacobians {@value #JACOBIANS}
     */
    public record LayerAngles(double[] feedbackToTransposedForward, double[] feedbackToFixedPoint, double[] jacobians) {
        public LayerAngles {
            feedbackToTransposedForward = feedbackToTransposedForward.clone();
            feedbackToFixedPoint = feedbackToFixedPoint.clone();
            jacobians = jacobians.clone();
        }

        @Override
        public double[] feedbackToTransposedForward() {
            return feedbackToTransposedForward.clone();
        }

        @Override
        public double[] feedbackToFixedPoint() {
            return feedbackToFixedPoint.clone();
        }

        @Override
        public double[] jacobians() {
            return jacobians.clone();
        }
    }

    /**
     * All three angles of lane {@code lane} after the last step; NaN for a layer whose B comes
     * straight from the output (DFA, except the last hidden layer, where the output is the layer above).
     */
    public static LayerAngles of(MicrocircuitGroup group, int lane) {
        MicrocircuitSpec spec = group.spec();
        int[] n = spec.layers();
        int hidden = spec.pyramidalLayers() - 1;
        double attenuation = spec.conductances().hiddenBasalAttenuation();
        double[] toTranspose = new double[hidden];
        double[] toFixedPoint = new double[hidden];
        double[] jacobians = new double[hidden];
        double[] slopeHere = slopes(spec.activation(1), attenuation, group.basalVoltage(lane, 1));
        for (int l = 1; l <= hidden; l++) {
            double[] wAbove = group.forwardWeights(lane, l + 1);
            double[] slopeAbove = slopes(spec.activation(l + 1), attenuation, group.basalVoltage(lane, l + 1));
            if (spec.feedbackSource(l) != l + 1) {
                // direct feedback from the output (DFA): B_ℓ has no forward matrix to be compared with
                toTranspose[l - 1] = toFixedPoint[l - 1] = jacobians[l - 1] = Double.NaN;
                slopeHere = slopeAbove;
                continue;
            }
            double[] b = group.feedbackWeights(lane, l);
            toTranspose[l - 1] = Angles.degreesToTranspose(b, wAbove, n[l], n[l + 1]);
            toFixedPoint[l - 1] = fixedPointDegrees(b, wAbove, slopeHere, slopeAbove, n[l], n[l + 1]);
            jacobians[l - 1] = jacobianDegrees(b, wAbove, slopeHere, slopeAbove, n[l], n[l + 1]);
            slopeHere = slopeAbove;
        }
        return new LayerAngles(toTranspose, toFixedPoint, jacobians);
    }

    /** The diagonal of D_k: φ'(a·v) for every neuron. */
    public static double[] slopes(Activation phi, double attenuation, double[] basal) {
        double[] d = new double[basal.length];
        for (int i = 0; i < basal.length; i++) {
            d[i] = phi.derivative(attenuation * basal[i]);
        }
        return d;
    }

    /**
     * ∠(B, D_ℓ Wᵀ D_{ℓ+1}) for B {@code rows × cols} (n_ℓ × n_{ℓ+1}) and W {@code cols × rows}.
     */
    public static double fixedPointDegrees(double[] b, double[] w, double[] slopeHere, double[] slopeAbove, int rows,
            int cols) {
        double[] target = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                target[i * cols + j] = slopeHere[i] * w[j * rows + i] * slopeAbove[j];
            }
        }
        return Angles.degrees(b, target);
    }

    /** ∠(B D_{ℓ+1}, D_ℓ Wᵀ) for B {@code rows × cols} and W {@code cols × rows}. */
    public static double jacobianDegrees(double[] b, double[] w, double[] slopeHere, double[] slopeAbove, int rows,
            int cols) {
        double[] feedbackJacobian = new double[rows * cols];
        double[] forwardJacobian = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                feedbackJacobian[i * cols + j] = b[i * cols + j] * slopeAbove[j];
                forwardJacobian[i * cols + j] = slopeHere[i] * w[j * rows + i];
            }
        }
        return Angles.degrees(feedbackJacobian, forwardJacobian);
    }
}
