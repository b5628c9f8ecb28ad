package palsim.app.experiment.microcircuit;

import java.util.List;
import java.util.Objects;
import palsim.app.experiment.ExperimentSettings;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.protocol.RunProtocol;

/**
 * The parsed config of task {@code bw_only} ({@link AlignmentExperiment}).
 *
 * @param circuits one student circuit per rule, in config order
 * @param protocol settling, Tpres, dataset size, epochs, record interval
 * @param teacherRanges the initial weight ranges of the reference teacher of {@code angle_dW_BP}
 *     (microcircuit.md §6 step 1); used only when {@code updateAngle} is on
 * @param updateAngle whether {@code angle_dW_BP} is computed at every epoch end (doubles the work)
 */
public record AlignmentSettings(List<RuleCircuit> circuits, RunProtocol protocol, InitialWeightRanges teacherRanges,
        boolean updateAngle) implements ExperimentSettings {

    public AlignmentSettings {
        circuits = List.copyOf(circuits);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(teacherRanges, "teacherRanges");
    }

    @Override
    public List<String> rules() {
        return circuits.stream().map(RuleCircuit::rule).toList();
    }
}
