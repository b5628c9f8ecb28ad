package palsim.app.experiment;

import palsim.core.state.StateWriter;

/**
 * Writes the state of one job at a boundary (an epoch end) for a checkpoint: everything the job
 * needs to continue from there with bit-identical results — engine state, generator states, sample
 * orders, counters and its observers' accumulators — as primitive values in a fixed order. The job
 * reads them back in the same order when it is resumed ({@link JobCheckpoint#saved()}). The metrics
 * it recorded are kept by the framework; do not write them.
 */
@FunctionalInterface
public interface JobState {
    void write(StateWriter out);
}
