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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * Throughput of full groups (L seeds each) stepping on one and on two threads, each thread with its
 * own group — how seed groups scale over cores. JMH sums the throughput of the threads; the ratio
 * two/one is the scaling (≤ 2 on a two-core machine).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MicrocircuitGroupScalingBenchmark {

    @Param({"pal-5-20-10-20-5", "pal-1-1-1"})
    public String network;

    private MicrocircuitGroup group;
    private double[] input;
    private double[] target;

    @Setup(Level.Trial)
    public void build() {
        int lanes = MicrocircuitGroup.lanes(Precision.FLOAT64);
        long[] seeds = new long[lanes];
        for (int i = 0; i < lanes; i++) {
            seeds[i] = 1000 + i + Thread.currentThread().threadId() * lanes;
        }
        MicrocircuitSpec spec = MicrocircuitStepBenchmark.spec(network);
        group = MicrocircuitGroup.create(spec, seeds);
        int[] layers = spec.layers();
        lanes = group.width();
        input = new double[layers[0] * lanes];
        Arrays.fill(input, 0.4);
        if (network.endsWith("1-1-1")) {
            target = new double[layers[layers.length - 1] * lanes];
            Arrays.fill(target, 0.8);
            group.setLearning(LearningSwitches.ALL);
        } else {
            group.setLearning(LearningSwitches.BACKWARD_ONLY);
        }
    }

    /** Group steps per µs on one thread (multiply by L for seed-steps). */
    @Benchmark
    @Threads(1)
    public MicrocircuitGroup oneThread() {
        group.step(input, target);
        return group;
    }

    /** Group steps per µs on two threads together. */
    @Benchmark
    @Threads(2)
    public MicrocircuitGroup twoThreads() {
        group.step(input, target);
        return group;
    }
}
