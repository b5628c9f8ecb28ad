package palsim.core.feedback;

/**
 * Read access to the settings of one rule, as a configuration layer provides them. Keys are the
 * configuration names (snake case); nested groups are sections. Implementations report a missing
 * or mistyped key with an {@link IllegalArgumentException} whose message names the full key.
 */
public interface RuleParameters {

    /** A required number. */
    double number(String key);

    /** An optional number. */
    double number(String key, double defaultValue);

    /** A required list of numbers. */
    double[] numbers(String key);

    /** A required nested section. */
    RuleParameters section(String key);

    /** Parameters of a rule that has none: every lookup of a required key fails. */
    static RuleParameters none() {
        return new RuleParameters() {
            @Override
            public double number(String key) {
                throw new IllegalArgumentException("missing key '" + key + "'");
            }

            @Override
            public double number(String key, double defaultValue) {
                return defaultValue;
            }

            @Override
            public double[] numbers(String key) {
                throw new IllegalArgumentException("missing key '" + key + "'");
            }

            @Override
            public RuleParameters section(String key) {
                throw new IllegalArgumentException("missing key '" + key + "'");
            }
        };
    }
}
