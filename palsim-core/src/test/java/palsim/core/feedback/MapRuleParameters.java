package palsim.core.feedback;

import java.util.Map;

/** Rule settings from a flat map with dotted keys ({@code "noise.std"}), as a config layer would give them. */
public final class MapRuleParameters implements RuleParameters {
    private final Map<String, Object> values;
    private final String prefix;

    private MapRuleParameters(Map<String, Object> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    public static RuleParameters of(Map<String, Object> values) {
        return new MapRuleParameters(values, "");
    }

    private Object get(String key) {
        Object v = values.get(prefix + key);
        if (v == null) {
            throw new IllegalArgumentException("missing key '" + prefix + key + "'");
        }
        return v;
    }

    @Override
    public double number(String key) {
        return (Double) get(key);
    }

    @Override
    public double number(String key, double defaultValue) {
        return values.containsKey(prefix + key) ? (Double) get(key) : defaultValue;
    }

    @Override
    public double[] numbers(String key) {
        return (double[]) get(key);
    }

    @Override
    public RuleParameters section(String key) {
        return new MapRuleParameters(values, prefix + key + ".");
    }
}
