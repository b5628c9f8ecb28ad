package palsim.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import palsim.app.InputException;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;

/**
 * The {@code sweep} section of a config (docs/config.md, "Sweeps"): which config keys take which
 * values. {@code grid} keys take every combination of their values (the first key varies slowest);
 * {@code zip} keys have lists of one length and vary together; with both, every grid combination
 * runs with every zip position. {@code seeds} replaces the config's seeds for every point.
 *
 * @param grid the grid keys in config order
 * @param zip the zipped keys in config order
 * @param seeds the seeds of every point, when given
 */
public record SweepSpec(List<Axis> grid, List<Axis> zip, Optional<List<Long>> seeds) {
    /** The section's key in a config. */
    public static final String SECTION = "sweep";

    /** One swept key: its path (as for {@code --set}) and its values. */
    public record Axis(String path, List<JsonNode> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public SweepSpec {
        grid = List.copyOf(grid);
        zip = List.copyOf(zip);
        seeds = seeds.map(List::copyOf);
    }

    /** Every swept key, grid keys first. */
    public List<Axis> axes() {
        List<Axis> all = new ArrayList<>(grid);
        all.addAll(zip);
        return all;
    }

    /**
     * Takes the {@code sweep} section out of {@code document} (so the experiment never sees it) and
     * reads it.
     *
     * @throws InputException naming the key for a missing or malformed section, an empty or
     *     non-list value, zip lists of different lengths, a key swept twice or a bad key path
     */
    public static SweepSpec takeFrom(ConfigDocument document) {
        JsonNode section = document.get(SECTION);
        if (section == null || section.isNull()) {
            throw new InputException(document.sourceName() + ": no sweep section (sweep: {grid: {key: [values]}}; see docs/config.md)");
        }
        document.remove(SECTION);
        if (!(section instanceof ObjectNode object)) {
            throw new InputException(SECTION + ": expected a section (grid, zip, seeds), got " + section.getNodeType().name().toLowerCase());
        }
        Set<String> swept = new HashSet<>();
        List<Axis> grid = List.of();
        List<Axis> zip = List.of();
        Optional<List<Long>> seeds = Optional.empty();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            switch (entry.getKey()) {
                case "grid" -> grid = axes("grid", entry.getValue(), swept);
                case "zip" -> zip = axes("zip", entry.getValue(), swept);
                case "seeds" -> seeds = Optional.of(seeds(entry.getValue()));
                case SlurmSettings.KEY -> { } // the SLURM executor's resources: read by SlurmSettings
                default -> throw new InputException(document.sourceName() + ": unknown key '" + SECTION + "." + entry.getKey()
                        + "' (known: grid, seeds, " + SlurmSettings.KEY + ", zip)");
            }
        }
        if (grid.isEmpty() && zip.isEmpty()) {
            throw new InputException(SECTION + ": needs at least one key to sweep, under grid or zip");
        }
        for (Axis axis : zip) {
            if (axis.values().size() != zip.getFirst().values().size()) {
                throw new InputException(SECTION + ".zip." + axis.path() + ": has " + axis.values().size() + " values, but "
                        + SECTION + ".zip." + zip.getFirst().path() + " has " + zip.getFirst().values().size()
                        + " (zipped keys vary together)");
            }
        }
        return new SweepSpec(grid, zip, seeds);
    }

    private static List<Axis> axes(String kind, JsonNode node, Set<String> swept) {
        String at = SECTION + "." + kind;
        if (!(node instanceof ObjectNode keys) || keys.isEmpty()) {
            throw new InputException(at + ": expected key: [values] lines, e.g. model.dt: [0.01, 0.005]");
        }
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : keys.properties()) {
            String path = entry.getKey();
            // The path must be one --set would take; its value does not matter here.
            ConfigAssignment.of(at, path, NullNode.getInstance());
            if (!(entry.getValue() instanceof ArrayNode values) || values.isEmpty()) {
                throw new InputException(at + "." + path + ": expected a non-empty list of values");
            }
            if (!swept.add(path) || path.equals("seeds")) {
                throw new InputException(at + "." + path + ": " + (path.equals("seeds")
                        ? "sweep seeds with sweep.seeds" : "is swept twice"));
            }
            List<JsonNode> list = new ArrayList<>();
            values.forEach(list::add);
            axes.add(new Axis(path, list));
        }
        return axes;
    }

    private static List<Long> seeds(JsonNode node) {
        if (!(node instanceof ArrayNode list) || list.isEmpty()) {
            throw new InputException(SECTION + ".seeds: expected a non-empty list of seeds");
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).canConvertToExactIntegral() || list.get(i).asLong() < 0) {
                throw new InputException(SECTION + ".seeds[" + i + "]: expected an integer >= 0, got " + list.get(i));
            }
            seeds.add(list.get(i).asLong());
        }
        return seeds;
    }
}
