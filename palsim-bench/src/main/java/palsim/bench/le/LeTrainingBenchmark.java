package palsim.bench.le;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import palsim.core.feedback.Backprop;
import palsim.core.feedback.DirectFeedbackAlignment;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.le.LeNetwork;
import palsim.core.le.LeNetworkSpec;
import palsim.core.le.Precision;
import palsim.core.neuron.Activation;

/**
 * Training throughput of the MNIST autoencoder 784-200-2-200-784 (tanh, identity, tanh, identity;
 * batch 32; le-network.md §3.3), in sample-steps per second (one operation = one sample advanced
 * by one step dt; a step advances all 32). Reference on the same machine kind: PyTorch CPU float32
 * ~15,000 (BP) and ~9,200 (PAL) sample-steps/s.
 *
 * <ul>
 *   <li>{@link #oneNetwork}: one network stepping on {@code threads} threads (the team splits every
 *       phase by rows);
 *   <li>{@link #twoIndependentNetworks}: two single-threaded networks (two seeds) on two JMH
 *       threads; the score is their sum — the throughput of a seed sweep on both cores.
 * </ul>
 * {@link #inferenceOnly} is the baseline: the same step in evaluation mode (no learning).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class LeTrainingBenchmark {
    private static final int BATCH = 32;

    /** A network with a random batch presented. */
    @State(Scope.Thread)
    public static class Network {
        @Param({"bp", "fa", "pal"})
        public String rule;

        @Param({"float32"})
        public String precision;

        @Param({"1", "2"})
        public int threads;

        LeNetwork network;

        @Setup(Level.Trial)
        public void setUp() {
            network = build(rule, Precision.byName(precision), threads, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            network.close();
        }
    }

    /** A single-threaded network per JMH thread. */
    @State(Scope.Thread)
    public static class SingleThreaded {
        @Param({"bp", "fa", "pal"})
        public String rule;

        LeNetwork network;

        @Setup(Level.Trial)
        public void setUp() {
            network = build(rule, Precision.FLOAT32, 1, Thread.currentThread().threadId());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            network.close();
        }
    }

    static FeedbackRule rule(String name) {
        return switch (name) {
            case "bp" -> new Backprop();
            case "fa" -> new FeedbackAlignment();
            case "dfa" -> new DirectFeedbackAlignment();
            case "pal" -> new PhaselessAlignment(new ExploratoryNoise(new double[] {0.01, 0.01, 0.01, 0.0}, 1.0, 0.0),
                    1.0, new double[] {0.8, 0.8, 0.8}, new double[] {1e-4, 1e-4, 1e-4}, 0.0);
            default -> throw new IllegalArgumentException("unknown rule " + name);
        };
    }

    static LeNetwork build(String ruleName, Precision precision, int threads, long seed) {
        LeNetworkSpec spec = LeNetworkSpec.builder(784, 200, 2, 200, 784)
                .activations(Activation.TANH, Activation.LINEAR, Activation.TANH, Activation.LINEAR)
                .learningRateFactors(1e-2, 1e-2, 1e-2, 1e-3)
                .feedbackRule(rule(ruleName)).precision(precision).batchSize(BATCH).build();
        LeNetwork network = LeNetwork.create(spec, seed, threads);
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[BATCH * 784];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextDouble() < 0.8 ? 0f : (float) random.nextDouble();
        }
        network.present(images, images);
        network.steps(5);
        return network;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long oneNetwork(Network state) {
        state.network.setTraining(true);
        state.network.step();
        return state.network.stepCount();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Threads(2)
    public long twoIndependentNetworks(SingleThreaded state) {
        state.network.step();
        return state.network.stepCount();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long inferenceOnly(Network state) {
        state.network.setTraining(false);
        state.network.step();
        return state.network.stepCount();
    }
}
