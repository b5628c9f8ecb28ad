package palsim.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import palsim.app.InputException;
import palsim.app.Messages;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackRuleRegistry;
import palsim.core.feedback.RuleParameters;

/**
 * One mapping of a config (the whole file, or a nested section such as {@code model} or
 * {@code rules.pal}) with typed, path-aware getters. Experiments parse their sections through it
 * into immutable settings records.
 *
 * <p>Three rules hold for every getter:
 * <ol>
 *   <li><b>Every read marks the key as used.</b> After parsing, {@link ConfigDocument#rejectUnknownKeys()}
 *       reports any key nobody read as {@code unknown key 'model.layrs' (known: …)}, so a typo never
 *       goes unnoticed.
 *   <li><b>A default that was used is written into the tree.</b> After parsing, the tree is the
 *       resolved config: what the run directory's {@code config.yaml} records is exactly what ran.
 *   <li><b>Errors name the full key path</b> ({@code rules.pal.noise.std[1]: must be >= 0, got -0.1})
 *       and are {@link InputException}s, which the command line reports as one line with exit code 2.
 * </ol>
 *
 * <p>A key whose value is YAML {@code null} (written as {@code key:} with nothing after it) counts
 * as absent: a default applies, a required key is reported missing.
 *
 * <p>It is also the {@link RuleParameters} of a feedback rule, so rule sections go through
 * {@link FeedbackRuleRegistry#create} with these getters; {@link #createRule} prefixes the key path
 * to the core's own validation messages.
 */
public final class ConfigSection implements RuleParameters {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A config key, possibly dotted and indexed, at the start of a message from core validation. */
    private static final Pattern LEADING_KEY = Pattern.compile("^([a-z_][a-z0-9_]*)((?:\\.[a-z_][a-z0-9_]*|\\[\\d+])*)(:?)( .*)?$",
            Pattern.DOTALL);

    private final ConfigDocument document;
    private final ObjectNode node;
    private final String path;

    ConfigSection(ConfigDocument document, ObjectNode node, String path) {
        this.document = document;
        this.node = node;
        this.path = path;
        document.markEntered(node);
    }

    /** The full key path of this section ({@code ""} for the top level, {@code "rules.pal"}). */
    public String path() {
        return path;
    }

    /** The full key path of {@code key} in this section. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The keys present in this section, in file order (reading them marks nothing as used). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Whether {@code key} is present with a non-null value (marks nothing as used). */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    // ---------------------------------------------------------------- integers

    /** A required integer. */
    public int integer(String key) {
        return integer(key, Bounds.any());
    }

    /** A required integer inside {@code bounds}. */
    public int integer(String key, Bounds bounds) {
        int value = toInt(required(key), pathOf(key));
        check(bounds, value, pathOf(key));
        return value;
    }

    /** An optional integer. */
    public int integer(String key, int defaultValue) {
        return integer(key, defaultValue, Bounds.any());
    }

    /** An optional integer inside {@code bounds}. */
    public int integer(String key, int defaultValue, Bounds bounds) {
        JsonNode v = optional(key);
        if (v == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        int value = toInt(v, pathOf(key));
        check(bounds, value, pathOf(key));
        return value;
    }

    /** A required 64-bit integer (e.g. a seed). */
    public long longInteger(String key) {
        return longInteger(key, Bounds.any());
    }

    /** A required 64-bit integer inside {@code bounds}. */
    public long longInteger(String key, Bounds bounds) {
        long value = toLong(required(key), pathOf(key));
        check(bounds, value, pathOf(key));
        return value;
    }

    /** An optional 64-bit integer inside {@code bounds}. */
    public long longInteger(String key, long defaultValue, Bounds bounds) {
        JsonNode v = optional(key);
        if (v == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        long value = toLong(v, pathOf(key));
        check(bounds, value, pathOf(key));
        return value;
    }

    /** A required list of integers, each inside {@code bounds}. */
    public int[] integers(String key, Bounds bounds) {
        ArrayNode list = requiredList(key);
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            String p = pathOf(key) + "[" + i + "]";
            values[i] = toInt(list.get(i), p);
            check(bounds, values[i], p);
        }
        return values;
    }

    /** A required list of integers. */
    public int[] integers(String key) {
        return integers(key, Bounds.any());
    }

    /** An optional list of integers, each inside {@code bounds}. */
    public int[] integers(String key, int[] defaultValue, Bounds bounds) {
        if (optional(key) == null) {
            ArrayNode list = node.putArray(key);
            Arrays.stream(defaultValue).forEach(list::add);
            return defaultValue.clone();
        }
        return integers(key, bounds);
    }

    /** A required list of 64-bit integers (e.g. seeds), each inside {@code bounds}. */
    public long[] longIntegers(String key, Bounds bounds) {
        ArrayNode list = requiredList(key);
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            String p = pathOf(key) + "[" + i + "]";
            values[i] = toLong(list.get(i), p);
            check(bounds, values[i], p);
        }
        return values;
    }

