package palsim.core.microcircuit.protocol;

import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightSnapshot;
import palsim.core.rng.RandomStreams;

/**
 * The teacher of task {@code fw_bw} and what it produces (microcircuit.md §4.3–4.4, §5.3 step 1).
 * Immutable.
 *
 * <p>The teacher seed s_T is drawn uniformly from [100000, 999999) with
 * {@code RandomStreams.seeded(firstSeed)}. The input X is drawn from s_T. The teacher (seed s_T,
 * its own init ranges, self-predicting start) settles on the unshuffled input with learning off,
 * then runs one unshuffled epoch with learning off and no target; before each of those steps its
 * output prospective voltage ŭ_N is appended to the per-step targets. A sample's target is the
 * value at the last step of its block — the settled teacher response, ≈ a_o W*_2 φ(a_h W*_1 x)
 * for [1-1-1].
 */
public final class TeacherSignal {
    /** Teacher seeds are drawn from [{@value}, …). */
    public static final int TEACHER_SEED_MIN = 100_000;
    /** … to {@value} (exclusive). */
    public static final int TEACHER_SEED_BOUND = 999_999;

    private final long teacherSeed;
    private final InputSignal input;
    private final double[][] stepTargets;
    private final double[][] sampleTargets;
    private final WeightSnapshot teacherWeights;

    private TeacherSignal(long teacherSeed, InputSignal input, double[][] stepTargets, double[][] sampleTargets,
            WeightSnapshot teacherWeights) {
        this.teacherSeed = teacherSeed;
        this.teacherWeights = teacherWeights;
        this.input = input;
        this.stepTargets = stepTargets;
        this.sampleTargets = sampleTargets;
    }

    /** s_T drawn from the run's first seed. */
    public static long teacherSeed(long firstSeed) {
        return RandomStreams.seeded(firstSeed).nextInt(TEACHER_SEED_MIN, TEACHER_SEED_BOUND);
    }

    /**
     * Builds and runs the teacher.
     *
     * @param teacher the teacher's circuit (same rule as the students, teacher init ranges, SPS)
     * @param protocol settling time, Tpres and dataset size are used
     * @param firstSeed the run's first student seed
     */
    public static TeacherSignal generate(MicrocircuitSpec teacher, RunProtocol protocol, long firstSeed) {
        protocol.validateFor(teacher.dt());
        long seed = teacherSeed(firstSeed);
        int k = protocol.stepsPerSample(teacher.dt());
        return run(teacher, protocol, seed, InputSignal.uniform(seed, protocol.datasetSize(), teacher.size(0), k));
    }

    /**
     * Builds the teacher of seed s_T (drawn from {@code firstSeed}) and runs it on a given input
     * instead of one drawn from s_T: the reference teacher of the update angle in task bw_only
     * (§6 step 1), which runs on the student's own input.
     *
     * @param input the input to run on; its sample count must be the protocol's dataset size and
     *     its K the protocol's Tpres/dt
     */
    public static TeacherSignal generate(MicrocircuitSpec teacher, RunProtocol protocol, long firstSeed, InputSignal input) {
        protocol.validateFor(teacher.dt());
        int k = protocol.stepsPerSample(teacher.dt());
        if (input.stepsPerSample() != k || input.samples() != protocol.datasetSize() || input.width() != teacher.size(0)) {
            throw new IllegalArgumentException("input has " + input.samples() + " samples of " + input.width()
                    + " values held " + input.stepsPerSample() + " steps; the teacher needs " + protocol.datasetSize()
                    + " samples of " + teacher.size(0) + " values held " + k + " steps");
        }
        return run(teacher, protocol, teacherSeed(firstSeed), input);
    }

    private static TeacherSignal run(MicrocircuitSpec teacher, RunProtocol protocol, long seed, InputSignal input) {
        int k = input.stepsPerSample();
        MicrocircuitGroup group = MicrocircuitGroup.create(teacher, seed);
        group.setLearning(LearningSwitches.OFF);
        int lanes = group.width();
        double[] x = new double[teacher.size(0) * lanes];
        int settling = protocol.settlingSteps(teacher.dt());
        for (int i = 0; i < settling; i++) {
            show(input, (i / k) % input.samples(), x, lanes);
            group.step(x, null);
        }
        double[][] stepTargets = new double[input.stepsPerEpoch()][];
        for (int t = 0; t < stepTargets.length; t++) {
            show(input, t / k, x, lanes);
            stepTargets[t] = group.outputProspectiveVoltage(0);
            group.step(x, null);
        }
        double[][] sampleTargets = new double[input.samples()][];
        for (int b = 0; b < sampleTargets.length; b++) {
            sampleTargets[b] = stepTargets[b * k + k - 1];
        }
        return new TeacherSignal(seed, input, stepTargets, sampleTargets, group.weights(0));
    }

    private static void show(InputSignal input, int sample, double[] x, int lanes) {
        for (int i = 0; i < input.width(); i++) {
            x[i * lanes] = input.value(sample, i);
        }
    }

    public long teacherSeed() {
        return teacherSeed;
    }

    /**
     * The teacher's weights W*, W^IP*, B*, B^PI* (it never learns, so they are those it was built
     * with): the reference values of a teacher–student figure (W*_1 = W*_2 = 2 in Fig. 1d).
     */
    public WeightSnapshot teacherWeights() {
        return teacherWeights;
    }

    /** The input all students share (drawn from s_T, or the one given to {@code generate}). */
    public InputSignal input() {
        return input;
    }

    /** ŭ_N of the teacher before each step of its epoch (dataset_size·K rows), copies. */
    public double[][] stepTargets() {
        return deepCopy(stepTargets);
    }

    /** The target paired with each sample: the teacher value at its block's last step, copies. */
    public double[][] sampleTargets() {
        return deepCopy(sampleTargets);
    }

    double[][] sampleTargetsView() {
        return sampleTargets;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
