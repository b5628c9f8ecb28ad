package palsim.core.le;

import java.util.Arrays;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.linalg.DoubleMatrixKernels;
import palsim.core.linalg.DoubleReferenceMatrixKernels;
import palsim.core.linalg.Transpose;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

/**
 * How far a feedback rule's weight updates are from backpropagation's, per hidden forward
 * projection: ∠(ΔW_k^rule, ΔW_k^BP) for k = 1 … K−1 (metric {@code angle_dW_BP}; the output
 * projection's update needs no feedback and equals BP's).
 *
 * <p>Both updates are taken at the network's noise-free equilibrium on one batch, from the same
 * feed-forward pass (v_k = W_k r_{k−1} + b_k, r_k = φ_k(v_k)) and the same output error (the target
 * type's: φ'_K(v_K) ⊙ (y − r_K) for rate targets, y − v_K for {@code mse}); they differ only in how
 * the error travels down:
 * <pre>
 *   BP:       e_k = φ'_k(v_k) ⊙ (W_{k+1}ᵀ e_{k+1})
 *   rule:     e_k = φ'_k(v_k) ⊙ (B_k e_{k+1})        (B_k the rule's feedback matrix; BP: W_{k+1}ᵀ)
 *   DFA:      e_k = φ'_k(v_k) ⊙ (D_k e_K)
 *   update:   ΔW_k = Σ_samples e_k r_{k−1}ᵀ
 * </pre>
 * Learning rates and dt scale both updates alike and do not enter the angle. The feed-forward pass
 * does not touch the network's dynamic state.
 */
public final class UpdateAngles {
    private UpdateAngles() {}

    /**
     * ∠(ΔW_k^rule, ΔW_k^BP) in degrees at index k − 1, k = 1 … K−1.
     *
     * @param inputs one batch, {@code batchSize × n_0} sample-major, from {@code inputOffset}
     * @param targets the batch's targets, {@code batchSize × n_K}, from {@code targetOffset}
     */
    public static double[] degrees(LeNetwork net, float[] inputs, int inputOffset, float[] targets, int targetOffset) {
        LeNetworkSpec spec = net.spec();
        int top = net.layers();
        int batch = net.batchSize();
        int[] n = new int[top + 1];
        for (int k = 0; k <= top; k++) {
            n[k] = net.size(k);
        }
        net.feedForward(inputs, inputOffset);
        double[][] rates = new double[top + 1][];
        double[][] slopes = new double[top + 1][];
        double[][] potentials = new double[top + 1][];
        rates[0] = new double[batch * n[0]];
        for (int i = 0; i < rates[0].length; i++) {
            rates[0][i] = inputs[inputOffset + i];
        }
        float[] buffer = new float[batch * largest(n)];
        for (int k = 1; k <= top; k++) {
            Activation phi = spec.activations()[k - 1];
            potentials[k] = potentials(net.forwardWeights(k), net.biases(k), rates[k - 1], batch, n[k], n[k - 1]);
            net.readFeedForward(k, buffer, 0);
            rates[k] = new double[batch * n[k]];
            slopes[k] = new double[batch * n[k]];
            for (int i = 0; i < rates[k].length; i++) {
                rates[k][i] = buffer[i];
                slopes[k][i] = phi.derivative(potentials[k][i]);
            }
        }
        double[] output = new double[batch * n[top]];
        for (int i = 0; i < output.length; i++) {
            double y = targets[targetOffset + i];
            output[i] = spec.targetType() == TargetType.RATE ? slopes[top][i] * (y - rates[top][i]) : y - potentials[top][i];
        }
        boolean direct = spec.feedbackRule().pathway() == FeedbackPathway.DIRECT_FROM_OUTPUT;
        double[] bpError = output;
        double[] ruleError = output;
        double[] angles = new double[top - 1];
        for (int k = top - 1; k >= 1; k--) {
            double[] w = net.forwardWeights(k + 1); // n_{k+1} × n_k
            double[] transpose = new double[w.length];
            DoubleMatrixKernels.transpose(0, n[k + 1], n[k], w, 0, n[k], transpose, 0, n[k + 1]);
            bpError = handDown(transpose, bpError, slopes[k], batch, n[k], n[k + 1]);
            double[] feedback = net.feedbackWeights(k);
            ruleError = direct ? handDown(feedback, output, slopes[k], batch, n[k], n[top])
                    : handDown(feedback, ruleError, slopes[k], batch, n[k], n[k + 1]);
            angles[k - 1] = Angles.degrees(update(ruleError, rates[k - 1], batch, n[k], n[k - 1]),
                    update(bpError, rates[k - 1], batch, n[k], n[k - 1]));
        }
        return angles;
    }

    /** v = W r + b per sample (W rows × cols row-major, r and v sample-major). */
    private static double[] potentials(double[] w, double[] b, double[] r, int batch, int rows, int cols) {
        double[] v = new double[batch * rows];
        for (int s = 0; s < batch; s++) {
            double[] vs = DoubleReferenceMatrixKernels.matVec(w, rows, cols, Arrays.copyOfRange(r, s * cols, (s + 1) * cols));
            for (int i = 0; i < rows; i++) {
                v[s * rows + i] = vs[i] + b[i];
            }
        }
        return v;
    }

    /** e_k = φ'_k ⊙ (M e) per sample, M rows × cols (rows = n_k). */
    private static double[] handDown(double[] m, double[] e, double[] slope, int batch, int rows, int cols) {
        double[] out = new double[batch * rows];
        for (int s = 0; s < batch; s++) {
            double[] down = DoubleReferenceMatrixKernels.matVec(m, rows, cols, Arrays.copyOfRange(e, s * cols, (s + 1) * cols));
            for (int i = 0; i < rows; i++) {
                out[s * rows + i] = slope[s * rows + i] * down[i];
            }
        }
        return out;
    }

    /** ΔW = Σ_s e(s) r(s)ᵀ = Eᵀ R, rows × cols (E batch × rows, R batch × cols, sample-major). */
    private static double[] update(double[] e, double[] r, int batch, int rows, int cols) {
        double[] dw = new double[rows * cols];
        DoubleReferenceMatrixKernels.multiply(Transpose.TRANSPOSED, 0, rows, cols, batch, 1, e, 0, rows, r, 0, cols, 0, dw,
                0, cols);
        return dw;
    }

    private static int largest(int[] n) {
        int max = 0;
        for (int v : n) {
            max = Math.max(max, v);
        }
        return max;
    }
}
