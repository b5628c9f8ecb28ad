package palsim.core.microcircuit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightRange;

class TeacherSignalTest {
    static final InitialWeightRanges FIG1D_TEACHER = new InitialWeightRanges(WeightRange.of(2, 2), WeightRange.of(-1, 1),
            WeightRange.of(-1, 1), WeightRange.of(-1, 1));

    @Test
    void teacherSeedIsDrawnFromTheFirstSeedInTheSpecsRange() {
        for (long seed = 0; seed < 50; seed++) {
            long teacher = TeacherSignal.teacherSeed(seed);
            assertThat(teacher).isBetween(100_000L, 999_998L).isEqualTo(TeacherSignal.teacherSeed(seed));
        }
        assertThat(TeacherSignal.teacherSeed(1)).isNotEqualTo(TeacherSignal.teacherSeed(2));
    }

    @Test
    void sampleTargetsAreTheSettledTeacherResponse() {
        MicrocircuitSpec student = Circuits.fig1dStudent(Circuits.fig1dPal());
        TeacherStudentTask task = TeacherStudentTask.of(student, FIG1D_TEACHER, new RunProtocol(100, 1, 20, 1, 1000));
        TeacherSignal signal = task.teach(123);
        Conductances g = student.conductances();
        double[][] targets = signal.sampleTargets();
        for (int s = 0; s < 20; s++) {
            double x = signal.input().value(s, 0);
            double hidden = 1 / (1 + Math.exp(-g.hiddenBasalAttenuation() * 2 * x));
            assertThat(targets[s][0]).as("sample %d", s).isCloseTo(g.outputBasalAttenuation() * 2 * hidden, within(1e-9));
        }
        assertThat(signal.stepTargets()).hasNumberOfRows(20 * 100);
        assertThat(signal.input().sample(0)).isEqualTo(InputSignal.uniform(signal.teacherSeed(), 20, 1, 100).sample(0));
    }

    @Test
    void teacherTargetsAgreeAcrossFeedbackRules() {
        RunProtocol protocol = new RunProtocol(100, 1, 10, 1, 1000);
        double[][] pal = TeacherStudentTask.of(Circuits.fig1dStudent(Circuits.fig1dPal()), FIG1D_TEACHER, protocol)
                .teach(5).sampleTargets();
        double[][] fa = TeacherStudentTask.of(Circuits.fig1dStudent(Circuits.fa()), FIG1D_TEACHER, protocol)
                .teach(5).sampleTargets();
        double[][] bp = TeacherStudentTask.of(Circuits.fig1dStudent(Circuits.bp()), FIG1D_TEACHER, protocol)
                .teach(5).sampleTargets();
        for (int s = 0; s < 10; s++) {
            assertThat(fa[s][0]).isCloseTo(pal[s][0], within(1e-9));
            assertThat(bp[s][0]).isCloseTo(pal[s][0], within(1e-9));
        }
    }
    /** The bw_only update angle's teacher (§6 step 1) runs on the student's input, not on one drawn from s_T. */
    @Test
    void teacherRunOnAGivenInputAnswersThatInputAndKeepsItsWeights() {
        MicrocircuitSpec student = Circuits.fig1dStudent(Circuits.fig1dPal());
        MicrocircuitSpec teacher = student.toBuilder().initialRanges(FIG1D_TEACHER).build();
        RunProtocol protocol = new RunProtocol(100, 1, 12, 1, 1000);
        InputSignal studentInput = InputSignal.uniform(42, 12, 1, 100);
        TeacherSignal signal = TeacherSignal.generate(teacher, protocol, 7, studentInput);
        Conductances g = student.conductances();
        assertThat(signal.teacherSeed()).isEqualTo(TeacherSignal.teacherSeed(7));
        assertThat(signal.input()).isSameAs(studentInput);
        assertThat(signal.teacherWeights().forward(1)).containsExactly(2.0);
        assertThat(signal.teacherWeights().forward(2)).containsExactly(2.0);
        double[][] targets = signal.sampleTargets();
        for (int s = 0; s < 12; s++) {
            double x = studentInput.value(s, 0);
            double hidden = 1 / (1 + Math.exp(-g.hiddenBasalAttenuation() * 2 * x));
            assertThat(targets[s][0]).as("sample %d", s).isCloseTo(g.outputBasalAttenuation() * 2 * hidden, within(1e-9));
        }
        assertThatThrownBy(() -> TeacherSignal.generate(teacher, protocol, 7, InputSignal.uniform(42, 11, 1, 100)))
                .hasMessageContaining("the teacher needs 12 samples");
    }
}
