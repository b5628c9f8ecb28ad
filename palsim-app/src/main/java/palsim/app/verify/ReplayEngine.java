package palsim.app.verify;

import palsim.core.le.Precision;
import java.util.ArrayList;
import java.util.List;
import palsim.core.microcircuit.CircuitSnapshot;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.ReferenceMicrocircuit;
import palsim.core.microcircuit.ReplayedNoise;

/**
 * One of palsim's microcircuit engines, started from a trace's state and driven by its recorded
 * inputs, targets and noise. A lane group replays the same trace in every lane.
 */
abstract sealed class ReplayEngine {
    private final String label;

    private ReplayEngine(String label) {
        this.label = label;
    }

    /** What is being checked, e.g. {@code lane engine, one seed (width 1)}. */
    final String label() {
        return label;
    }

    /** How many copies of the trace run side by side (lanes). */
    abstract int copies();

    /** One recorded step. */
    abstract void step(ReferenceTrace.Step step);

    /** The state of copy {@code copy} now. */
    abstract CircuitSnapshot snapshot(int copy);

    /** The engines {@code palsim verify} checks: the lane engine at width 1 and with L lanes, and the scalar reference. */
    static List<ReplayEngine> all(ReferenceTrace trace) {
        List<ReplayEngine> engines = new ArrayList<>();
        engines.add(new Lanes(trace, 1, "lane engine, one seed (width 1)"));
        int lanes = MicrocircuitGroup.lanes(Precision.FLOAT64);
        if (lanes > 1) {
            engines.add(new Lanes(trace, lanes, "lane engine, full group (" + lanes + " lanes, width " + lanes + ")"));
        }
        engines.add(new Reference(trace));
        return engines;
    }

    /** The production lane engine; each lane starts from the trace's state and replays its noise. */
    static final class Lanes extends ReplayEngine {
        private final MicrocircuitGroup group;
        private final ReplayedNoise noise = new ReplayedNoise();
        private final double[] input;
        private final double[] target;
        private final int[] n;

        Lanes(ReferenceTrace trace, int seeds, String label) {
            super(label);
            long[] seedList = new long[seeds];
            for (int k = 0; k < seeds; k++) {
                seedList[k] = trace.seed() + k; // seeds only feed the noise and shuffles, both replaced here
            }
            group = MicrocircuitGroup.create(trace.circuit(), seedList);
            group.setLearning(trace.switches());
            boolean noisy = trace.circuit().feedbackRule().noise().isPresent();
            for (int k = 0; k < seeds; k++) {
                group.restore(k, trace.start());
                if (noisy) {
                    group.useNoiseSource(k, noise);
                }
            }
            n = trace.circuit().layers();
            input = new double[n[0] * group.width()];
            target = new double[n[n.length - 1] * group.width()];
        }

        @Override
        int copies() {
            return group.seedCount();
        }

        @Override
        void step(ReferenceTrace.Step step) {
            for (int k = 0; k < group.seedCount(); k++) {
                group.scatter(step.input(), k, input);
                if (step.target() != null) {
                    group.scatter(step.target(), k, target);
                }
            }
            if (step.noise() != null) {
                noise.show(step.noise());
            }
            group.step(input, step.target() == null ? null : target);
        }

        @Override
        CircuitSnapshot snapshot(int copy) {
            return group.snapshot(copy);
        }
    }

    /** The plain scalar reference microcircuit. */
    static final class Reference extends ReplayEngine {
        private final ReferenceMicrocircuit circuit;
        private final ReplayedNoise noise = new ReplayedNoise();

        Reference(ReferenceTrace trace) {
            super("scalar reference");
            circuit = new ReferenceMicrocircuit(trace.circuit(), trace.seed());
            circuit.setLearning(trace.switches());
            circuit.restore(trace.start());
            if (trace.circuit().feedbackRule().noise().isPresent()) {
                circuit.useNoiseSource(noise);
            }
        }

        @Override
        int copies() {
            return 1;
        }

        @Override
        void step(ReferenceTrace.Step step) {
            if (step.noise() != null) {
                noise.show(step.noise());
            }
            circuit.step(step.input(), step.target());
        }

        @Override
        CircuitSnapshot snapshot(int copy) {
            return circuit.snapshot();
        }
    }
}
