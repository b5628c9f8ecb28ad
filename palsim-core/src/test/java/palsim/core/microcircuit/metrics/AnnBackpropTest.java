package palsim.core.microcircuit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.CircuitState;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.MicrocircuitSpec;

class AnnBackpropTest {

    /** L = ½‖y − v_N‖² of the network of §6 step 3. */
    private static double loss(MicrocircuitSpec spec, double[][] w, double[] x, double[] y) {
        Conductances g = spec.conductances();
        int[] n = spec.layers();
        double[] rho = x;
        double[] v = null;
        for (int k = 1; k <= spec.pyramidalLayers(); k++) {
            double scale = k == spec.pyramidalLayers() ? g.outputBasalAttenuation() : g.hiddenBasalAttenuation();
            v = new double[n[k]];
            double[] next = new double[n[k]];
            for (int i = 0; i < n[k]; i++) {
                double s = 0;
                for (int j = 0; j < n[k - 1]; j++) {
                    s += w[k - 1][i * n[k - 1] + j] * rho[j];
                }
                v[i] = scale * s;
                next[i] = spec.activation(k).value(v[i]);
            }
            rho = next;
        }
        double l = 0;
        for (int i = 0; i < y.length; i++) {
            l += 0.5 * (y[i] - v[i]) * (y[i] - v[i]);
        }
        return l;
    }

    @Test
    void updatesAreTheNegativeLossGradientScaledByTheProductOfAttenuationsAbove() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa());
        double[][] w = new double[4][];
        CircuitState state = CircuitState.draw(spec, 3);
        for (int l = 1; l <= 4; l++) {
            w[l - 1] = state.weights().forward(l);
        }
        double[] x = {0.1, 0.9, 0.4, 0.3, 0.7};
        double[] y = {0.2, -0.1, 0.5, 0.0, 0.3};
        double[][] updates = AnnBackprop.updates(spec, w, x, y);

        Conductances g = spec.conductances();
        double scale = g.outputBasalAttenuation();
        double h = 1e-6;
        for (int k = 4; k >= 1; k--) {
            for (int e = 0; e < w[k - 1].length; e += 7) {
                double saved = w[k - 1][e];
                w[k - 1][e] = saved + h;
                double up = loss(spec, w, x, y);
                w[k - 1][e] = saved - h;
                double down = loss(spec, w, x, y);
                w[k - 1][e] = saved;
                double gradient = (up - down) / (2 * h);
                assertThat(updates[k - 1][e]).as("ΔW^BP_%d[%d]", k, e).isCloseTo(-gradient / scale, within(1e-6));
            }
            scale *= g.hiddenBasalAttenuation();
        }
    }
}
