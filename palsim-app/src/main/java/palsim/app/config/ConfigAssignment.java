package palsim.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import palsim.app.InputException;

/**
 * One {@code --set key.path=value} from the command line: a key path into the config and a YAML
 * value that replaces (or adds) the value there before the config is read, so the value is checked
 * exactly as if the file had it.
 *
 * <p>The path is dotted section keys, each optionally followed by list indices:
 * {@code rules.pal.learning_rates}, {@code model.layers[2]}. Missing sections on the way are
 * created; an index must point into an existing list. The value is YAML as in the file:
 * {@code 0.5}, {@code [10, 10, 10]}, {@code {std: [0.1], tau: 1}}, {@code linear}; an empty value
 * means "not given" (the default applies), as {@code key:} does in a file.
 *
 * @param source where it comes from, starting its messages: {@code --set}, or the sweep key that
 *     sets it ({@code sweep.grid})
 * @param text the assignment as typed, for messages
 * @param path the key path, e.g. {@code model.layers[2]}
 * @param steps the path split into keys and list indices
 * @param value the parsed value (YAML null for "not given")
 */
public record ConfigAssignment(String source, String text, String path, List<Step> steps, JsonNode value) {
    /** The source of command-line assignments. */
    public static final String COMMAND_LINE = "--set";

    /** A key segment with its optional indices: {@code layers}, {@code layers[2]}, {@code m[0][1]}. */
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** One step of a path: into a section by {@code key}, or into a list by {@code index}. */
    public record Step(String key, int index) {
        boolean isKey() {
            return key != null;
        }
    }

    public ConfigAssignment {
        steps = List.copyOf(steps);
    }

    /**
     * Parses {@code key.path=value}.
     *
     * @throws InputException naming the option when the form, the path or the YAML value is bad
     */
    public static ConfigAssignment parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new InputException("--set " + text + ": expected KEY=VALUE, e.g. --set model.dt=0.01");
        }
        String path = text.substring(0, equals).strip();
        List<Step> steps = steps(COMMAND_LINE + " " + text, path);
        JsonNode value = ConfigDocument.parseValue(text.substring(equals + 1), "--set " + path);
        return new ConfigAssignment(COMMAND_LINE, text, path, steps, value);
    }

    /**
     * An assignment made by palsim itself, e.g. one point of a sweep.
     *
     * @param source starts its messages, e.g. {@code sweep.grid}
     * @throws InputException when {@code path} is not a key path
     */
    public static ConfigAssignment of(String source, String path, JsonNode value) {
        return new ConfigAssignment(source, path + "=" + value, path, steps(source + "." + path, path), value);
    }

    private static List<Step> steps(String shownAs, String path) {
        List<Step> steps = new ArrayList<>();
        for (String segment : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                throw new InputException(shownAs + ": '" + path + "' is not a key path (keys separated by dots,"
                        + " list entries as key[i], e.g. model.layers[2])");
            }
            steps.add(new Step(m.group(1), -1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                steps.add(new Step(null, Integer.parseInt(index.group(1))));
            }
        }
        return steps;
    }

    /**
     * Writes the value into {@code tree}, creating missing sections on the way.
     *
     * @throws InputException when the path runs into a value that is not a section (or not a list
     *     where an index is given), or past the end of a list
     */
    void applyTo(ObjectNode tree) {
        JsonNode node = tree;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Step next = last ? null : steps.get(i + 1);
            if (step.isKey()) {
                ObjectNode section = (ObjectNode) node;
                at.append(at.isEmpty() ? "" : ".").append(step.key());
                if (last) {
                    section.set(step.key(), value);
                    return;
                }
                JsonNode child = section.get(step.key());
                if (next.isKey() && (child == null || child.isNull())) {
                    child = section.putObject(step.key());
                }
                node = expect(child, next, at.toString());
            } else {
                ArrayNode list = (ArrayNode) node;
                if (step.index() >= list.size()) {
                    throw new InputException(source + " " + path + ": " + at + " has " + list.size() + " entries, no index "
                            + step.index());
                }
                at.append('[').append(step.index()).append(']');
                if (last) {
                    list.set(step.index(), value);
                    return;
                }
                node = expect(list.get(step.index()), next, at.toString());
            }
        }
    }

    /** {@code child} when it is what {@code next} steps into: a section for a key, a list for an index. */
    private JsonNode expect(JsonNode child, Step next, String at) {
        if (next.isKey() && !(child instanceof ObjectNode)) {
            throw new InputException(source + " " + path + ": " + at + " is " + ConfigSection.describe(child) + ", not a section");
        }
        if (!next.isKey() && !(child instanceof ArrayNode)) {
            throw new InputException(source + " " + path + ": " + at + " is " + ConfigSection.describe(child) + ", not a list");
        }
        return child;
    }

    /** Whether this assignment wrote {@code keyPath} or a key inside it, or a section that holds it. */
    boolean touches(String keyPath) {
        return keyPath.equals(path) || keyPath.startsWith(path + ".") || keyPath.startsWith(path + "[")
                || path.startsWith(keyPath + ".") || path.startsWith(keyPath + "[");
    }
}
