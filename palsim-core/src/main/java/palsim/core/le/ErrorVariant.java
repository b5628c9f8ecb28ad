package palsim.core.le;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two versions of the reference LE layer (le-network.md §0.3, §2.2, §2.3 S3.7). They share
 * everything except how a layer's error e_k enters its own dynamics and what it sends down:
 *
 * <pre>
 *   ERROR_INJECTION (Variant A):  ŭ_k = a_k + e_k + ξ_k,   g_k = ŭ_k − a_k = e_k + ξ_k
 *   DIRECT_TRANSPORT (Variant B): ŭ_k = a_k + ξ_k,         g_k = e_k
 * </pre>
 *
 * with d_{k−1} = r'_{k−1} ⊙ (M_k g_k) the error handed to the population below through the
 * feedback matrix M_k. Variant A produced the MNIST autoencoder results (Fig. 5) and is the
 * default; Variant B produced the CIFAR-10 results (Fig. 6).
 */
public enum ErrorVariant {
    /** Variant A: errors nudge the activity; the PAL noise leaks into the error pathway. */
    ERROR_INJECTION("injection"),
    /** Variant B: no nudging; the stored error is transported down directly, without noise. */
    DIRECT_TRANSPORT("direct");

    private final String configName;

    ErrorVariant(String configName) {
        this.configName = configName;
    }

    /** The configuration name, {@code injection} or {@code direct}. */
    public String configName() {
        return configName;
    }

    /**
     * By configuration name.
     *
     * @throws IllegalArgumentException naming the known variants
     */
    public static ErrorVariant byName(String name) {
        for (ErrorVariant v : values()) {
            if (v.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown error variant '" + name + "'; known: "
                + Arrays.stream(values()).map(ErrorVariant::configName).collect(Collectors.joining(", ")));
    }
}
