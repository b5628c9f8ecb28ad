package palsim.app.experiment;

/**
 * Experiment-specific per-rule, per-seed values for summary.json's {@code extras} section, such as
 * the epoch at which PAL flipped the sign of B. Thread-safe; written in config order of rules and
 * seeds.
 */
public interface SummaryExtras {

    /**
     * Records {@code extras.<name>.<rule>.<seed> = value}.
     *
     * @param value a number, or {@code null} for "did not happen" (written as JSON null)
     * @throws IllegalArgumentException for an unknown rule or seed, a bad name, or a value already
     *     recorded under the same name, rule and seed
     */
    void put(String name, String rule, long seed, Number value);
}
