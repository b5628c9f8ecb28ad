package palsim.app.config;

/**
 * The allowed range of a number read from a config, with the wording of the complaint when a value
 * falls outside it ({@code must be > 0}). Every range also requires the value to be finite.
 *
 * <pre>
 *   section.number("dt", Bounds.positive());          // dt ∈ (0, ∞)
 *   section.integers("layers", Bounds.atLeast(1));    // every entry ≥ 1
 *   section.number("momentum", 0.0, Bounds.between(0, 1));
 * </pre>
 */
public final class Bounds {
    private static final Bounds ANY = new Bounds(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    private final double lower;
    private final boolean lowerInclusive;
    private final double upper;
    private final boolean upperInclusive;

    private Bounds(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("empty range [" + lower + ", " + upper + "]");
        }
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
    }

    /** Any finite number. */
    public static Bounds any() {
        return ANY;
    }

    /** x &gt; 0. */
    public static Bounds positive() {
        return greaterThan(0);
    }

    /** x ≥ 0. */
    public static Bounds nonNegative() {
        return atLeast(0);
    }

    /** x ≥ min. */
    public static Bounds atLeast(double min) {
        return new Bounds(min, true, Double.POSITIVE_INFINITY, true);
    }

    /** x &gt; min. */
    public static Bounds greaterThan(double min) {
        return new Bounds(min, false, Double.POSITIVE_INFINITY, true);
    }

    /** x ≤ max. */
    public static Bounds atMost(double max) {
        return new Bounds(Double.NEGATIVE_INFINITY, true, max, true);
    }

    /** min ≤ x ≤ max. */
    public static Bounds between(double min, double max) {
        return new Bounds(min, true, max, true);
    }

    /** Whether {@code value} is finite and inside the range. */
    public boolean contains(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        boolean aboveLower = lowerInclusive ? value >= lower : value > lower;
        boolean belowUpper = upperInclusive ? value <= upper : value < upper;
        return aboveLower && belowUpper;
    }

    /**
     * What a value must satisfy, as the start of a message: {@code "must be > 0"},
     * {@code "must be between 0 and 1"}, {@code "must be a finite number"}.
     */
    public String requirement() {
        boolean hasLower = lower != Double.NEGATIVE_INFINITY;
        boolean hasUpper = upper != Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper && lowerInclusive && upperInclusive) {
            return "must be between " + format(lower) + " and " + format(upper);
        }
        if (hasLower && hasUpper) {
            return "must be " + (lowerInclusive ? ">= " : "> ") + format(lower) + " and "
                    + (upperInclusive ? "<= " : "< ") + format(upper);
        }
        if (hasLower) {
            return "must be " + (lowerInclusive ? ">= " : "> ") + format(lower);
        }
        if (hasUpper) {
            return "must be " + (upperInclusive ? "<= " : "< ") + format(upper);
        }
        return "must be a finite number";
    }

    /** A number as a user would write it: integers without a decimal point. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return requirement();
    }
}
