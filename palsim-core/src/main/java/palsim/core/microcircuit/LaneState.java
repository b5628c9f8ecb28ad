package palsim.core.microcircuit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.core.feedback.FeedbackRule;
import palsim.core.rng.RandomStreams;

/**
 * What every lane state has whatever its precision ({@link DoubleLaneState}, {@link FloatLaneState}
 * hold the arrays): the group's shape, seeds and per-seed generators and noise sources, and
 * per-lane access to every {@link CircuitQuantity} in double. Values leave and enter the state as
 * double: widening a float is exact, so snapshots and checkpoints of a float32 state round-trip
 * bit-exactly.
 */
abstract class LaneState {
    /** The lane width: L for a group of two or more seeds, 1 for a group of one seed. */
    final int lanes;
    final int layers;
    final int[] n;
    final int activeLanes;
    final long[] seeds;
    /** Whether the state serves the {@link SynapsesFirstStepOrder} (its extra arrays exist only then). */
    final boolean synapsesFirst;

    /** The model's own generator per lane (noise, shuffles), null for inactive lanes. */
    final UniformRandomProvider[] modelGenerator;
    /**
     * Where each active lane's ξ comes from (by default the rule's OU process on the lane's own
     * generator); null for inactive lanes and for rules without noise.
     */
    final NoiseSource[] noiseSource;

    /**
     * @param maxLanes L of the state's precision
     */
    LaneState(MicrocircuitSpec spec, long[] seeds, int maxLanes) {
        if (seeds.length == 0 || seeds.length > maxLanes) {
            throw new IllegalArgumentException("a group holds 1 to " + maxLanes + " seeds, got " + seeds.length);
        }
        this.lanes = seeds.length == 1 ? 1 : maxLanes;
        this.layers = spec.pyramidalLayers();
        this.n = spec.layers();
        this.activeLanes = seeds.length;
        this.seeds = seeds.clone();
        this.synapsesFirst = spec.stepOrder() instanceof SynapsesFirstStepOrder;
        FeedbackRule rule = spec.feedbackRule();
        modelGenerator = new UniformRandomProvider[lanes];
        noiseSource = new NoiseSource[lanes];
        for (int k = 0; k < seeds.length; k++) {
            modelGenerator[k] = RandomStreams.seeded(seeds[k]);
            if (rule.noise().isPresent()) {
                noiseSource[k] = new OrnsteinUhlenbeckNoise(rule.noise().get(), spec.dt(), layers - 1,
                        ZigguratSampler.NormalizedGaussian.of(modelGenerator[k]));
            }
        }
    }

    /** A state of the spec's precision whose lane k starts from {@code initial.get(k)}. */
    static LaneState of(MicrocircuitSpec spec, long[] seeds, java.util.List<CircuitState> initial) {
        return switch (spec.precision()) {
            case FLOAT64 -> new DoubleLaneState(spec, seeds, initial);
            case FLOAT32 -> new FloatLaneState(spec, seeds, initial);
        };
    }

    /** The engine that runs the spec's step order on this state. */
    abstract LaneEngine engine(MicrocircuitSpec spec);

    /**
     * Lane {@code lane} of {@code q} at layer {@code l} ({@code count} values, widened to double), or
     * null where the feedback rule keeps no such state (ξ, h, D).
     */
    abstract double[] read(CircuitQuantity q, int l, int lane, int count);

    /** Sets lane {@code lane} of {@code q} at layer {@code l} (rounded to the state's precision). */
    abstract void write(CircuitQuantity q, int l, int lane, double[] values);

    /** Element {@code index} of the laned array of {@code q} at layer {@code l}, without copying. */
    abstract double value(CircuitQuantity q, int l, int index);

    /** Lane {@code lane} of the raw ΔW_ℓ of the last step ({@code count} values). */
    abstract double[] forwardUpdate(int l, int lane, int count);

    /** Whether the feedback rule injects noise (the state keeps ξ). */
    abstract boolean keepsNoise();

    /** Whether a voltage of lane k updated in the last step is not finite. */
    abstract boolean diverged(int k);
}
