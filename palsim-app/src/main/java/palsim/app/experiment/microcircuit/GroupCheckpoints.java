package palsim.app.experiment.microcircuit;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.JobState;
import palsim.core.microcircuit.protocol.EpochCheckpoints;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * A seed-group job's checkpoints as the microcircuit tasks (and the classification driver) take
 * them. The job's state is: the epoch (or stage),
 * the observers' accumulators (what the experiment's recorders and traces gathered so far), then the
 * task's progress (sample orders, counters and the whole group, see
 * {@link palsim.core.microcircuit.MicrocircuitGroup#writeState}).
 */
public final class GroupCheckpoints implements EpochCheckpoints {
    private final JobCheckpoint job;
    private final JobState observers;
    private final Consumer<StateReader> restoreObservers;
    private final IntConsumer restored;

    /**
     * @param observers writes the observers' state
     * @param restoreObservers reads it back
     * @param restored told the epoch a resumed job continues after (e.g. to advance the progress)
     */
    public GroupCheckpoints(JobCheckpoint job, JobState observers, Consumer<StateReader> restoreObservers, IntConsumer restored) {
        this.job = job;
        this.observers = observers;
        this.restoreObservers = restoreObservers;
        this.restored = restored;
    }

    @Override
    public StateReader resumeFrom() {
        Optional<StateReader> saved = job.saved();
        if (saved.isEmpty()) {
            return null;
        }
        StateReader in = saved.get();
        int epoch = in.readInt();
        if (epoch < 0) {
            throw new StateMismatchException("saved at epoch " + epoch);
        }
        restoreObservers.accept(in);
        restored.accept(epoch);
        return in;
    }

    @Override
    public void epochEnded(int epoch, Consumer<StateWriter> state) {
        job.epochEnded(epoch, out -> {
            out.writeInt(epoch);
            observers.write(out);
            state.accept(out);
        });
    }
}
