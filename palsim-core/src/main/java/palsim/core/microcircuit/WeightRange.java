package palsim.core.microcircuit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A closed interval [low, high] from which initial weights are drawn uniformly
 * (microcircuit.md §4.1). {@code low == high} gives the constant {@code low} (the Fig. 1d teacher's
 * W = 2).
 *
 * @param low the lower end
 * @param high the upper end (≥ low)
 */
public record WeightRange(double low, double high) {

    public WeightRange {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("weight range must be finite with low <= high, got [" + low + ", " + high + "]");
        }
    }

    /** [low, high]. */
    public static WeightRange of(double low, double high) {
        return new WeightRange(low, high);
    }

    /** One draw, {@code low + (high − low)·U} with U uniform in [0, 1). */
    public double draw(UniformRandomProvider rng) {
        return low + (high - low) * rng.nextDouble();
    }

    /** {@code range}, or an exception naming {@code field} if it is missing. */
    static WeightRange require(String field, WeightRange range) {
        if (range == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return range;
    }

    @Override
    public String toString() {
        return "[" + low + ", " + high + "]";
    }
}
