package palsim.app.experiment.microcircuit;

import java.util.List;
import java.util.Objects;
import palsim.app.experiment.ExperimentSettings;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.protocol.RunProtocol;

/**
 * The parsed config of task {@code fw_bw} ({@link TeacherStudentExperiment}).
 *
 * @param circuits one student circuit per rule, in config order
 * @param protocol settling, Tpres, dataset size, epochs, record interval
 * @param teacherRanges the teacher's initial weight ranges (§4.3; [2, 2] for W in Fig. 1d)
 * @param updateAngle whether {@code angle_dW_BP} is computed at every epoch end (doubles the work)
 * @param trace what the output-trace figure shows
 */
public record TeacherStudentSettings(List<RuleCircuit> circuits, RunProtocol protocol, InitialWeightRanges teacherRanges,
        boolean updateAngle, TraceSettings trace) implements ExperimentSettings {

    public TeacherStudentSettings {
        circuits = List.copyOf(circuits);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(teacherRanges, "teacherRanges");
        Objects.requireNonNull(trace, "trace");
    }

    @Override
    public List<String> rules() {
        return circuits.stream().map(RuleCircuit::rule).toList();
    }
}
