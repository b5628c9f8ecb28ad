package palsim.app.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import palsim.app.data.DataFileException;

/**
 * A position in a trace file's JSON tree that knows its path, so that every complaint about the
 * file names the file and the exact place ({@code fig1c.json.gz: checkpoints.10.WPP[1]: expected
 * 10 rows, got 9}).
 */
final class TraceNode {
    private final String file;
    private final String path;
    private final JsonNode node;

    TraceNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    boolean isNull() {
        return node == null || node.isNull();
    }

    boolean isText() {
        return node != null && node.isTextual();
    }

    boolean has(String key) {
        return node != null && node.has(key);
    }

    /** The object member {@code key}, which must exist. */
    TraceNode field(String key) {
        requireObject();
        JsonNode child = node.get(key);
        if (child == null) {
            throw error("missing " + key);
        }
        return new TraceNode(file, child(key), child);
    }

    /** The member names of an object, in file order. */
    List<String> keys() {
        requireObject();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The elements of an array. */
    List<TraceNode> elements() {
        if (node == null || !node.isArray()) {
            throw error("expected a list, got " + kind());
        }
        List<TraceNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new TraceNode(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    double number() {
        if (node == null || !node.isNumber()) {
            throw error("expected a number, got " + kind());
        }
        return node.doubleValue();
    }

    int integer() {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("expected a whole number, got " + kind());
        }
        return node.intValue();
    }

    boolean bool() {
        if (node == null || !node.isBoolean()) {
            throw error("expected true or false, got " + kind());
        }
        return node.booleanValue();
    }

    String text() {
        if (node == null || !node.isTextual()) {
            throw error("expected a string, got " + kind());
        }
        return node.textValue();
    }

    /** A list of numbers; {@code size} < 0 accepts any length. */
    double[] vector(int size) {
        List<TraceNode> items = elements();
        if (size >= 0 && items.size() != size) {
            throw error("expected " + size + " values, got " + items.size());
        }
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = items.get(i).number();
        }
        return v;
    }

    /** A row-major matrix given as a list of rows. */
    double[] matrix(int rows, int cols) {
        List<TraceNode> items = elements();
        if (items.size() != rows) {
            throw error("expected " + rows + " rows of " + cols + ", got " + items.size() + " rows");
        }
        double[] m = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(items.get(i).vector(cols), 0, m, i * cols, cols);
        }
        return m;
    }

    /** A complaint about this place in the file: {@code FILE: PATH: problem}. */
    DataFileException error(String problem) {
        return new DataFileException(file, (path.isEmpty() ? "" : path + ": ") + problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void requireObject() {
        if (node == null || !node.isObject()) {
            throw error("expected an object, got " + kind());
        }
    }

    private String kind() {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "'" + node.textValue() + "'";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "an object";
        }
        return node.toString();
    }
}
