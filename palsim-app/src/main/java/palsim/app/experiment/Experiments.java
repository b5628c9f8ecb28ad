package palsim.app.experiment;

import palsim.app.experiment.classification.ClassificationExperiment;

import palsim.app.experiment.autoencoder.AutoencoderExperiment;
import palsim.app.experiment.microcircuit.AlignmentExperiment;
import palsim.app.experiment.microcircuit.TeacherStudentExperiment;

/**
 * The one place where palsim's experiments are registered. Add a new experiment to the list in
 * {@link #standard()}; its {@code task} name becomes valid in configs and presets.
 */
public final class Experiments {
    private Experiments() {}

    /** The experiments palsim ships. */
    public static ExperimentRegistry standard() {
        return ExperimentRegistry.of(
                new AlignmentExperiment(),
                new TeacherStudentExperiment(),
                new AutoencoderExperiment(),
                new ClassificationExperiment());
    }
}
