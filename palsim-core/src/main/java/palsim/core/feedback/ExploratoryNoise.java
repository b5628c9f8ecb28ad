package palsim.core.feedback;

import java.util.Arrays;
import palsim.core.rng.OrnsteinUhlenbeck;

/**
 * PAL's exploratory noise: an Ornstein–Uhlenbeck process per neuron of each noisy population.
 *
 * @param std σ per population, index 0 = population 1 (first hidden); a model may accept fewer
 *     entries than it has populations (the microcircuit injects noise into hidden layers only)
 * @param tau the correlation time τ_ξ, in the model's time unit
 * @param refreshInterval time between refreshes of the noise (the microcircuit's {@code dtxi});
 *     0 or dt means every step
 */
public record ExploratoryNoise(double[] std, double tau, double refreshInterval) {

    public ExploratoryNoise {
        std = std.clone();
        for (double s : std) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("noise.std: every entry must be finite and >= 0, got " + s);
            }
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("noise.tau must be > 0, got " + tau);
        }
        if (!(refreshInterval >= 0) || !Double.isFinite(refreshInterval)) {
            throw new IllegalArgumentException("noise.refresh_interval must be >= 0, got " + refreshInterval);
        }
    }

    /** Steps between refreshes for time step dt (at least 1; 0 = every step). */
    public int refreshSteps(double dt) {
        return Math.max(1, (int) Math.round(refreshInterval / dt));
    }

    /** σ of population {@code population} (1-based), 0 beyond the configured entries. */
    public double stdOf(int population) {
        return population - 1 < std.length ? std[population - 1] : 0.0;
    }

    /** The OU recursion of population {@code population} (1-based) for time step dt. */
    public OrnsteinUhlenbeck process(int population, double dt) {
        return OrnsteinUhlenbeck.of(stdOf(population), tau, dt);
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExploratoryNoise n && Arrays.equals(std, n.std) && tau == n.tau
                && refreshInterval == n.refreshInterval;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(std) + Double.hashCode(tau) * 17 + Double.hashCode(refreshInterval);
    }

    @Override
    public String toString() {
        return "ExploratoryNoise[std=" + Arrays.toString(std) + ", tau=" + tau + ", refreshInterval=" + refreshInterval + "]";
    }
}
