package palsim.core.microcircuit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.core.feedback.FeedbackRule;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.CircuitState;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightRange;
import palsim.core.microcircuit.protocol.RunProtocol;
import palsim.core.microcircuit.protocol.TeacherSignal;
import palsim.core.microcircuit.protocol.TeacherStudentTask;

class BackpropUpdateAngleTest {

    private static List<double[]> angles(FeedbackRule rule, int snapshots) {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(3, 4, 2).feedbackRule(rule).forwardLearningRates(1, 1).build();
        TeacherStudentTask task = TeacherStudentTask.of(spec, InitialWeightRanges.uniform(WeightRange.of(-1, 1)),
                new RunProtocol(10, 1, 10, 0, 100));
        TeacherSignal teacher = task.teach(1);
        BackpropUpdateAngle metric = new BackpropUpdateAngle(spec, teacher.input(), teacher.stepTargets());
        List<CircuitState> states = new ArrayList<>();
        for (long s = 1; s <= snapshots; s++) {
            states.add(CircuitState.draw(spec, s));
        }
        return metric.meanAngles(states);
    }

    @Test
    void backpropFeedbackMakesMicrocircuitUpdatesParallelToBackpropagation() {
        for (double[] perLayer : angles(Circuits.bp(), 4)) {
            assertThat(perLayer).hasSize(2);
            assertThat(perLayer[0]).isLessThan(5);
            assertThat(perLayer[1]).isLessThan(5);
        }
    }

    @Test
    void randomFeedbackMisalignsHiddenUpdatesButNotOutputUpdates() {
        List<double[]> fa = angles(Circuits.fa(), 9);
        double hidden = 0;
        for (double[] perLayer : fa) {
            hidden += perLayer[0] / fa.size();
            assertThat(perLayer[1]).isLessThan(5);
        }
        assertThat(hidden).isGreaterThan(30);
    }

    @Test
    void targetsMustCoverEveryStep() {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(3, 4, 2).feedbackRule(Circuits.fa()).build();
        TeacherSignal teacher = TeacherStudentTask.of(spec, InitialWeightRanges.uniform(WeightRange.of(-1, 1)),
                new RunProtocol(10, 1, 10, 0, 100)).teach(1);
        assertThatThrownBy(() -> new BackpropUpdateAngle(spec, teacher.input(), new double[3][2]))
                .hasMessageContaining("need one target per step");
    }
}
