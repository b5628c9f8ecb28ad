package palsim.bench.microcircuit;

import palsim.core.le.Precision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import palsim.core.feedback.Backprop;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightRange;

/**
 * Time of one group step of the dendritic microcircuit (microcircuit.md §2.3) for the paper's
 * networks: [5-20-10-20-5] under PAL and BP with the bw_only switches (Fig. 1b), and the [1-1-1]
 * teacher–student student with every weight learning and a target (Fig. 1d). {@code seeds} = 1
 * times a group holding one seed (which runs at lane width 1), {@code seeds} = L a full group; divide by
 * {@code seeds} for the per-seed cost. The baseline is a fixed dependent chain of 1000 multiply-adds,
 * a yardstick for the machine's speed in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MicrocircuitStepBenchmark {

    /** Network and rule. */
    @Param({"pal-5-20-10-20-5", "bp-5-20-10-20-5", "pal-1-1-1"})
    public String network;

    /** Seeds in the group: 1, or 0 for a full group of L. */
    @Param({"1", "0"})
    public int seeds;

    private MicrocircuitGroup group;
    private double[] input;
    private double[] target;
    private double chain = 1.0;

    @Setup(Level.Trial)
    public void build() {
        int count = seeds == 0 ? MicrocircuitGroup.lanes(Precision.FLOAT64) : seeds;
        long[] seedList = new long[count];
        for (int i = 0; i < count; i++) {
            seedList[i] = 100 + i;
        }
        MicrocircuitSpec spec = spec(network);
        group = MicrocircuitGroup.create(spec, seedList);
        int lanes = group.width();
        int[] layers = spec.layers();
        input = new double[layers[0] * lanes];
        for (int i = 0; i < input.length; i++) {
            input[i] = 0.3 + 0.01 * ((i / lanes) % 7); // the same input for every seed and width
        }
        if (network.endsWith("1-1-1")) {
            target = new double[layers[layers.length - 1] * lanes];
            java.util.Arrays.fill(target, 0.8);
            group.setLearning(LearningSwitches.ALL);
        } else {
            group.setLearning(LearningSwitches.BACKWARD_ONLY);
        }
        for (int t = 0; t < 2000; t++) {
            group.step(input, target);
        }
    }

    static MicrocircuitSpec spec(String network) {
        return switch (network) {
            case "pal-5-20-10-20-5" -> fig1b(pal(3, 0.05, 50, 1e-5));
            case "bp-5-20-10-20-5" -> fig1b(new Backprop()).toBuilder().interneuronToPyramidLearningRates(0, 0, 0).build();
            case "pal-1-1-1" -> MicrocircuitSpec.builder(1, 1, 1)
                    .forwardLearningRates(2, 0.5)
                    .pyramidToInterneuronLearningRates(10)
                    .interneuronToPyramidLearningRates(0.5)
                    .feedbackRule(pal(1, 0.01, 20, 1e-6))
                    .initialRanges(new InitialWeightRanges(WeightRange.of(-1, 0), WeightRange.of(-1, 1),
                            WeightRange.of(-1, 0), WeightRange.of(-1, 1)))
                    .build();
            default -> throw new IllegalArgumentException("unknown network " + network);
        };
    }

    private static MicrocircuitSpec fig1b(FeedbackRule rule) {
        return MicrocircuitSpec.builder(5, 20, 10, 20, 5)
                .forwardLearningRates(1, 1, 1, 1)
                .pyramidToInterneuronLearningRates(0, 0, 0)
                .interneuronToPyramidLearningRates(5, 5, 5)
                .feedbackRule(rule)
                .build();
    }

    private static PhaselessAlignment pal(int hidden, double sigma, double eta, double alpha) {
        double[] s = new double[hidden];
        double[] e = new double[hidden];
        double[] a = new double[hidden];
        java.util.Arrays.fill(s, sigma);
        java.util.Arrays.fill(e, eta);
        java.util.Arrays.fill(a, alpha);
        return new PhaselessAlignment(new ExploratoryNoise(s, 0.1, 0.01), 0.1, e, a, 100);
    }

    @Benchmark
    public MicrocircuitGroup step() {
        group.step(input, target);
        return group;
    }

    @Benchmark
    public double baseline() {
        double x = chain;
        for (int i = 0; i < 1000; i++) {
            x = Math.fma(x, 0.999999, 1e-9);
        }
        chain = x;
        return x;
    }
}
