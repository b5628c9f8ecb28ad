package palsim.core.microcircuit;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The whole dynamic state of one seed's microcircuit: every {@link CircuitQuantity} a step reads,
 * per layer. Engines write one with {@code snapshot(…)} and continue from one with
 * {@code restore(…)}; a snapshot holds only the quantities it was given (an engine's snapshot omits
 * the filter states its feedback rule does not keep, e.g. ξ and h under BP).
 *
 * <p>Values are copied in and out; a snapshot is not shared with an engine.
 */
public final class CircuitSnapshot {
    private final int[] layers;
    /** The population each B_ℓ reads (index ℓ): ℓ + 1, or N for direct feedback from the output. */
    private final int[] feedbackSources;
    private final Map<CircuitQuantity, double[][]> values = new EnumMap<>(CircuitQuantity.class);

    /** An empty snapshot of a layered circuit (B_ℓ reads layer ℓ + 1) with population sizes {@code layers} (n_0…n_N). */
    public CircuitSnapshot(int[] layers) {
        this(layers, layered(layers));
    }

    /**
     * An empty snapshot of a circuit whose B_ℓ and B^PI_ℓ read population {@code feedbackSources[ℓ]}
     * (ℓ + 1, or N under direct feedback alignment), so that they are n_ℓ × n_{source}.
     */
    public CircuitSnapshot(int[] layers, int[] feedbackSources) {
        if (layers.length < 3) {
            throw new IllegalArgumentException("a circuit has at least 3 populations, got " + layers.length);
        }
        if (feedbackSources.length != layers.length - 1) {
            throw new IllegalArgumentException("need a feedback source for each of the " + (layers.length - 2)
                    + " hidden layers (index 1…), got " + (feedbackSources.length - 1));
        }
        this.layers = layers.clone();
        this.feedbackSources = feedbackSources.clone();
    }

    /** ℓ + 1 for every hidden layer ℓ (index 0 unused). */
    static int[] layered(int[] layers) {
        int[] sources = new int[layers.length - 1];
        for (int l = 1; l < sources.length; l++) {
            sources[l] = l + 1;
        }
        return sources;
    }

    /** The number of values of {@code q} at {@code layer}: as {@link CircuitQuantity#size}, B and B^PI by their source. */
    public int size(CircuitQuantity q, int layer) {
        return q.population() == CircuitQuantity.Population.FEEDBACK ? layers[layer] * layers[feedbackSources[layer]]
                : q.size(layers, layer);
    }

    /** n_0…n_N. */
    public int[] layers() {
        return layers.clone();
    }

    /** The quantities this snapshot holds, in declaration order. */
    public Set<CircuitQuantity> quantities() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean has(CircuitQuantity q) {
        return values.containsKey(q);
    }

    /**
     * Sets {@code q} at {@code layer} to a copy of {@code value}; the other layers of a quantity seen
     * for the first time start at zero.
     *
     * @throws IllegalArgumentException if the layer does not exist for {@code q} or the length is not
     *     {@link CircuitQuantity#size}
     */
    public CircuitSnapshot set(CircuitQuantity q, int layer, double[] value) {
        checkLayer(q, layer);
        int size = size(q, layer);
        if (value.length != size) {
            throw new IllegalArgumentException(q.symbol() + " of layer " + layer + " needs " + size + " values, got "
                    + value.length);
        }
        values.computeIfAbsent(q, this::zeros)[layer - q.firstLayer(layers)] = value.clone();
        return this;
    }

    /** A copy of {@code q} at {@code layer}. */
    public double[] get(CircuitQuantity q, int layer) {
        checkLayer(q, layer);
        double[][] v = values.get(q);
        if (v == null) {
            throw new IllegalArgumentException("the snapshot has no " + q.symbol());
        }
        return v[layer - q.firstLayer(layers)].clone();
    }

    /** Where an engine keeps its values, for {@link #capture} and {@link #restoreInto}. */
    interface Storage {
        /**
         * The {@code size} values of {@code q} at {@code layer} (a copy), or null where the engine keeps
         * no such state.
         */
        double[] read(CircuitQuantity q, int layer, int size);

        /** Sets {@code q} at {@code layer}, which the engine keeps. */
        void write(CircuitQuantity q, int layer, double[] values);
    }

    /** Every quantity {@code storage} keeps, for a circuit of sizes {@code layers} and these feedback sources. */
    static CircuitSnapshot capture(int[] layers, int[] feedbackSources, Storage storage) {
        CircuitSnapshot snapshot = new CircuitSnapshot(layers, feedbackSources);
        for (CircuitQuantity q : CircuitQuantity.values()) {
            for (int l = q.firstLayer(layers); l <= q.lastLayer(layers); l++) {
                double[] v = storage.read(q, l, snapshot.size(q, l));
                if (v != null) {
                    snapshot.set(q, l, v);
                }
            }
        }
        return snapshot;
    }

    /**
     * Writes every quantity {@code storage} keeps from this snapshot; quantities it does not keep are
     * ignored.
     *
     * @throws IllegalArgumentException if the layers differ or a kept quantity is missing
     */
    void restoreInto(int[] circuitLayers, int[] circuitFeedbackSources, Storage storage) {
        if (!Arrays.equals(layers, circuitLayers)) {
            throw new IllegalArgumentException("snapshot of layers " + Arrays.toString(layers) + " for a circuit of "
                    + Arrays.toString(circuitLayers));
        }
        if (!Arrays.equals(feedbackSources, circuitFeedbackSources)) {
            throw new IllegalArgumentException("snapshot of a circuit whose feedback comes from other layers");
        }
        for (CircuitQuantity q : CircuitQuantity.values()) {
            if (storage.read(q, q.lastLayer(layers), size(q, q.lastLayer(layers))) == null) {
                continue;
            }
            if (!has(q)) {
                throw new IllegalArgumentException("the snapshot lacks " + q.symbol() + ", which this circuit keeps");
            }
            for (int l = q.firstLayer(layers); l <= q.lastLayer(layers); l++) {
                storage.write(q, l, values.get(q)[l - q.firstLayer(layers)]);
            }
        }
    }

    private double[][] zeros(CircuitQuantity q) {
        double[][] v = new double[q.lastLayer(layers) - q.firstLayer(layers) + 1][];
        for (int l = q.firstLayer(layers); l <= q.lastLayer(layers); l++) {
            v[l - q.firstLayer(layers)] = new double[size(q, l)];
        }
        return v;
    }

    private void checkLayer(CircuitQuantity q, int layer) {
        if (layer < q.firstLayer(layers) || layer > q.lastLayer(layers)) {
            throw new IllegalArgumentException(q.symbol() + " has no layer " + layer + " (layers " + q.firstLayer(layers) + "…"
                    + q.lastLayer(layers) + ")");
        }
    }

    @Override
    public String toString() {
        return "CircuitSnapshot" + Arrays.toString(layers) + values.keySet();
    }
}
