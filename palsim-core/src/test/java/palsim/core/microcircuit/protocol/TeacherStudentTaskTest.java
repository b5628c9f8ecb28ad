package palsim.core.microcircuit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.FeedbackRule;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;

class TeacherStudentTaskTest {

    private static TeacherStudentTask fig1d(FeedbackRule rule, int epochs) {
        return TeacherStudentTask.of(Circuits.fig1dStudent(rule), TeacherSignalTest.FIG1D_TEACHER,
                new RunProtocol(100, 1, 100, epochs, 1000));
    }

    /**
     * Fig. 1d/1e in miniature: the paper's [1-1-1] setting for seed 1, 60 of its 5000 epochs
     * (6·10⁵ steps). The student's W_2 turns positive like the teacher's; PAL turns its negative
     * feedback weight positive too, FA keeps it.
     */
    @Test
    void palFlipsTheSignOfItsFeedbackWeightWhileFeedbackAlignmentKeepsIt() {
        TeacherStudentTask pal = fig1d(Circuits.fig1dPal(), 60);
        MicrocircuitGroup student = pal.run(new long[] {1}, pal.teach(1), RunObserver.none());
        double bStart = Circuits.fig1dStudentInitialFeedback(1);
        assertThat(bStart).isNegative();
        assertThat(student.forwardWeights(0, 2)[0]).isPositive();
        assertThat(student.feedbackWeights(0, 1)[0]).isPositive();

        TeacherStudentTask fa = fig1d(Circuits.fa(), 5);
        MicrocircuitGroup faStudent = fa.run(new long[] {1}, fa.teach(1), RunObserver.none());
        assertThat(faStudent.feedbackWeights(0, 1)[0]).isEqualTo(bStart);
        assertThat(faStudent.forwardWeights(0, 2)[0]).isPositive();
    }

    @Test
    void studentsLossFallsAndEveryTargetIsPairedWithItsSample() {
        TeacherStudentTask task = fig1d(Circuits.bp(), 8);
        TeacherSignal signal = task.teach(3);
        double[][] targets = signal.sampleTargets();
        OutputLoss loss = new OutputLoss(2, 1, 8);
        OutputTrace trace = new OutputTrace(2, 1, new int[] {1, 8}, 3, 100);
        RunObserver pairing = new RunObserver() {
            @Override
            public void recorded(MicrocircuitGroup group, RecordPoint point) {
                for (int lane = 0; lane < 2; lane++) {
                    int sample = BackwardOnlyTaskTest.sampleOf(signal.input(), point.input(), lane, group.width());
                    assertThat(point.target()[lane]).isEqualTo(targets[sample][0]);
                }
            }
        };
        task.run(new long[] {3, 4}, signal, RunObserver.all(loss, trace, pairing));
        for (int lane = 0; lane < 2; lane++) {
            double[] mse = loss.meanPerEpoch(lane);
            assertThat(mse).hasSize(9);
            assertThat(mse[8]).isLessThan(0.2 * mse[1]);
            double[][] first = trace.student(0, lane);
            double[][] last = trace.student(1, lane);
            double[][] target = trace.target(1, lane);
            assertThat(first).hasNumberOfRows(300);
            assertThat(Math.abs(last[299][0] - target[299][0])).isLessThan(Math.abs(first[299][0] - trace.target(0, lane)[299][0]));
        }
    }

    @Test
    void teacherMustShareTheStudentsLayersAndRule() {
        MicrocircuitSpec student = Circuits.fig1dStudent(Circuits.fa());
        MicrocircuitSpec teacher = Circuits.fig1dStudent(Circuits.bp());
        assertThatThrownBy(() -> new TeacherStudentTask(student, teacher, new RunProtocol(1, 1, 1, 1, 1)))
                .hasMessageContaining("the teacher must use the students' feedback rule (fa), got bp");
    }
}
