package palsim.core.microcircuit.protocol;

import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
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

    private TeacherSignal(long teacherSeed, InputSignal input, double[][] stepTargets, double[][] sampleTargets) {
        this.teacherSeed = teacherSeed;
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
        InputSignal input = InputSignal.uniform(seed, protocol.datasetSize(), teacher.size(0), k);
        MicrocircuitGroup group = MicrocircuitGroup.create(teacher, seed);
        group.setLearning(LearningSwitches.OFF);
        int lanes = MicrocircuitGroup.lanes();
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
        return new TeacherSignal(seed, input, stepTargets, sampleTargets);
    }

    private static void show(InputSignal input, int sample, double[] x, int lanes) {
        for (int i = 0; i < input.width(); i++) {
            x[i * lanes] = input.value(sample, i);
        }
    }

    public long teacherSeed() {
        return teacherSeed;
    }

    /** The input all students share (drawn from s_T). */
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
