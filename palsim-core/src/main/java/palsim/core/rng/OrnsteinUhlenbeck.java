package palsim.core.rng;

/**
 * Euler–Maruyama discretisation of an Ornstein–Uhlenbeck process, as both reference models use it
 * (microcircuit.md §3.5, le-network.md §2.7):
 *
 * <pre>
 *   ξ ← (1 − dt/τ) ξ + σ √(dt/τ) z,    z ~ N(0, 1)
 * </pre>
 *
 * <p>Stationary variance of the recursion {@code σ²/(2 − dt/τ)} (≈ σ²/1.9 for dt/τ = 0.1), lag-k
 * autocorrelation {@code (1 − dt/τ)^k}.
 *
 * @param decay the factor {@code 1 − dt/τ} applied to the old value
 * @param scale the factor {@code σ √(dt/τ)} applied to a standard normal draw
 */
public record OrnsteinUhlenbeck(double decay, double scale) {

    public OrnsteinUhlenbeck {
        if (!(decay >= 0 && decay < 1) || !(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException(
                    "Ornstein-Uhlenbeck coefficients out of range: decay=" + decay + ", scale=" + scale);
        }
    }

    /**
     * @param sigma the noise amplitude σ (≥ 0)
     * @param tau the correlation time τ (&gt; 0, same unit as dt)
     * @param dt the time step (0 &lt; dt ≤ τ)
     */
    public static OrnsteinUhlenbeck of(double sigma, double tau, double dt) {
        if (!(tau > 0) || !(dt > 0) || dt > tau) {
            throw new IllegalArgumentException("need 0 < dt <= tau, got dt=" + dt + ", tau=" + tau);
        }
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("noise amplitude must be >= 0, got " + sigma);
        }
        double ratio = dt / tau;
        return new OrnsteinUhlenbeck(1.0 - ratio, sigma * Math.sqrt(ratio));
    }

    /** One step of the recursion. */
    public double next(double xi, double standardNormal) {
        return decay * xi + scale * standardNormal;
    }

    /** Variance of the stationary distribution of the discrete recursion. */
    public double stationaryVariance() {
        return scale * scale / (1.0 - decay * decay);
    }
}
