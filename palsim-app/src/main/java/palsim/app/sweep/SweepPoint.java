package palsim.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One configuration of a sweep: the value of every swept key.
 *
 * @param index position in the sweep, from 0 (grid order, then zip position)
 * @param values one value per swept key, in {@link SweepSpec#axes()} order
 */
public record SweepPoint(int index, List<Value> values) {

    /** A swept key and its value at this point. */
    public record Value(String path, JsonNode value) {
        /** The value as compact text: {@code 0.005}, {@code [10,10,10]}, {@code tanh}. */
        public String text() {
            return value.isTextual() ? value.textValue() : value.toString();
        }
    }

    public SweepPoint {
        values = List.copyOf(values);
    }

    /** Every point of {@code spec}: the grid's combinations (first key slowest), each with every zip position. */
    public static List<SweepPoint> of(SweepSpec spec) {
        List<List<Value>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (SweepSpec.Axis axis : spec.grid()) {
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> combination : combinations) {
                for (JsonNode value : axis.values()) {
                    List<Value> extended = new ArrayList<>(combination);
                    extended.add(new Value(axis.path(), value));
                    next.add(extended);
                }
            }
            combinations = next;
        }
        int zipLength = spec.zip().isEmpty() ? 1 : spec.zip().getFirst().values().size();
        List<SweepPoint> points = new ArrayList<>();
        for (List<Value> combination : combinations) {
            for (int z = 0; z < zipLength; z++) {
                List<Value> values = new ArrayList<>(combination);
                for (SweepSpec.Axis axis : spec.zip()) {
                    values.add(new Value(axis.path(), axis.values().get(z)));
                }
                points.add(new SweepPoint(points.size(), values));
            }
        }
        return points;
    }

    /** The point's directory name under the sweep directory: {@code point-003}. */
    public String directoryName() {
        return String.format(Locale.ROOT, "point-%03d", index);
    }

    /** {@code model.dt=0.005, rules.pal.learning_rates=[10,10,10]}. */
    public String label() {
        return values.stream().map(v -> v.path() + "=" + v.text()).collect(Collectors.joining(", "));
    }
}
