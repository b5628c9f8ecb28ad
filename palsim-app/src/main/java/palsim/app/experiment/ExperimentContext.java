package palsim.app.experiment;

/**
 * Everything an experiment's {@link Experiment#run} gets from the framework.
 *
 * @param <S> the experiment's settings record
 */
public interface ExperimentContext<S extends ExperimentSettings> {

    /** The parsed settings. */
    S settings();

    /** Task, description, seeds (config order) and epochs. */
    CommonSettings common();

    /** Runs independent jobs on the run's worker threads ({@code --threads}, default: all cores), deterministically. */
    ParallelExecutor executor();

    /** Where metrics go (thread-safe); they become metrics.csv and summary.json. */
    MetricsSink metrics();

    /**
     * Where each job keeps its checkpoints and finds the state to resume from (docs/resume.md).
     * Default: none (every job starts afresh).
     */
    default Checkpoints checkpoints() {
        return Checkpoints.none(metrics());
    }

    /** Experiment-specific values for summary.json, e.g. {@code sign_flip_epoch} per rule and seed. */
    SummaryExtras summaryExtras();

    /** The run directory: figures and extra files, written atomically. */
    RunOutput output();

    /** Progress display for long runs (thread-safe). */
    ProgressReporter progress();

    /**
     * Adds a line to the short summary printed on stdout at the end of the run (after the standard
     * headline numbers), e.g. {@code "PAL flipped the sign of B in 10/10 seeds (median epoch 812)"}.
     */
    void headline(String line);
}
