package palsim.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the fixed cost of a run goes, for measuring start-up: with {@code -Dpalsim.timing=true}
 * (e.g. {@code PALSIM_JAVA_OPTS=-Dpalsim.timing=true ./palsim reproduce fig1b --epochs 1}) the end of
 * each phase prints one line to stderr: the wall time since the JVM started, the CPU time the process
 * (all its threads, the JIT compilers included) and the marking thread have used so far. Off by
 * default, when a mark costs one read of a constant.
 */
public final class PhaseLog {
    /** The system property that turns the phase lines on. */
    public static final String PROPERTY = "palsim.timing";
    private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

    private PhaseLog() {}

    /** Notes that {@code phase} just ended (a no-op unless {@link #PROPERTY} is {@code true}). */
    public static void mark(String phase) {
        if (ENABLED) {
            print(phase);
        }
    }

    private static void print(String phase) {
        long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.err.printf(Locale.ROOT, "palsim timing: %6d ms wall %6d ms cpu %6d ms thread cpu  %s [%s]%n", wall, cpu,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000, phase, Thread.currentThread().getName());
    }
}
