package palsim.core.rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class OrnsteinUhlenbeckTest {

    @Test
    void coefficientsFollowTheEulerMaruyamaDiscretisation() {
        OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.of(0.05, 0.1, 0.01);
        assertThat(ou.decay()).isCloseTo(0.9, within(1e-15));
        assertThat(ou.scale()).isCloseTo(0.05 * Math.sqrt(0.1), within(1e-15));
        // le-network.md pitfall 9: ξ ← 0.9 ξ + 0.316228 σ w
        assertThat(OrnsteinUhlenbeck.of(1.0, 1.0, 0.1).scale()).isCloseTo(0.316228, within(1e-6));
    }

    @Test
    void stationaryVarianceIsSigmaSquaredOverTwoMinusRatio() {
        OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.of(0.05, 0.1, 0.01);
        assertThat(ou.stationaryVariance()).isCloseTo(0.05 * 0.05 / 1.9, within(1e-15));
        assertThat(OrnsteinUhlenbeck.of(1, 1, 0.1).stationaryVariance()).isCloseTo(0.526316, within(1e-6));
    }

    @Test
    void simulatedProcessHasStationaryVarianceAndGeometricAutocorrelation() {
        OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.of(2.0, 0.1, 0.01);
        UniformRandomProvider rng = RandomStreams.derived(11, "test", 0);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 400_000, maxLag = 5;
        double xi = 0;
        for (int i = 0; i < 200; i++) {
            xi = ou.next(xi, z.sample());
        }
        double[] history = new double[n];
        for (int i = 0; i < n; i++) {
            xi = ou.next(xi, z.sample());
            history[i] = xi;
        }
        double mean = 0;
        for (double v : history) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : history) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        assertThat(var).isCloseTo(ou.stationaryVariance(), within(0.03 * ou.stationaryVariance()));
        for (int k = 1; k <= maxLag; k++) {
            double c = 0;
            for (int i = 0; i + k < n; i++) {
                c += (history[i] - mean) * (history[i + k] - mean);
            }
            c /= (n - k) * var;
            assertThat(c).as("lag %d", k).isCloseTo(Math.pow(0.9, k), within(0.02));
        }
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> OrnsteinUhlenbeck.of(-1, 1, 0.1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> OrnsteinUhlenbeck.of(1, 0, 0.1)).hasMessageContaining("tau");
        assertThatThrownBy(() -> OrnsteinUhlenbeck.of(1, 0.1, 0.2)).hasMessageContaining("dt <= tau");
    }
}