    // ---------------------------------------------------------------- real numbers

    /** A required finite number. */
    @Override
    public double number(String key) {
        return number(key, Bounds.any());
    }

    /** A required number inside {@code bounds}. */
    public double number(String key, Bounds bounds) {
        double value = toDouble(required(key), pathOf(key));
        check(bounds, value, pathOf(key));
        return value;
    }

    /** An optional finite number. */
    @Override
    public double number(String key, double defaultValue) {
        return number(key, defaultValue, Bounds.any());
    }

    /** An optional number inside {@code bounds}. */
    public double number(String key, double defaultValue, Bounds bounds) {
        JsonNode v = optional(key);
        if (v == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        double value = toDouble(v, pathOf(key));
        check(bounds, value, pathOf(key));
        return value;
    }

    /** A required list of finite numbers. */
    @Override
    public double[] numbers(String key) {
        return numbers(key, Bounds.any());
    }

    /** A required list of numbers, each inside {@code bounds}. */
    public double[] numbers(String key, Bounds bounds) {
        ArrayNode list = requiredList(key);
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            String p = pathOf(key) + "[" + i + "]";
            values[i] = toDouble(list.get(i), p);
            check(bounds, values[i], p);
        }
        return values;
    }

    /** An optional list of numbers, each inside {@code bounds}. */
    public double[] numbers(String key, double[] defaultValue, Bounds bounds) {
        if (optional(key) == null) {
            ArrayNode list = node.putArray(key);
            Arrays.stream(defaultValue).forEach(list::add);
            return defaultValue.clone();
        }
        return numbers(key, bounds);
    }

    // ---------------------------------------------------------------- booleans, strings, choices

    /** A required {@code true}/{@code false}. */
    public boolean flag(String key) {
        return toBoolean(required(key), pathOf(key));
    }

    /** An optional {@code true}/{@code false}. */
    public boolean flag(String key, boolean defaultValue) {
        JsonNode v = optional(key);
        if (v == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        return toBoolean(v, pathOf(key));
    }

    /** A required string. */
    public String string(String key) {
        return toText(required(key), pathOf(key));
    }

    /** An optional string. */
    public String string(String key, String defaultValue) {
        JsonNode v = optional(key);
        if (v == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        return toText(v, pathOf(key));
    }

    /** A required list of strings. */
    public List<String> strings(String key) {
        ArrayNode list = requiredList(key);
        List<String> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            values.add(toText(list.get(i), pathOf(key) + "[" + i + "]"));
        }
        return List.copyOf(values);
    }

    /** A required string from a fixed set of names. */
    public String choice(String key, List<String> allowed) {
        return requireKnown(string(key), allowed, pathOf(key));
    }

    /** An optional string from a fixed set of names. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        return requireKnown(string(key, defaultValue), allowed, pathOf(key));
    }

    /**
     * A required constant of {@code type}, written in the config as {@code configName.apply(constant)}
     * (e.g. {@code Activation::configName}).
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type, Function<E, String> configName) {
        return byConfigName(string(key), type, configName, pathOf(key));
    }

    /**
     * A required list of constants of {@code type}, each written in the config as
     * {@code configName.apply(constant)}; an unknown name is reported as {@code key[i]}.
     */
    public <E extends Enum<E>> List<E> choices(String key, Class<E> type, Function<E, String> configName) {
        List<String> names = strings(key);
        List<E> values = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            values.add(byConfigName(names.get(i), type, configName, pathOf(key) + "[" + i + "]"));
        }
        return List.copyOf(values);
    }

