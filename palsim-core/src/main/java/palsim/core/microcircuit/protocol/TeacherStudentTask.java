package palsim.core.microcircuit.protocol;

import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * Task {@code fw_bw}, teacher–student (microcircuit.md §5.3; Fig. 1d/1e). A {@link TeacherSignal}
 * provides the input and the paired targets; each student settles on the unshuffled input without
 * target, then trains with all three learning switches on and u^tgt (a voltage, constant within a
 * block and paired with its sample when shuffled) nudging the output soma.
 *
 * @param student the students' circuit
 * @param teacher the teacher's circuit: the same rule, the teacher init ranges, self-predicting start
 * @param protocol settling, presentation time, dataset size, epochs, record interval
 */
public record TeacherStudentTask(MicrocircuitSpec student, MicrocircuitSpec teacher, RunProtocol protocol) {

    public TeacherStudentTask {
        protocol.validateFor(student.dt());
        protocol.validateFor(teacher.dt());
        if (!java.util.Arrays.equals(student.layers(), teacher.layers())) {
            throw new IllegalArgumentException("teacher and student must have the same layers");
        }
        if (!teacher.feedbackRule().name().equals(student.feedbackRule().name())) {
            throw new IllegalArgumentException("the teacher must use the students' feedback rule ("
                    + student.feedbackRule().name() + "), got " + teacher.feedbackRule().name());
        }
    }

    /** The task with the teacher built from the student's spec, {@code teacherRanges} and SPS (§4.3). */
    public static TeacherStudentTask of(MicrocircuitSpec student, InitialWeightRanges teacherRanges, RunProtocol protocol) {
        MicrocircuitSpec teacher = student.toBuilder().initialRanges(teacherRanges).selfPredictingStart(true).build();
        return new TeacherStudentTask(student, teacher, protocol);
    }

    /** Builds and runs the teacher of a run whose first seed is {@code firstSeed}. */
    public TeacherSignal teach(long firstSeed) {
        return TeacherSignal.generate(teacher, protocol, firstSeed);
    }

    /**
     * Builds the group of student {@code seeds} (at most L) and runs it through settling and
     * training.
     *
     * @return the group after the last epoch
     */
    public MicrocircuitGroup run(long[] seeds, TeacherSignal signal, RunObserver observer) {
        return run(seeds, signal, observer, EpochCheckpoints.none());
    }

    /**
     * As {@link #run(long[], TeacherSignal, RunObserver)}, continuing from the progress
     * {@code checkpoints} saved if it has any, and offering it the progress at every epoch end.
     */
    public MicrocircuitGroup run(long[] seeds, TeacherSignal signal, RunObserver observer, EpochCheckpoints checkpoints) {
        MicrocircuitGroup group = MicrocircuitGroup.create(student, seeds);
        new GroupDriver(group, protocol, signal.input(), signal.sampleTargetsView(), observer)
                .run(LearningSwitches.ALL, checkpoints);
        return group;
    }
}
