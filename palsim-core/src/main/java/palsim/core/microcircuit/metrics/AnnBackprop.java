package palsim.core.microcircuit.metrics;

import palsim.core.linalg.DoubleReferenceMatrixKernels;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.neuron.Activation;

/**
 * The artificial network the update angle compares the microcircuit with (microcircuit.md §6,
 * update angle, step 3), as a pure function of the forward weights, one input and one target:
 *
 * <pre>
 *   v_1 = a_h W_1 x,   ρ_k = φ_k(v_k),   v_{k+1} = a_h W_{k+1} ρ_k,   then v_N ← (G_P/(g_l+g_bas))·v_N = a_o W_N ρ_{N−1}
 *   e = y − v_N                                         (no φ' at the output)
 *   for k = N…2:  ΔW^BP_k = e ρ_{k−1}ᵀ,   e ← diag(φ_{k−1}'(v_{k−1})) W_kᵀ e
 *   ΔW^BP_1 = e xᵀ                                      (no learning rates, dt or a_h in the backward pass)
 * </pre>
 */
public final class AnnBackprop {
    private AnnBackprop() {}

    /**
     * The backpropagation updates ΔW^BP_ℓ, index ℓ−1, each row-major n_ℓ × n_{ℓ−1}.
     *
     * @param spec layer sizes, activations and conductances
     * @param forward W_1 … W_N (index ℓ−1), row-major
     * @param x the input (n_0 values)
     * @param y the target of the output voltage (n_N values)
     */
    public static double[][] updates(MicrocircuitSpec spec, double[][] forward, double[] x, double[] y) {
        int[] n = spec.layers();
        int top = spec.pyramidalLayers();
        Conductances g = spec.conductances();
        double attenuation = g.hiddenBasalAttenuation();

        double[][] v = new double[top + 1][];
        double[][] rho = new double[top + 1][];
        rho[0] = x;
        for (int k = 1; k <= top; k++) {
            v[k] = DoubleReferenceMatrixKernels.matVec(forward[k - 1], n[k], n[k - 1], rho[k - 1]);
            for (int i = 0; i < n[k]; i++) {
                v[k][i] *= attenuation;
            }
            if (k == top) {
                double rescale = g.hiddenTotal() / (g.leak() + g.basal());
                for (int i = 0; i < n[k]; i++) {
                    v[k][i] *= rescale;
                }
            }
            rho[k] = values(spec.activation(k), v[k]);
        }

        double[][] updates = new double[top][];
        double[] e = new double[n[top]];
        for (int i = 0; i < n[top]; i++) {
            e[i] = y[i] - v[top][i];
        }
        for (int k = top; k >= 1; k--) {
            updates[k - 1] = outer(e, rho[k - 1]);
            if (k >= 2) {
                double[] down = DoubleReferenceMatrixKernels.transposedMatVec(forward[k - 1], n[k], n[k - 1], e);
                Activation phi = spec.activation(k - 1);
                for (int j = 0; j < n[k - 1]; j++) {
                    down[j] *= phi.derivative(v[k - 1][j]);
                }
                e = down;
            }
        }
        return updates;
    }



    private static double[] outer(double[] post, double[] pre) {
        double[] out = new double[post.length * pre.length];
        for (int i = 0; i < post.length; i++) {
            for (int j = 0; j < pre.length; j++) {
                out[i * pre.length + j] = post[i] * pre[j];
            }
        }
        return out;
    }

    private static double[] values(Activation phi, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = phi.value(v[i]);
        }
        return out;
    }
}
