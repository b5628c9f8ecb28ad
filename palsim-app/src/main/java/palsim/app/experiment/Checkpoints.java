package palsim.app.experiment;

import java.util.Optional;
import palsim.core.state.StateReader;

/** The checkpoints of a run: one {@link JobCheckpoint} per job, by a key unique within the run. */
public interface Checkpoints {

    /**
     * The checkpoint side of the job {@code key} (e.g. its label, {@code "rule pal, seeds 1, 2"}):
     * the same key in the same run config must name the same job.
     *
     * @throws IllegalArgumentException if the key was asked for already
     */
    JobCheckpoint job(String key);

    /** No checkpoints: every job starts afresh and records straight into {@code metrics}. */
    static Checkpoints none(MetricsSink metrics) {
        return key -> new JobCheckpoint() {
            @Override
            public MetricsSink metrics() {
                return metrics;
            }

            @Override
            public Optional<StateReader> saved() {
                return Optional.empty();
            }

            @Override
            public void epochEnded(int epoch, JobState state) {}
        };
    }
}
