package palsim.core.le;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the output error is formed from the target y (le-network.md §2.3 S2, pitfall 8); both are
 * scaled by β and computed from the previous step's output.
 */
public enum TargetType {
    /** E_trg = r'_K ⊙ (y − r_K) (MNIST). */
    RATE("rate"),
    /** E_trg = y − ŭ_K, no derivative factor (CIFAR). */
    MSE("mse");

    private final String configName;

    TargetType(String configName) {
        this.configName = configName;
    }

    /** The configuration name, {@code rate} or {@code mse}. */
    public String configName() {
        return configName;
    }

    /**
     * By configuration name.
     *
     * @throws IllegalArgumentException naming the known target types
     */
    public static TargetType byName(String name) {
        for (TargetType t : values()) {
            if (t.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target type '" + name + "'; known: "
                + Arrays.stream(values()).map(TargetType::configName).collect(Collectors.joining(", ")));
    }
}
