package palsim.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.OptionalInt;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.experiment.CommonSettings;

/**
 * Command-line changes to a config, applied to its tree before parsing, so that the resolved
 * config.yaml shows what actually ran.
 *
 * @param seeds {@code --seeds N}: keep the first N seeds of the config's list
 * @param epochs {@code --epochs N}: replace {@code epochs}
 */
public record RunOverrides(OptionalInt seeds, OptionalInt epochs) {

    public RunOverrides {
        if (seeds.isPresent() && seeds.getAsInt() < 1) {
            throw new InputException("--seeds: must be >= 1, got " + seeds.getAsInt());
        }
        if (epochs.isPresent() && epochs.getAsInt() < 1) {
            throw new InputException("--epochs: must be >= 1, got " + epochs.getAsInt());
        }
    }

    /** No overrides. */
    public static RunOverrides none() {
        return new RunOverrides(OptionalInt.empty(), OptionalInt.empty());
    }

    /**
     * Applies the overrides.
     *
     * @throws InputException when {@code --seeds} asks for more seeds than the config lists
     */
    public void applyTo(ConfigDocument document) {
        if (seeds.isPresent()) {
            JsonNode list = document.get(CommonSettings.SEEDS);
            // A missing or malformed seeds key is reported by the parser, naming the key.
            if (list instanceof ArrayNode array) {
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
        }
        if (epochs.isPresent()) {
            document.replace(CommonSettings.EPOCHS, IntNode.valueOf(epochs.getAsInt()));
        }
    }
}
