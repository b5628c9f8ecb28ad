package palsim.core.microcircuit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import palsim.core.SimulationDivergedException;
import palsim.core.le.Precision;
import palsim.core.rng.RandomStreams;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * A group of up to {@link #lanes() L} seeds of one {@link MicrocircuitSpec}, simulated together in
 * the lanes of SIMD vectors: each lane is one seed with its own weights, voltages, noise stream and
 * input. The lane width follows the group: two or more seeds share the L lanes of a vector (lanes
 * beyond the seeds idle), a single seed runs alone at width 1 in plain {@code double} code. Both
 * widths apply the same IEEE operations in the same order to every element, and lanes never
 * interact, so a seed's results are bit-identical whatever seeds share its group, whatever the
 * group's width and whatever thread runs it.
 *
 * <p>The engine computes in the spec's {@link MicrocircuitSpec#precision() precision}: float64, or
 * float32 (state, weights and arithmetic in float, every constant derived in double and rounded
 * once). Values enter and leave the group as double either way; a float32 value widens exactly.
 *
 * <p>Per-lane inputs are flat arrays laid out {@code [element][lane]}: the value of element i for
 * the seed in lane k is at {@code i·w + k}, w = {@link #width()} (see {@link #index(int, int)}).
 * Inactive lanes should be given zeros.
 *
 * <p>A step ({@link #step(double[], double[])}) runs the spec's {@link StepOrder} over the engine's
 * phase operations (microcircuit.md §2.3), then checks the somatic voltages for non-finite values.
 * Read accessors report the state after the last step, per lane, each matrix row-major post × pre
 * as in {@link WeightSnapshot}; layers are the spec's 1-based ℓ.
 */
public final class MicrocircuitGroup {
    private final MicrocircuitSpec spec;
    private final LaneState state;
    private final LaneEngine stepper;
    private long steps;

    private MicrocircuitGroup(MicrocircuitSpec spec, long[] seeds, List<CircuitState> initial) {
        this.spec = spec;
        this.state = LaneState.of(spec, seeds, initial);
        this.stepper = state.engine(spec);
    }

    /** L, the number of seeds a group of this precision can hold (the number of values in a lane vector). */
    public static int lanes(Precision precision) {
        return switch (precision) {
            case FLOAT64 -> DoubleLaneKernels.LANES;
            case FLOAT32 -> FloatLaneKernels.LANES;
        };
    }

    /** L for groups of {@code spec} ({@link #lanes(Precision)} of its precision). */
    public static int lanes(MicrocircuitSpec spec) {
        return lanes(spec.precision());
    }

    /**
     * The lane width w of this group's per-lane arrays (inputs, targets): L for a group of two or
     * more seeds, 1 for a group of one seed.
     */
    public int width() {
        return state.lanes;
    }

    /** Index of element {@code element} of lane {@code lane} in a per-lane array of this group. */
    public int index(int element, int lane) {
        return element * state.lanes + lane;
    }

    /**
     * Writes one seed's {@code values} into lane {@code lane} of the per-lane array {@code laned}
     * (element i at {@link #index(int, int) index(i, lane)}); the other lanes are left alone.
     */
    public void scatter(double[] values, int lane, double[] laned) {
        checkLane(lane);
        for (int e = 0; e < values.length; e++) {
            laned[e * state.lanes + lane] = values[e];
        }
    }

    /**
     * A group whose lane k holds seed {@code seeds[k]}, initialised as microcircuit.md §4.1–4.2
     * ({@link CircuitState#draw}).
     */
    public static MicrocircuitGroup create(MicrocircuitSpec spec, long... seeds) {
        Objects.requireNonNull(spec, "spec");
        List<CircuitState> initial = new ArrayList<>(seeds.length);
        for (long s : seeds) {
            initial.add(CircuitState.draw(spec, s));
        }
        return new MicrocircuitGroup(spec, seeds, initial);
    }

    /**
     * A group whose lane k starts from {@code initial.get(k)}; {@code seeds[k]} seeds the lane's own
     * generator (noise and shuffles).
     */
    public static MicrocircuitGroup fromStates(MicrocircuitSpec spec, long[] seeds, List<CircuitState> initial) {
        if (initial.size() != seeds.length) {
            throw new IllegalArgumentException("got " + seeds.length + " seeds but " + initial.size() + " initial states");
        }
        int[] layers = spec.layers();
        for (CircuitState s : initial) {
            s.requireShape(layers);
            if (s.weights().directFeedback() != spec.directFeedback()) {
                throw new IllegalArgumentException("state has " + (s.weights().directFeedback() ? "direct" : "layer-to-layer")
                        + " feedback weights; the circuit's rule '" + spec.feedbackRule().name() + "' needs the other kind");
            }
        }
        return new MicrocircuitGroup(spec, seeds, initial);
    }

    public MicrocircuitSpec spec() {
        return spec;
    }

    /** Number of seeds (active lanes), 1…L. */
    public int seedCount() {
        return state.activeLanes;
    }

    /** The seed in lane {@code lane}. */
    public long seed(int lane) {
        checkLane(lane);
        return state.seeds[lane];
    }

    /** Steps taken since the group was built. */
    public long stepCount() {
        return steps;
    }

    /** Switches weight groups on or off from the next step on (default: all off). */
    public void setLearning(LearningSwitches switches) {
        stepper.setSwitches(Objects.requireNonNull(switches, "switches"));
    }

    public LearningSwitches learning() {
        return stepper.switches();
    }

    /**
     * Whether the raw ΔW_ℓ of every step is kept for {@link #forwardUpdate(int, int)} even when W
     * does not learn (the update-angle metric needs it; it costs an outer product per layer).
     */
    public void observeForwardUpdates(boolean observed) {
        stepper.observeForwardUpdates(observed);
    }

    /**
     * One step of size dt.
     *
     * @param input x(t), {@code n_0·w} values laid out {@code [input][lane]} (w = {@link #width()}); read
     *     during the call only
     * @param target u^tgt(t), {@code n_N·w} values, or null for a free output
     * @throws SimulationDivergedException if a somatic voltage of an active lane is not finite
     */
    public void step(double[] input, double[] target) {
        if (input.length != state.n[0] * state.lanes) {
            throw new IllegalArgumentException("input must hold n_0·w = " + state.n[0] * state.lanes + " values, got " + input.length);
        }
        if (target != null && target.length != state.n[state.layers] * state.lanes) {
            throw new IllegalArgumentException("target must hold n_N·w = " + state.n[state.layers] * state.lanes
                    + " values, got " + target.length);
        }
        stepper.setInput(input, target);
        stepper.beginStep(steps);
        stepper.step();
        stepper.setInput(null, null);
        steps++;
        checkFinite();
    }

    /**
     * Switches the feedback rule's exploratory noise on or off from the next step on, independently
     * of learning and teaching (step order {@code genn}; default off). Under the rates-first order the
     * noise is injected exactly while feedback learns.
     *
     * @throws IllegalStateException under the rates-first order
     */
    public void setNoise(boolean on) {
        synapsesFirst("the noise switch").setNoise(on);
    }

    /**
     * Sets the input and target players as at the start of a stage (step order {@code genn}): the
     * next step's projections see {@code input} as the last and the previous input, and the output
     * is nudged by {@code target} if teaching is on in that step.
     *
     * @param input {@code n_0·w} values laid out {@code [input][lane]}
     * @param target {@code n_N·w} values, or null to leave the target player as it is
     * @throws IllegalStateException under the rates-first order
     */
    public void resetPlayers(double[] input, double[] target) {
        SynapsesFirstEngine engine = synapsesFirst("resetting the players");
        if (input.length != state.n[0] * state.lanes) {
            throw new IllegalArgumentException("input must hold n_0·w = " + state.n[0] * state.lanes + " values, got " + input.length);
        }
        if (target != null && target.length != state.n[state.layers] * state.lanes) {
            throw new IllegalArgumentException("target must hold n_N·w = " + state.n[state.layers] * state.lanes
                    + " values, got " + target.length);
        }
        engine.resetPlayers(input, target);
    }

    private SynapsesFirstEngine synapsesFirst(String what) {
        if (stepper instanceof SynapsesFirstEngine engine) {
            return engine;
        }
        throw new IllegalStateException(what + " needs step_order " + SynapsesFirstStepOrder.CONFIG_NAME + ", the circuit has "
                + spec.stepOrder().configName());
    }

    /** Shuffles {@code order} in place with lane {@code lane}'s own generator (Fisher–Yates). */
    public void shuffle(int lane, int[] order) {
        checkLane(lane);
        RandomStreams.shuffle(state.modelGenerator[lane], order);
    }

    // ------------------------------------------------------------------------------------------
    // Read access, per lane

    /** W_ℓ of lane {@code lane}, n_ℓ × n_{ℓ−1}. */
    public double[] forwardWeights(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        return gather(CircuitQuantity.FORWARD_WEIGHTS, layer, lane, state.n[layer] * state.n[layer - 1]);
    }

    /** B_ℓ, n_ℓ × n_{ℓ+1} (direct feedback: n_ℓ × n_N, {@link MicrocircuitSpec#feedbackSource}). */
    public double[] feedbackWeights(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.FEEDBACK_WEIGHTS, layer, lane, state.n[layer] * state.n[spec.feedbackSource(layer)]);
    }

    /** W^IP_ℓ, n_{ℓ+1} × n_ℓ. */
    public double[] pyramidToInterneuronWeights(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.PYRAMID_TO_INTERNEURON_WEIGHTS, layer, lane, state.n[layer + 1] * state.n[layer]);
    }

    /** B^PI_ℓ, the shape of B_ℓ. */
    public double[] interneuronToPyramidWeights(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.INTERNEURON_TO_PYRAMID_WEIGHTS, layer, lane, state.n[layer] * state.n[spec.feedbackSource(layer)]);
    }

    /** All weights of lane {@code lane}. */
    public WeightSnapshot weights(int lane) {
        int top = state.layers;
        double[][] w = new double[top][];
        for (int l = 1; l <= top; l++) {
            w[l - 1] = forwardWeights(lane, l);
        }
        double[][] wip = new double[top - 1][];
        double[][] b = new double[top - 1][];
        double[][] bpi = new double[top - 1][];
        for (int l = 1; l <= top - 1; l++) {
            wip[l - 1] = pyramidToInterneuronWeights(lane, l);
            b[l - 1] = feedbackWeights(lane, l);
            bpi[l - 1] = interneuronToPyramidWeights(lane, l);
        }
        return new WeightSnapshot(state.n, spec.directFeedback(), w, wip, b, bpi);
    }

    /** The somatic voltages u, u^I and all weights of lane {@code lane} now. */
    public CircuitState circuitState(int lane) {
        double[][] u = new double[state.layers][];
        for (int l = 1; l <= state.layers; l++) {
            u[l - 1] = somaticVoltage(lane, l);
        }
        double[][] uI = new double[state.layers - 1][];
        for (int l = 1; l <= state.layers - 1; l++) {
            uI[l - 1] = interneuronVoltage(lane, l);
        }
        return new CircuitState(u, uI, weights(lane));
    }

    /** u_ℓ after the last step. */
    public double[] somaticVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        return gather(CircuitQuantity.SOMATIC_VOLTAGE, layer, lane, state.n[layer]);
    }

    /** u^I_ℓ after the last step (n_{ℓ+1} values). */
    public double[] interneuronVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.INTERNEURON_VOLTAGE, layer, lane, state.n[layer + 1]);
    }

    /** ŭ_ℓ computed in the last step (from the state before its update); before any step, u_ℓ. */
    public double[] prospectiveVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        return gather(CircuitQuantity.PROSPECTIVE_VOLTAGE, layer, lane, state.n[layer]);
    }

    /** ŭ^I_ℓ computed in the last step (n_{ℓ+1} values); before any step, u^I_ℓ. */
    public double[] interneuronProspectiveVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.INTERNEURON_PROSPECTIVE_VOLTAGE, layer, lane, state.n[layer + 1]);
    }

    /** ŭ_N computed in the last step: the output the fw_bw task records and compares to u^tgt. */
    public double[] outputProspectiveVoltage(int lane) {
        return prospectiveVoltage(lane, state.layers);
    }

    /** ŭ_N,i of lane {@code lane}, without copying. */
    public double outputProspectiveVoltage(int lane, int neuron) {
        checkLane(lane);
        return state.value(CircuitQuantity.PROSPECTIVE_VOLTAGE, state.layers, neuron * state.lanes + lane);
    }

    /** r_ℓ = φ_ℓ(ŭ_ℓ) of the last step. */
    public double[] rates(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        return gather(CircuitQuantity.RATE, layer, lane, state.n[layer]);
    }

    /** v^bas_ℓ of the last step. */
    public double[] basalVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        return gather(CircuitQuantity.BASAL_POTENTIAL, layer, lane, state.n[layer]);
    }

    /** The noise-free v^api_ℓ of the last step (hidden layers). */
    public double[] apicalVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.APICAL_POTENTIAL, layer, lane, state.n[layer]);
    }

    /** v^den_ℓ of the last step (n_{ℓ+1} values). */
    public double[] interneuronDendriteVoltage(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return gather(CircuitQuantity.DENDRITIC_POTENTIAL, layer, lane, state.n[layer + 1]);
    }

    /** ξ_ℓ now (after the last refresh); zeros if the rule has no noise. */
    public double[] noise(int lane, int layer) {
        checkLayer(layer, 1, state.layers - 1);
        return state.keepsNoise() ? gather(CircuitQuantity.NOISE, layer, lane, state.n[layer]) : new double[state.n[layer]];
    }

    /** h_ℓ now; zeros if the rule keeps no high-pass trace. */
    public double[] highPass(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        double[] h = gather(CircuitQuantity.HIGH_PASS, layer, lane, state.n[layer]);
        return h == null ? new double[state.n[layer]] : h;
    }

    /**
     * The raw ΔW_ℓ of the last step (§3.1, before any low-pass).
     *
     * @throws IllegalStateException unless {@link #observeForwardUpdates(boolean)} was on
     */
    public double[] forwardUpdate(int lane, int layer) {
        checkLayer(layer, 1, state.layers);
        if (!stepper.forwardUpdatesObserved()) {
            throw new IllegalStateException("forward updates are not observed; call observeForwardUpdates(true) first");
        }
        checkLane(lane);
        return state.forwardUpdate(layer, lane, state.n[layer] * state.n[layer - 1]);
    }

    /**
     * The whole dynamic state of lane {@code lane} now: every {@link CircuitQuantity} this group
     * keeps (ξ, h and D only where the feedback rule has them).
     */
    public CircuitSnapshot snapshot(int lane) {
        checkLane(lane);
        return CircuitSnapshot.capture(state.n, spec.feedbackSources(), laneStorage(lane));
    }

    /**
     * Continues lane {@code lane} from {@code snapshot}: every quantity this group keeps is set from
     * it; quantities it holds that the group does not keep (e.g. ξ under BP) are ignored.
     *
     * @throws IllegalArgumentException if the snapshot's layers differ or it lacks a quantity the
     *     group keeps
     */
    public void restore(int lane, CircuitSnapshot snapshot) {
        checkLane(lane);
        snapshot.restoreInto(state.n, spec.feedbackSources(), laneStorage(lane));
    }

    /**
     * Writes the whole dynamic state of the group for a checkpoint, between steps: the step count,
     * then per seed every {@link CircuitQuantity} it keeps (through {@link #snapshot}, so a quantity
     * added to the enum is saved with no change here), its generator's state and its noise source's
     * counters. {@link #readState} on a group built from the same spec and seeds continues with
     * bit-identical steps. The learning switches are not saved: the protocol sets them.
     */
    public void writeState(StateWriter out) {
        out.writeLong(steps);
        out.writeInt(state.activeLanes);
        for (int lane = 0; lane < state.activeLanes; lane++) {
            out.writeLong(state.seeds[lane]);
            CircuitSnapshot snapshot = snapshot(lane);
            out.writeInt(snapshot.quantities().size());
            for (CircuitQuantity q : snapshot.quantities()) {
                out.writeString(q.name());
                for (int l = q.firstLayer(state.n); l <= q.lastLayer(state.n); l++) {
                    out.writeDoubles(snapshot.get(q, l));
                }
            }
            out.writeBytes(RandomStreams.saveState(state.modelGenerator[lane]));
            out.writeLongs(state.noiseSource[lane] == null ? new long[0] : state.noiseSource[lane].counters());
        }
    }

    /**
     * Continues from what {@link #writeState} wrote (for a group of the same spec and seeds).
     *
     * @throws StateMismatchException if the saved state is of other seeds, sizes or quantities
     */
    public void readState(StateReader in) {
        long savedSteps = in.readLong();
        if (savedSteps < 0) {
            throw new StateMismatchException("microcircuit: negative step count " + savedSteps);
        }
        in.expectInt(state.activeLanes, "microcircuit: seeds in the group");
        for (int lane = 0; lane < state.activeLanes; lane++) {
            long seed = in.readLong();
            if (seed != state.seeds[lane]) {
                throw new StateMismatchException("microcircuit: lane " + lane + " holds seed " + seed + ", expected "
                        + state.seeds[lane]);
            }
            CircuitSnapshot snapshot = new CircuitSnapshot(state.n, spec.feedbackSources());
            int quantities = in.readInt();
            for (int i = 0; i < quantities; i++) {
                CircuitQuantity q;
                String name = in.readString();
                try {
                    q = CircuitQuantity.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new StateMismatchException("microcircuit: unknown quantity " + name);
                }
                for (int l = q.firstLayer(state.n); l <= q.lastLayer(state.n); l++) {
                    double[] v = in.readDoubles();
                    try {
                        snapshot.set(q, l, v);
                    } catch (IllegalArgumentException e) {
                        throw new StateMismatchException("microcircuit: " + e.getMessage());
                    }
                }
            }
            try {
                restore(lane, snapshot);
            } catch (IllegalArgumentException e) {
                throw new StateMismatchException("microcircuit: " + e.getMessage());
            }
            RandomStreams.restoreState(state.modelGenerator[lane], in.readBytes());
            long[] counters = in.readLongs();
            if (state.noiseSource[lane] != null) {
                state.noiseSource[lane].restoreCounters(counters);
            } else if (counters.length != 0) {
                throw new StateMismatchException("microcircuit: noise counters saved for a rule without noise");
            }
        }
        steps = savedSteps;
    }

    private CircuitSnapshot.Storage laneStorage(int lane) {
        return new CircuitSnapshot.Storage() {
            @Override
            public double[] read(CircuitQuantity q, int layer, int size) {
                return state.read(q, layer, lane, size);
            }

            @Override
            public void write(CircuitQuantity q, int layer, double[] values) {
                state.write(q, layer, lane, values);
            }
        };
    }

    /**
     * Replaces where lane {@code lane} takes its exploratory noise from (by default the rule's OU
     * process on the lane's own generator), e.g. by a {@link ReplayedNoise}. The lane's generator
     * keeps serving its shuffles.
     *
     * @throws IllegalStateException if the feedback rule injects no noise
     */
    public void useNoiseSource(int lane, NoiseSource source) {
        checkLane(lane);
        if (!state.keepsNoise()) {
            throw new IllegalStateException("the feedback rule " + spec.feedbackRule().name() + " injects no noise");
        }
        state.noiseSource[lane] = Objects.requireNonNull(source, "source");
    }

    /** Lane {@code lane} of {@code q} at {@code layer}, {@code count} values; null where the group keeps no such state. */
    private double[] gather(CircuitQuantity q, int layer, int lane, int count) {
        checkLane(lane);
        return state.read(q, layer, lane, count);
    }

    private void checkLane(int lane) {
        if (lane < 0 || lane >= state.activeLanes) {
            throw new IndexOutOfBoundsException("lane " + lane + " of a group of " + state.activeLanes + " seeds");
        }
    }

    private void checkLayer(int layer, int first, int last) {
        if (layer < first || layer > last) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside " + first + "…" + last);
        }
    }

    /**
     * Non-finite voltages propagate into every later quantity, so checking the somata of both
     * populations each step catches any divergence within a few steps.
     */
    private void checkFinite() {
        // the somatic update accumulated v − v per lane: NaN exactly where a new voltage is not finite
        for (int k = 0; k < state.activeLanes; k++) {
            if (state.diverged(k)) {
                throw locateDivergence();
            }
        }
    }

    private SimulationDivergedException locateDivergence() {
        for (int k = 0; k < state.activeLanes; k++) {
            for (int l = 1; l <= state.layers; l++) {
                if (!allFinite(gather(CircuitQuantity.SOMATIC_VOLTAGE, l, k, state.n[l]))) {
                    return new SimulationDivergedException(steps, l, "somatic voltage (seed " + state.seeds[k] + ")");
                }
            }
            for (int l = 1; l <= state.layers - 1; l++) {
                if (!allFinite(gather(CircuitQuantity.INTERNEURON_VOLTAGE, l, k, state.n[l + 1]))) {
                    return new SimulationDivergedException(steps, l, "interneuron voltage (seed " + state.seeds[k] + ")");
                }
            }
        }
        return new SimulationDivergedException(steps, 0, "somatic voltage");
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
