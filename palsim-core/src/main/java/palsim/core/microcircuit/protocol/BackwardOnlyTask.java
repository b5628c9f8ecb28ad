package palsim.core.microcircuit.protocol;

import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * Task {@code bw_only} (microcircuit.md §5.2; Fig. 1b/1c): no teacher and no target, the output
 * is free. After settling, W stays frozen (its updates are still defined), W^IP and B^PI learn with
 * their rates, and B learns with the feedback rule (PAL: noise on).
 *
 * @param spec the circuit of every seed
 * @param protocol settling, presentation time, dataset size, epochs, record interval
 */
public record BackwardOnlyTask(MicrocircuitSpec spec, RunProtocol protocol) {

    public BackwardOnlyTask {
        protocol.validateFor(spec.dt());
    }

    /** The shared input of a run: X ~ U[0,1] drawn from the run's first seed (§4.4, quirk 12). */
    public InputSignal input(long firstSeed) {
        return InputSignal.uniform(firstSeed, protocol.datasetSize(), spec.size(0), protocol.stepsPerSample(spec.dt()));
    }

    /**
     * Builds the group of {@code seeds} (at most L) and runs it through settling and training.
     *
     * @return the group after the last epoch
     */
    public MicrocircuitGroup run(long[] seeds, InputSignal input, RunObserver observer) {
        return run(seeds, input, observer, EpochCheckpoints.none());
    }

    /**
     * As {@link #run(long[], InputSignal, RunObserver)}, continuing from the progress
     * {@code checkpoints} saved if it has any, and offering it the progress at every epoch end.
     */
    public MicrocircuitGroup run(long[] seeds, InputSignal input, RunObserver observer, EpochCheckpoints checkpoints) {
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, seeds);
        new GroupDriver(group, protocol, input, null, observer).run(LearningSwitches.BACKWARD_ONLY, checkpoints);
        return group;
    }
}
