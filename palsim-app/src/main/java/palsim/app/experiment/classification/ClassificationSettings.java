package palsim.app.experiment.classification;

import java.util.List;
import java.util.Objects;
import palsim.app.experiment.ExperimentSettings;
import palsim.core.microcircuit.classification.VoltageReadout;

/**
 * The parsed config of task {@code classification} ({@link ClassificationExperiment}).
 *
 * @param circuits one circuit per rule entry (× hidden size in a hidden-size study), config order
 * @param data the task and its samples
 * @param epochs training epochs
 * @param readout how a sample's class is decided
 * @param noiseWhileEvaluating whether exploratory noise stays on while validating and testing
 * @param hiddenSizes the hidden sizes of a hidden-size study, empty otherwise
 * @param accuracyTarget the test accuracy a hidden-size study asks the smallest sufficient size for
 */
public record ClassificationSettings(List<ClassCircuit> circuits, ClassificationData data, int epochs, VoltageReadout readout,
        boolean noiseWhileEvaluating, int[] hiddenSizes, double accuracyTarget) implements ExperimentSettings {

    public ClassificationSettings {
        circuits = List.copyOf(circuits);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(readout, "readout");
        hiddenSizes = hiddenSizes.clone();
    }

    @Override
    public List<String> rules() {
        return circuits.stream().map(ClassCircuit::label).toList();
    }

    /** The rule entries' names, config order, each once. */
    public List<String> ruleEntries() {
        return circuits.stream().map(ClassCircuit::rule).distinct().toList();
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }
}
