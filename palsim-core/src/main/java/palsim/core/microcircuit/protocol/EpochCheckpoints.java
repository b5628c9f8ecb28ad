package palsim.core.microcircuit.protocol;

import java.util.function.Consumer;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * Where a task's run offers its progress at every epoch end and where it continues from. The
 * progress a task writes is its driver's counters and sample orders and the whole state of the
 * group ({@link palsim.core.microcircuit.MicrocircuitGroup#writeState}); a run continued from it
 * takes the same steps as one that never stopped.
 */
public interface EpochCheckpoints {

    /**
     * What a previous run saved, positioned at the task's part, to continue from; null to start
     * afresh (settling first).
     */
    StateReader resumeFrom();

    /**
     * Called after the observers saw the end of {@code epoch} (0 = settling). {@code state} writes the
     * task's progress when called; an implementation calls it only when it keeps a checkpoint.
     */
    void epochEnded(int epoch, Consumer<StateWriter> state);

    /** No checkpoints: start afresh, keep nothing. */
    static EpochCheckpoints none() {
        return new EpochCheckpoints() {
            @Override
            public StateReader resumeFrom() {
                return null;
            }

            @Override
            public void epochEnded(int epoch, Consumer<StateWriter> state) {}
        };
    }
}
