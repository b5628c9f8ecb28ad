package palsim.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a config tree as YAML that a person reads easily and that parses back to an equal tree:
 * block mappings indented by two spaces, lists of scalars in flow style ({@code layers: [5, 20, 5]}),
 * lists of mappings in block style, numbers in Java's shortest round-trip form, strings plain when
 * that is unambiguous and double-quoted otherwise.
 */
final class YamlEmitter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    /** Words YAML 1.1 reads as booleans or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    private YamlEmitter() {}

    static String emit(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        mapping(tree, 0, out);
        return out.toString();
    }

    private static void mapping(JsonNode object, int indent, StringBuilder out) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            out.repeat(' ', indent).append(scalarText(field.getKey())).append(':');
            value(field.getValue(), indent, out);
        }
    }

    /** The value after {@code key:}, ending the line(s). */
    private static void value(JsonNode v, int indent, StringBuilder out) {
        if (v.isObject() && !v.isEmpty()) {
            out.append('\n');
            mapping(v, indent + 2, out);
        } else if (v.isArray() && !v.isEmpty() && !allScalars(v)) {
            out.append('\n');
            for (JsonNode element : v) {
                out.repeat(' ', indent + 2).append('-');
                if (element.isObject() && !element.isEmpty()) {
                    // First field on the dash line, the rest aligned under it.
                    StringBuilder block = new StringBuilder();
                    mapping(element, indent + 4, block);
                    out.append(' ').append(block, indent + 4, block.length());
                } else {
                    value(element, indent + 2, out);
                }
            }
        } else {
            out.append(' ').append(inline(v)).append('\n');
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode() && !element.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String inline(JsonNode v) {
        if (v.isObject()) {
            return "{}";
        }
        if (v.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
                s.append(inline(it.next()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append(']').toString();
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return number(v.doubleValue());
        }
        return scalarText(v.asText());
    }

    /** Java's shortest representation that reads back to the same double, in a form YAML reads as a float. */
    private static String number(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return Double.toString(d);
    }

    private static String scalarText(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return JsonNodeFactory.instance.textNode(text).toString();
    }
}
