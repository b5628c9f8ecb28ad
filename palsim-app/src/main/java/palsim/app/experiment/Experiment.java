package palsim.app.experiment;

import palsim.app.config.ConfigDocument;
import palsim.app.config.ConfigSection;

/**
 * One kind of experiment, selected by the config's {@code task} key: how to read its config and how
 * to run it. Implementations are stateless; register them in {@link Experiments#standard()}.
 *
 * <p>Lifecycle, as {@code palsim run} drives it:
 * <ol>
 *   <li>{@link #parse}: read the experiment's sections into an immutable, fully validated settings
 *       record. Everything that can be checked without running is checked here (sizes, ranges,
 *       rule settings through {@code ConfigSection.createRule}, {@code FeedbackRule.validateFor}),
 *       so a bad config fails before a run directory is made. Read every key you use through the
 *       section: keys nobody reads are reported as unknown, and defaults you apply are recorded in the
 *       resolved {@code config.yaml}.
 *   <li>{@link #run}: do the work with the {@link ExperimentContext} — independent jobs through its
 *       {@link ParallelExecutor}, metrics into its {@link MetricsSink}, figures and extra files
 *       through its {@link RunOutput}. Results must not depend on the thread count.
 * </ol>
 *
 * @param <S> the settings record
 */
public interface Experiment<S extends ExperimentSettings> {

    /** The {@code task} value that selects this experiment, e.g. {@code alignment}. */
    String task();

    /** One line for listings and messages, e.g. "B–Wᵀ alignment in the microcircuit (Fig. 1b/c)". */
    String summary();

    /**
     * Fits keys that count epochs to {@code --epochs N}, before {@link #parse}: {@code epochs} has just
     * been replaced by N, and a config that was valid for its own {@code epochs} (e.g. a resolved
     * config.yaml, where such keys hold the defaults derived from it) must stay valid. Leave values
     * of the wrong type alone: {@link #parse} reports them. Default: no such keys.
     */
    default void fitToEpochs(ConfigDocument config, int epochs) {
        // Most experiments have no keys that count epochs.
    }

    /**
     * Reads and validates the experiment's settings.
     *
     * @param config the top level of the config (the common keys are already read)
     * @param common the common keys: seeds (after {@code --seeds}), epochs (after {@code --epochs})
     * @throws palsim.app.InputException for any bad value, naming its key path
     */
    S parse(ConfigSection config, CommonSettings common);

    /**
     * Checks, before the run directory is made, that the files the run will read are there (e.g. a
     * data set), so that a missing one is reported without leaving a failed run behind. Reading
     * them is {@link #run}'s job. Default: nothing to check.
     *
     * @throws palsim.app.InputException naming the missing file
     */
    default void checkInputs(S settings) {
        // Most experiments read no files.
    }

    /**
     * Runs the experiment. Throw {@link palsim.core.SimulationDivergedException} (directly or from a
     * job) when a simulation diverges, an {@link palsim.app.InputException} for bad input found only
     * now (e.g. a missing data file); anything else is reported as an internal error.
     */
    void run(ExperimentContext<S> context) throws Exception;
}