    /** A required constant of {@code type}, written in the config as its lower-case name. */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return choice(key, type, ConfigSection::lowerCaseName);
    }

    /** An optional constant, written in the config as {@code configName.apply(constant)}. */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Function<E, String> configName) {
        String text = string(key, configName.apply(defaultValue));
        return byConfigName(text, defaultValue.getDeclaringClass(), configName, pathOf(key));
    }

    /** An optional constant, written in the config as its lower-case name. */
    public <E extends Enum<E>> E choice(String key, E defaultValue) {
        return choice(key, defaultValue, ConfigSection::lowerCaseName);
    }

    // ---------------------------------------------------------------- sections

    /** A required nested section. A key given with an empty value ({@code bp:}) is an empty section. */
    @Override
    public ConfigSection section(String key) {
        JsonNode v = node.get(key);
        document.markUsed(node, key);
        if (v == null) {
            v = document.exampleValue(node, key, pathOf(key));
        }
        if (v == null) {
            throw missing(key, "required section is missing");
        }
        if (v.isNull()) {
            return new ConfigSection(document, node.putObject(key), pathOf(key));
        }
        if (!(v instanceof ObjectNode object)) {
            throw new InputException(pathOf(key) + ": expected a section (key: value lines), got " + describe(v));
        }
        return new ConfigSection(document, object, pathOf(key));
    }

    /**
     * An optional nested section; when absent, an empty one is added to the tree so that the
     * defaults read from it are recorded in the resolved config.
     */
    public ConfigSection sectionOrEmpty(String key) {
        if (!node.has(key)) {
            node.putObject(key);
        }
        return section(key);
    }

    /** A required list of sections ({@code key[0]}, {@code key[1]}, …). */
    public List<ConfigSection> sections(String key) {
        ArrayNode list = requiredList(key);
        List<ConfigSection> sections = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String p = pathOf(key) + "[" + i + "]";
            if (!(list.get(i) instanceof ObjectNode object)) {
                throw new InputException(p + ": expected a section (key: value lines), got " + describe(list.get(i)));
            }
            sections.add(new ConfigSection(document, object, p));
        }
        return List.copyOf(sections);
    }

    // ---------------------------------------------------------------- validation helpers

    /**
     * Builds the feedback rule {@code name} from the section {@code name} of this section (e.g.
     * {@code rules.createRule("pal", registry)} reads {@code rules.pal}); an absent or empty section
     * means a rule without settings. Messages of the rule's own validation get the key path
     * prefixed: {@code rules.pal.tau_high_pass must be > 0, got 0}.
     */
    public FeedbackRule createRule(String name, FeedbackRuleRegistry registry) {
        ConfigSection settings = sectionOrEmpty(name);
        // an entry may run a rule type under its own name (e.g. pal_eta0: {type: pal, …})
        String type = settings.has(RULE_TYPE) ? settings.string(RULE_TYPE) : name;
        if (!registry.contains(type)) {
            String where = settings.has(RULE_TYPE) ? settings.pathOf(RULE_TYPE) : pathOf(name);
            throw new InputException(where + ": unknown feedback rule '" + type + "' (known: "
                    + String.join(", ", registry.names()) + "); an entry of another name gives its rule as type: NAME");
        }
        return settings.validated(() -> registry.create(type, settings));
    }

    /** The key of a rule entry that names its rule type when the entry's own name is not one. */
    public static final String RULE_TYPE = "type";

    /**
     * Runs a factory of a validated core object (a spec record, a rule) and turns its
     * {@link IllegalArgumentException} into an {@link InputException} that names this section:
     * {@code layers[2] must be > 0, got -3} from section {@code model} becomes
     * {@code model.layers[2] must be > 0, got -3}.
     */
    public <T> T validated(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InputException(qualify(e.getMessage()), e);
        }
    }

    /** Runs a validation of core (e.g. {@link FeedbackRule#validateFor}) like {@link #validated}. */
    public void check(Runnable validation) {
        validated(() -> {
            validation.run();
            return null;
        });
    }

    /** An error about {@code key} of this section, for checks that involve several keys. */
    public InputException error(String key, String message) {
        return new InputException(pathOf(key) + ": " + message);
    }

    /** An error about this section as a whole. */
    public InputException error(String message) {
        return new InputException((path.isEmpty() ? document.sourceName() : path) + ": " + message);
    }

    /** Prefixes this section's path to a message from core validation, joining key paths with a dot. */
    String qualify(String message) {
        String m = Messages.oneLine(message, "invalid value");
        if (path.isEmpty()) {
            return m;
        }
        Matcher k = LEADING_KEY.matcher(m);
        if (k.matches() && node.has(k.group(1)) && (k.group(4) != null || !k.group(3).isEmpty())) {
            return path + "." + m;
        }
        return path + ": " + m;
    }

    // ---------------------------------------------------------------- internals

    private JsonNode optional(String key) {
        document.markUsed(node, key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private JsonNode required(String key) {
        JsonNode v = optional(key);
        if (v == null) {
            v = document.exampleValue(node, key, pathOf(key));
        }
        if (v == null) {
            throw missing(key, "required key is missing");
        }
        return v;
    }

    /** {@code key} is missing; the message points at a present key that is probably a misspelling of it. */
    private MissingKeyException missing(String key, String problem) {
        for (String present : keys()) {
            if (!present.equals(key) && editDistance(present, key) <= 2) {
                return new MissingKeyException(pathOf(key), pathOf(present),
                        pathOf(key) + ": " + problem + " (found '" + present + "': a typo?)");
            }
        }
        return new MissingKeyException(pathOf(key), null, pathOf(key) + ": " + problem);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private ArrayNode requiredList(String key) {
        JsonNode v = required(key);
        if (!(v instanceof ArrayNode list)) {
            throw new InputException(pathOf(key) + ": expected a list, got " + describe(v));
        }
        return list;
    }

    private static long toLong(JsonNode v, String path) {
        if (v.isIntegralNumber()) {
            if (v.canConvertToLong()) {
                return v.longValue();
            }
        } else if (v.isFloatingPointNumber()) {
            // 1e6 is a float in YAML; accept it where an integer is expected if it is one exactly.
            double d = v.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                return (long) d;
            }
        }
        throw new InputException(path + ": expected an integer, got " + describe(v));
    }

    private static int toInt(JsonNode v, String path) {
        long value = toLong(v, path);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InputException(path + ": expected an integer between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE + ", got " + describe(v));
        }
        return (int) value;
    }

    private static double toDouble(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw new InputException(path + ": expected a number, got " + describe(v));
        }
        return v.doubleValue();
    }

    private static boolean toBoolean(JsonNode v, String path) {
        if (!v.isBoolean()) {
            throw new InputException(path + ": expected true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    private static String toText(JsonNode v, String path) {
        if (!v.isTextual()) {
            String hint = v.isValueNode() ? " (put it in quotes to use it as text)" : "";
            throw new InputException(path + ": expected a string, got " + describe(v) + hint);
        }
        return v.textValue();
    }

    private static void check(Bounds bounds, double value, String path) {
        if (!bounds.contains(value)) {
            throw new InputException(path + ": " + bounds.requirement() + ", got " + Bounds.format(value));
        }
    }

    private static String requireKnown(String value, List<String> allowed, String path) {
        if (!allowed.contains(value)) {
            throw new InputException(path + ": unknown value '" + value + "' (known: " + String.join(", ", allowed) + ")");
        }
        return value;
    }

    private static <E extends Enum<E>> E byConfigName(String text, Class<E> type, Function<E, String> configName, String path) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = configName.apply(constant);
            if (name.equals(text)) {
                return constant;
            }
            names.add(name);
        }
        throw new InputException(path + ": unknown value '" + text + "' (known: " + String.join(", ", names) + ")");
    }

    private static String lowerCaseName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** A value as it appears in an error message. */
    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return NODES.textNode(v.textValue()).toString();
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a section";
        }
        if (v.isFloatingPointNumber()) {
            return Bounds.format(v.doubleValue());
        }
        return v.asText();
    }
}
