package palsim.core.microcircuit.protocol;

import java.util.List;
import palsim.core.microcircuit.MicrocircuitGroup;

/**
 * Watches a group of seeds going through a task. All methods are called on the thread that runs
 * the group, between steps; read the group's state, do not step it. One observer instance per
 * group (a run over several groups on several threads creates one per group).
 */
public interface RunObserver {

    /** After settling ({@code epoch = 0}, before any learning) and after every training epoch. */
    default void epochEnded(MicrocircuitGroup group, int epoch) {}

    /** After every step whose count is a multiple of the protocol's record interval. */
    default void recorded(MicrocircuitGroup group, RecordPoint point) {}

    /**
     * Whether {@link #stepped} should be called for every step of {@code epoch} (0 = settling). Asked
     * once per epoch, so observers that trace nothing cost nothing per step.
     */
    default boolean tracesEpoch(int epoch) {
        return false;
    }

    /**
     * After every step of a traced epoch.
     *
     * @param stepInEpoch 0-based step within the epoch (block = stepInEpoch / K)
     */
    default void stepped(MicrocircuitGroup group, RecordPoint point, int stepInEpoch) {}

    /** An observer that does nothing. */
    static RunObserver none() {
        return new RunObserver() {};
    }

    /** All of {@code observers}, called in order; per-step calls go to those tracing the epoch. */
    static RunObserver all(RunObserver... observers) {
        List<RunObserver> list = List.of(observers);
        boolean[] tracing = new boolean[list.size()];
        return new RunObserver() {
            @Override
            public void epochEnded(MicrocircuitGroup group, int epoch) {
                for (RunObserver o : list) {
                    o.epochEnded(group, epoch);
                }
            }

            @Override
            public void recorded(MicrocircuitGroup group, RecordPoint point) {
                for (RunObserver o : list) {
                    o.recorded(group, point);
                }
            }

            @Override
            public boolean tracesEpoch(int epoch) {
                boolean any = false;
                for (int i = 0; i < tracing.length; i++) {
                    tracing[i] = list.get(i).tracesEpoch(epoch);
                    any |= tracing[i];
                }
                return any;
            }

            @Override
            public void stepped(MicrocircuitGroup group, RecordPoint point, int stepInEpoch) {
                for (int i = 0; i < tracing.length; i++) {
                    if (tracing[i]) {
                        list.get(i).stepped(group, point, stepInEpoch);
                    }
                }
            }
        };
    }
}
