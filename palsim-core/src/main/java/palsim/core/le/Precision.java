package palsim.core.le;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Floating-point precision of a network's state, weights and arithmetic: of an LE network and of
 * the microcircuit lane engine. The references run in float32; float32 is also the fast path
 * (twice the lanes per vector).
 */
public enum Precision {
    /** IEEE single precision, {@code float[]} state. */
    FLOAT32("float32"),
    /** IEEE double precision, {@code double[]} state. */
    FLOAT64("float64");

    private final String configName;

    Precision(String configName) {
        this.configName = configName;
    }

    /** The configuration name, {@code float32} or {@code float64}. */
    public String configName() {
        return configName;
    }

    /**
     * By configuration name.
     *
     * @throws IllegalArgumentException naming the known precisions
     */
    public static Precision byName(String name) {
        for (Precision p : values()) {
            if (p.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + name + "'; known: "
                + Arrays.stream(values()).map(Precision::configName).collect(Collectors.joining(", ")));
    }
}
