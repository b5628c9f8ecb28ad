package palsim.app.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import palsim.app.InputException;

/** Experiments by task name. */
public final class ExperimentRegistry {
    private final Map<String, Experiment<?>> experiments = new LinkedHashMap<>();

    /** A registry holding {@code experiments}. */
    public static ExperimentRegistry of(Experiment<?>... experiments) {
        ExperimentRegistry registry = new ExperimentRegistry();
        for (Experiment<?> e : experiments) {
            registry.register(e);
        }
        return registry;
    }

    /**
     * Adds an experiment.
     *
     * @throws IllegalArgumentException if its task name is taken
     */
    public ExperimentRegistry register(Experiment<?> experiment) {
        if (experiments.putIfAbsent(experiment.task(), experiment) != null) {
            throw new IllegalArgumentException("task '" + experiment.task() + "' is already registered");
        }
        return this;
    }

    /** The registered task names, sorted. */
    public SortedSet<String> tasks() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(experiments.keySet()));
    }

    /**
     * The experiment of {@code task}.
     *
     * @throws InputException {@code task: unknown task 'x' (known: …)}
     */
    public Experiment<?> get(String task) {
        Experiment<?> experiment = experiments.get(task);
        if (experiment == null) {
            throw new InputException(CommonSettings.TASK + ": unknown task '" + task + "' (known: "
                    + (experiments.isEmpty() ? "none registered" : String.join(", ", tasks())) + ")");
        }
        return experiment;
    }
}
