package palsim.app.experiment.classification;

import java.util.Map;
import java.util.SequencedMap;
import palsim.app.data.DataSplit;
import palsim.app.experiment.ExperimentContext;
import palsim.app.plot.Figure;

/** The figures of a classification run. */
final class ClassificationFigures {
    private ClassificationFigures() {}

    static void write(ExperimentContext<ClassificationSettings> context, ClassificationSettings settings, DataSplit split,
            Map<String, ClassificationRecorder.TestResults> tests) {
        SequencedMap<String, Figure> figures = ClassificationExperiment.curves(context);
        context.output().writeFigures(figures, context.executor());
    }
}
