package palsim.app.experiment;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;

/**
 * The top-level keys every experiment config has (docs/config.md, "Common keys").
 *
 * @param task selects the experiment ({@code ExperimentRegistry})
 * @param description free text, shown by {@code palsim presets}; may be empty
 * @param seeds the run seeds, in config order (distinct, ≥ 0); each seed is one independent repetition
 * @param epochs training epochs after epoch 0 (≥ 1)
 */
public record CommonSettings(String task, String description, List<Long> seeds, int epochs) {
    public static final String TASK = "task";
    public static final String DESCRIPTION = "description";
    public static final String SEEDS = "seeds";
    public static final String EPOCHS = "epochs";

    public CommonSettings {
        seeds = List.copyOf(seeds);
    }

    /** Reads the common keys of a config's top level. */
    public static CommonSettings parse(ConfigSection root) {
        String task = root.string(TASK);
        String description = root.string(DESCRIPTION, "");
        long[] seeds = root.longIntegers(SEEDS, Bounds.nonNegative());
        if (seeds.length == 0) {
            throw root.error(SEEDS, "needs at least one seed");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < seeds.length; i++) {
            if (!seen.add(seeds[i])) {
                throw root.error(SEEDS + "[" + i + "]", "seed " + seeds[i] + " is listed twice");
            }
        }
        int epochs = root.integer(EPOCHS, Bounds.atLeast(1));
        return new CommonSettings(task, description, Arrays.stream(seeds).boxed().toList(), epochs);
    }

    /** Position of {@code seed} in {@link #seeds()}, or -1. */
    public int seedIndex(long seed) {
        return seeds.indexOf(seed);
    }
}
