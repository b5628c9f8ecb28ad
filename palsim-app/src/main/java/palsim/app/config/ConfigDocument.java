package palsim.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import palsim.app.InputException;
import palsim.app.Messages;

/**
 * A YAML config held as a mutable tree, with a record of which keys were read.
 *
 * <p>Life of a document: {@link #load} (or {@link #parse}) → command-line overrides with
 * {@link #apply} and {@link #replace} → parsing through {@link #root()} (reads mark keys used, used defaults are
 * written into the tree) → {@link #rejectUnknownKeys()} → {@link #toYaml()}, the resolved config
 * that reloads to the same settings. Not thread-safe: a document is parsed on one thread, before
 * anything runs.
 */
public final class ConfigDocument {
    /** YAML reader; {@code new YAMLFactory()} reads an empty value ({@code key:}) as null, as YAML means it. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String sourceName;
    private final ObjectNode tree;
    /** Keys read per mapping (identity: two equal mappings are still two places in the file). */
    private final Map<ObjectNode, Set<String>> usedKeys = new IdentityHashMap<>();
    /** The {@code --set} assignments applied, so that messages about their keys name the option, not the file. */
    private final List<ConfigAssignment> assignments = new ArrayList<>();

    /** Where missing required keys are taken from in a copy made by {@link #withExample}; null otherwise. */
    private final ConfigDocument example;

    private ConfigDocument(String sourceName, ObjectNode tree) {
        this(sourceName, tree, null);
    }

    private ConfigDocument(String sourceName, ObjectNode tree, ConfigDocument example) {
        this.sourceName = sourceName;
        this.tree = tree;
        this.example = example;
    }

    /**
     * Reads a config file.
     *
     * @throws InputException naming the file when it is missing, unreadable, empty, not valid YAML,
     *     or not a mapping of keys at the top level
     */
    public static ConfigDocument load(Path file) {
        return load(file, file.toString());
    }

    /**
     * Reads a config file, naming it {@code shownAs} in messages about the file (e.g. the path as the
     * user typed it, when {@code file} was resolved against a working directory).
     */
    public static ConfigDocument load(Path file, String shownAs) {
        String name = shownAs;
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a directory, not a config file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not a text file (expected UTF-8 YAML)");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.getFileName() == null ? name : file.getFileName().toString());
    }

    /**
     * Parses YAML text; {@code sourceName} (a file name, {@code preset fig1b}) starts the messages of
     * errors that concern the document as a whole.
     */
    public static ConfigDocument parse(String yamlText, String sourceName) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new InputException(sourceName + ": not valid YAML: " + describeSyntaxError(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InputException(sourceName + ": empty config (expected keys such as task, seeds, epochs)");
        }
        if (!(root instanceof ObjectNode object)) {
            throw new InputException(sourceName + ": expected key: value lines at the top level, got "
                    + ConfigSection.describe(root));
        }
        return new ConfigDocument(sourceName, object);
    }

    /** Where the document came from, for messages: a file name or {@code preset <name>}. */
    public String sourceName() {
        return sourceName;
    }

    /** The top-level section. */
    public ConfigSection root() {
        return new ConfigSection(this, tree, "");
    }

    /** The top-level value of {@code key}, or {@code null}; for overrides, marks nothing as used. */
    public JsonNode get(String key) {
        return tree.get(key);
    }

    /** Replaces (or adds) a top-level value; for command-line overrides applied before parsing. */
    public void replace(String key, JsonNode value) {
        tree.set(key, value);
    }

    /** Removes a top-level key before parsing (a section palsim itself reads, such as {@code sweep}). */
    public void remove(String key) {
        tree.remove(key);
    }

    /**
     * Applies a {@code --set} assignment before parsing; an unknown key it introduced is then reported
     * as coming from {@code --set}.
     *
     * @throws InputException when its path does not fit the tree
     */
    public void apply(ConfigAssignment assignment) {
        assignment.applyTo(tree);
        assignments.add(assignment);
    }

