package palsim.app.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import palsim.core.microcircuit.CircuitQuantity;
import palsim.core.microcircuit.CircuitSnapshot;

/**
 * Replays a trace in one engine and compares every recorded quantity at every checkpoint.
 *
 * <p>Differences are measured relative to the quantity's <em>scale</em>: its largest magnitude in
 * the recording, over all layers and checkpoints. A quantity that is zero up to rounding in a
 * settled circuit (the apical potential of the self-predicting state, the low-passed update before
 * learning starts) would otherwise turn rounding into an apparent relative difference of order one.
 */
final class TraceReplay {
    private TraceReplay() {}

    /**
     * What one engine gave.
     *
     * @param engine the engine's label
     * @param deviations per quantity (report order), per checkpoint
     * @param scales the scale of each compared quantity
     * @param notCompared recorded quantities the engine keeps no state for under this rule
     */
    record Result(String engine, Map<CircuitQuantity, SortedMap<Integer, Deviation>> deviations,
            Map<CircuitQuantity, Double> scales, Set<CircuitQuantity> notCompared) {

        /** The largest relative difference of all. */
        double largest() {
            double worst = 0;
            for (SortedMap<Integer, Deviation> byStep : deviations.values()) {
                for (Deviation d : byStep.values()) {
                    worst = Math.max(worst, d.relative());
                }
            }
            return worst;
        }

        /**
         * The first difference beyond {@code tolerance}: earliest checkpoint, then report order,
         * or null if there is none.
         */
        Failure firstBeyond(double tolerance) {
            SortedMap<Integer, Failure> first = new TreeMap<>();
            for (Map.Entry<CircuitQuantity, SortedMap<Integer, Deviation>> e : deviations.entrySet()) {
                for (Map.Entry<Integer, Deviation> d : e.getValue().entrySet()) {
                    if (!(d.getValue().relative() <= tolerance)) {
                        first.putIfAbsent(d.getKey(), new Failure(engine, e.getKey(), d.getKey(), d.getValue()));
                        break;
                    }
                }
            }
            return first.isEmpty() ? null : first.get(first.firstKey());
        }
    }

    /** A difference beyond the tolerance. */
    record Failure(String engine, CircuitQuantity quantity, int step, Deviation deviation) {}

    /**
     * Runs {@code engine} through every step of {@code trace}, comparing at each checkpoint.
     *
     * @param scales the trace's {@link #scales}
     */
    static Result run(ReferenceTrace trace, ReplayEngine engine, Map<CircuitQuantity, Double> scales) {
        Map<CircuitQuantity, SortedMap<Integer, Deviation>> deviations = new EnumMap<>(CircuitQuantity.class);
        Set<CircuitQuantity> notCompared = new LinkedHashSet<>();
        int[] n = trace.circuit().layers();
        List<ReferenceTrace.Step> steps = trace.steps();
        int last = trace.checkpoints().lastKey();
        for (int t = 0; t < last; t++) {
            engine.step(steps.get(t));
            CircuitSnapshot recorded = trace.checkpoints().get(t + 1);
            if (recorded == null) {
                continue;
            }
            List<CircuitSnapshot> copies = new ArrayList<>(engine.copies());
            for (int k = 0; k < engine.copies(); k++) {
                copies.add(engine.snapshot(k));
            }
            for (CircuitQuantity q : TraceNames.STATE.values()) {
                if (!copies.get(0).has(q)) {
                    notCompared.add(q);
                    continue;
                }
                Deviation worst = Deviation.NONE;
                for (CircuitSnapshot copy : copies) {
                    for (int l = q.firstLayer(n); l <= q.lastLayer(n); l++) {
                        worst = worst.max(Deviation.of(copy.get(q, l), recorded.get(q, l), scales.get(q), l));
                    }
                }
                deviations.computeIfAbsent(q, x -> new TreeMap<>()).put(t + 1, worst);
            }
        }
        return new Result(engine.label(), deviations, scales, notCompared);
    }

    /** The largest magnitude of each quantity over every layer and checkpoint of the recording. */
    static Map<CircuitQuantity, Double> scales(ReferenceTrace trace) {
        int[] n = trace.circuit().layers();
        Map<CircuitQuantity, Double> scales = new EnumMap<>(CircuitQuantity.class);
        for (CircuitQuantity q : TraceNames.STATE.values()) {
            double scale = 0;
            for (CircuitSnapshot s : trace.checkpoints().values()) {
                for (int l = q.firstLayer(n); l <= q.lastLayer(n); l++) {
                    for (double v : s.get(q, l)) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                }
            }
            scales.put(q, scale);
        }
        return scales;
    }
}
