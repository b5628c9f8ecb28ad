package palsim.app.experiment;

import java.util.List;

/**
 * What the framework needs to know about an experiment's parsed settings. Implementations are
 * immutable records built by {@link Experiment#parse}.
 */
public interface ExperimentSettings {

    /**
     * The feedback rules the run compares ({@code bp}, {@code fa}, {@code dfa}, {@code pal}, …), in
     * config order. This order is the order of metrics.csv, summary.json and the plot legends.
     */
    List<String> rules();
}
