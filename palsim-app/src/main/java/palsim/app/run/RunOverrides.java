package palsim.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.OptionalInt;
import palsim.app.InputException;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;
import palsim.app.experiment.CommonSettings;

/**
 * Command-line changes to a config, applied to its tree before parsing, so that the resolved
 * config.yaml shows what actually ran and every changed value is checked like the file's.
 *
 * <p>Order: the {@code --set} assignments in the order given, then {@code --seeds} and
 * {@code --epochs}. These two shorten a valid config, so the config's own {@code seeds} and
 * {@code epochs} are checked first (an override never hides a bad value); keys of the experiment
 * that count epochs are fitted to {@code --epochs} by {@code Experiment.fitToEpochs}.
 *
 * @param seeds {@code --seeds N}: keep the first N seeds of the config's list
 * @param epochs {@code --epochs N}: replace {@code epochs}
 * @param assignments {@code --set key.path=value}, in the order given
 */
public record RunOverrides(OptionalInt seeds, OptionalInt epochs, List<ConfigAssignment> assignments) {

    public RunOverrides {
        if (seeds.isPresent() && seeds.getAsInt() < 1) {
            throw new InputException("--seeds: must be >= 1, got " + seeds.getAsInt());
        }
        if (epochs.isPresent() && epochs.getAsInt() < 1) {
            throw new InputException("--epochs: must be >= 1, got " + epochs.getAsInt());
        }
        assignments = List.copyOf(assignments);
    }

    /** {@code --seeds} and {@code --epochs} without {@code --set}. */
    public RunOverrides(OptionalInt seeds, OptionalInt epochs) {
        this(seeds, epochs, List.of());
    }

    /** No overrides. */
    public static RunOverrides none() {
        return new RunOverrides(OptionalInt.empty(), OptionalInt.empty(), List.of());
    }

    /**
     * Applies the overrides.
     *
     * @throws InputException for an assignment that does not fit the config, a bad {@code seeds} or
     *     {@code epochs} in the config when {@code --seeds} or {@code --epochs} would replace it, and
     *     {@code --seeds} asking for more seeds than the config lists
     */
    public void applyTo(ConfigDocument document) {
        assignments.forEach(document::apply);
        if (seeds.isPresent() || epochs.isPresent()) {
            CommonSettings.parse(document.root());
        }
        if (seeds.isPresent()) {
            JsonNode list = document.get(CommonSettings.SEEDS);
            ArrayNode array = (ArrayNode) list;
            int n = seeds.getAsInt();
            if (n > array.size()) {
                throw new InputException("--seeds: asked for the first " + n + " seeds, but " + document.sourceName()
                        + " lists " + array.size());
            }
            ArrayNode first = array.arrayNode();
            for (int i = 0; i < n; i++) {
                first.add(array.get(i));
            }
            document.replace(CommonSettings.SEEDS, first);
        }
        if (epochs.isPresent()) {
            document.replace(CommonSettings.EPOCHS, IntNode.valueOf(epochs.getAsInt()));
        }
    }
}