    /**
     * Fails on the first key (in file order) that nothing read, listing the keys its section knows.
     * Sections that were never opened are skipped (their parent key was read as a whole).
     *
     * @throws InputException e.g. {@code fig1b.yaml: unknown key 'model.layrs' (known: activation, dt, layers)}
     */
    public void rejectUnknownKeys() {
        List<String> unknown = new ArrayList<>();
        List<String> firstKnown = new ArrayList<>();
        collectUnknown(tree, "", unknown, firstKnown);
        if (!unknown.isEmpty()) {
            String more = unknown.size() > 1 ? " and " + (unknown.size() - 1) + " more unknown key"
                    + (unknown.size() > 2 ? "s" : "") + " (" + String.join(", ", unknown.subList(1, unknown.size())) + ")" : "";
            String first = unknown.getFirst();
            String source = assignments.stream().filter(a -> a.touches(first)).map(ConfigAssignment::source).findFirst()
                    .orElse(sourceName);
            throw new UnknownKeyException(unknown, source + ": unknown key '" + first + "' (known: "
                    + (firstKnown.isEmpty() ? "none" : String.join(", ", firstKnown)) + ")" + more);
        }
    }

    /** The tree as YAML: block mappings, flow lists of scalars; reloads to an equal tree. */
    public String toYaml() {
        return YamlEmitter.emit(tree);
    }

    /** The tree as YAML under a comment header (each line of {@code header} becomes a comment). */
    public String toYaml(String header) {
        StringBuilder out = new StringBuilder();
        header.lines().forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        return out.append(YamlEmitter.emit(tree)).toString();
    }

    /** An unparsed copy (the tree as it is now, the {@code --set} assignments applied so far). */
    public ConfigDocument copy() {
        ConfigDocument copy = new ConfigDocument(sourceName, tree.deepCopy(), null);
        copy.assignments.addAll(assignments);
        return copy;
    }

    /**
     * A copy that, when parsed, takes every missing required key from {@code example} (a complete
     * config of the same task) instead of failing. Its only use: after a missing key stopped the
     * parse, parsing this copy to the end finds the unknown keys the user should hear about at once.
     */
    public ConfigDocument withExample(ConfigDocument example) {
        ConfigDocument copy = new ConfigDocument(sourceName, tree.deepCopy(), example);
        copy.assignments.addAll(assignments);
        return copy;
    }

    /**
     * The example's value at {@code path}, written into {@code node} as {@code key}, or null when
     * there is no example or it has no such key.
     */
    JsonNode exampleValue(ObjectNode node, String key, String path) {
        if (example == null) {
            return null;
        }
        JsonNode value = example.tree;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            value = value.get(bracket < 0 ? segment : segment.substring(0, bracket));
            for (int at = bracket; value != null && at >= 0; at = segment.indexOf('[', at + 1)) {
                value = value.get(Integer.parseInt(segment.substring(at + 1, segment.indexOf(']', at))));
            }
            if (value == null) {
                return null;
            }
        }
        JsonNode copy = value.deepCopy();
        node.set(key, copy);
        return copy;
    }

    /** A deep copy of the tree, for comparisons. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    void markUsed(ObjectNode node, String key) {
        usedKeys.computeIfAbsent(node, n -> new LinkedHashSet<>()).add(key);
    }

    void markEntered(ObjectNode node) {
        usedKeys.computeIfAbsent(node, n -> new LinkedHashSet<>());
    }

    private void collectUnknown(JsonNode node, String path, List<String> unknown, List<String> firstKnown) {
        if (node instanceof ObjectNode object) {
            Set<String> used = usedKeys.get(object);
            if (used == null) {
                return;
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String p = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!used.contains(field.getKey())) {
                    if (unknown.isEmpty()) {
                        firstKnown.addAll(new TreeSet<>(used));
                    }
                    unknown.add(p);
                } else {
                    collectUnknown(field.getValue(), p, unknown, firstKnown);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnknown(node.get(i), path + "[" + i + "]", unknown, firstKnown);
            }
        }
    }

    /**
     * One YAML value on its own (a {@code --set} value): scalars, flow lists and flow mappings read
     * exactly as they would after {@code key:} in a file; empty text is YAML null ("not given").
     *
     * @throws InputException starting with {@code shownAs} when it is not valid YAML
     */
    static JsonNode parseValue(String text, String shownAs) {
        JsonNode value;
        try {
            value = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(shownAs + ": not valid YAML: " + describeSyntaxError(e), e);
        }
        return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    }

    private static String describeSyntaxError(JsonProcessingException e) {
        // Jackson wraps SnakeYAML's syntax errors; the cause says what and where without the excerpt.
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            Mark mark = yaml.getProblemMark();
            String where = mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
            return Messages.oneLine(yaml.getProblem(), "syntax error") + where;
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String message = Messages.oneLine(e.getOriginalMessage(), "syntax error");
        if (message.startsWith("Duplicate field")) {
            message = "duplicate key" + message.substring("Duplicate field".length());
        }
        return message + where;
    }
}
