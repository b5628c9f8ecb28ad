package palsim.bench.microcircuit;

import palsim.core.le.Precision;
import java.util.Arrays;
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
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.SynapsesFirstStepOrder;
import palsim.core.microcircuit.WeightRange;

/**
 * One training step of the classification circuits (synapses-first order, everything learning,
 * teaching and noise on) for one seed alone and for a full group of L seeds: Yin-Yang [4-30-3] and
 * MNIST [784-100-10], PAL and FA, in float64 and float32 (whose full group holds more seeds: L
 * depends on the precision). Time per group step; divide by the seeds for a seed-step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ClassificationStepBenchmark {

    @Param({"4-30-3", "784-100-10"})
    public String network;

    @Param({"pal", "fa"})
    public String rule;

    @Param({"1", "L"})
    public String seeds;

    @Param({"float64", "float32"})
    public String precision;

    private MicrocircuitGroup group;
    private double[] input;
    private double[] target;

    static MicrocircuitSpec spec(String network, String rule) {
        boolean mnist = network.startsWith("784");
        int[] layers = mnist ? new int[] {784, 100, 10} : new int[] {4, 30, 3};
        FeedbackRule r = rule.equals("pal")
                ? new PhaselessAlignment(new ExploratoryNoise(new double[] {0.01}, 0.1, 0.01), 0.1,
                        new double[] {mnist ? 0.2 : 0.5}, new double[] {1e-6}, 0)
                : new FeedbackAlignment();
        return MicrocircuitSpec.builder(layers)
                .forwardLearningRates(mnist ? 1.0 : 50.0, mnist ? 0.005 : 0.01)
                .pyramidToInterneuronLearningRates(mnist ? 0.02 : 0.05)
                .interneuronToPyramidLearningRates(0.02)
                .initialRanges(new InitialWeightRanges(WeightRange.of(-0.1, 0.1), WeightRange.of(-0.1, 0.1),
                        WeightRange.of(-1, 1), WeightRange.of(-1, 1)))
                .feedbackRule(r)
                .stepOrder(new SynapsesFirstStepOrder(100, !rule.equals("pal")))
                .build();
    }

    @Setup(Level.Trial)
    public void build() {
        Precision p = Precision.byName(precision);
        MicrocircuitSpec spec = spec(network, rule).toBuilder().precision(p).build();
        int count = seeds.equals("L") ? MicrocircuitGroup.lanes(p) : 1;
        long[] s = new long[count];
        for (int i = 0; i < count; i++) {
            s[i] = 123456 + i;
        }
        group = MicrocircuitGroup.create(spec, s);
        int[] layers = spec.layers();
        input = new double[layers[0] * group.width()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (i * 37 % 101) / 101.0;
        }
        target = new double[layers[2] * group.width()];
        Arrays.fill(target, 0.1);
        for (int k = 0; k < group.width(); k++) {
            target[group.index(1, k)] = 1.0;
        }
        group.setLearning(LearningSwitches.ALL);
        group.setNoise(true);
        group.resetPlayers(input, target);
    }

    /** One group step (µs). */
    @Benchmark
    public MicrocircuitGroup step() {
        group.step(input, target);
        return group;
    }
}
