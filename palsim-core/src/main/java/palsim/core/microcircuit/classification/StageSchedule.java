package palsim.core.microcircuit.classification;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of stages of a classification run (microcircuit-classification.md §6.2): for every
 * epoch a validation pass and then a training pass; then a final validation pass and the test. So
 * there are epochs + 1 validation results, the first before any training.
 */
public final class StageSchedule {
    private StageSchedule() {}

    /**
     * The reference protocol's schedule.
     *
     * @param epochs training epochs, ≥ 0
     * @param noiseWhileEvaluating whether noise stays on in validation and test (it does in the reference)
     */
    public static List<Stage> standard(int epochs, boolean noiseWhileEvaluating) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        List<Stage> stages = new ArrayList<>(2 * epochs + 2);
        for (int e = 0; e < epochs; e++) {
            stages.add(Stage.evaluation(Split.VALIDATION, e, noiseWhileEvaluating));
            stages.add(Stage.training(e + 1));
        }
        stages.add(Stage.evaluation(Split.VALIDATION, epochs, noiseWhileEvaluating));
        stages.add(Stage.evaluation(Split.TEST, epochs, noiseWhileEvaluating));
        return List.copyOf(stages);
    }
}
