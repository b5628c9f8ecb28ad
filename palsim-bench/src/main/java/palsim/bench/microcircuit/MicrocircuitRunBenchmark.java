package palsim.bench.microcircuit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.metrics.FeedbackAngles;
import palsim.core.microcircuit.protocol.BackwardOnlyTask;
import palsim.core.microcircuit.protocol.InputSignal;
import palsim.core.microcircuit.protocol.RunObserver;
import palsim.core.microcircuit.protocol.RunProtocol;
import palsim.core.microcircuit.protocol.SeedGroups;

/**
 * A whole Fig. 1b run as the experiment will do it: the paper's 10 seeds, settling (10⁴ steps) and
 * 100 epochs of 10⁴ steps each, with the three alignment angles at every epoch end, on 1 or 2
 * threads. One shot, no warm-up: this is the wall time a user waits.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class MicrocircuitRunBenchmark {
    private static final long[] FIG1B_SEEDS = {123, 456, 789, 111, 222, 1, 3, 5, 7, 9};

    @Param({"1", "2"})
    public int threads;

    @Param({"100"})
    public int epochs;

    @Benchmark
    public List<MicrocircuitGroup> fig1b() {
        BackwardOnlyTask task = new BackwardOnlyTask(MicrocircuitStepBenchmark.spec("pal-5-20-10-20-5"),
                new RunProtocol(100, 1, 100, epochs, 1000));
        InputSignal input = task.input(FIG1B_SEEDS[0]);
        return SeedGroups.run(SeedGroups.partition(task.spec(), FIG1B_SEEDS), threads, seeds -> task.run(seeds, input, new RunObserver() {
            @Override
            public void epochEnded(MicrocircuitGroup group, int epoch) {
                for (int lane = 0; lane < group.seedCount(); lane++) {
                    FeedbackAngles.of(group, lane);
                }
            }
        }));
    }
}
