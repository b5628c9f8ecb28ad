package palsim.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the fixed cost of a run goes, for measuring start-up: with {@code -Dpalsim.timing=true}
 * (e.g. {@code PALSIM_JAVA_OPTS=-Dpalsim.timing=true ./palsim reproduce fig1b --epochs 1}) the end of
 * each phase prints one line to stderr: the wall time since the JVM started, the CPU time the process
 * (all its threads, the JIT compilers included) and the marking thread have used so far, and a last
 * line when the JVM begins to shut down, followed, where Linux's {@code /proc} is readable, by the CPU
 * time of the process's threads grouped by name (the JIT compilers, the garbage collector, palsim's
 * threads). Off by default, when a mark costs one read of a constant.
 *
 * <p>The wall time is the JVM's uptime, counted from the process's start like {@code -Xlog}'s
 * {@code uptime}: the JVM's own creation (mapping the class-data archive, resolving the module graph)
 * is part of it. (The management bean's start time is taken only once the JVM has been created, some
 * 0.1–0.3 s later, which hid that time and made the exit look that much slower.)
 */
public final class PhaseLog {
    /** The system property that turns the phase lines on. */
    public static final String PROPERTY = "palsim.timing";
    private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                print("JVM shutdown");
                printThreadCpu();
            }, "palsim-timing-shutdown"));
        }
    }

    private PhaseLog() {}

    /** Notes that {@code phase} just ended (a no-op unless {@link #PROPERTY} is {@code true}). */
    public static void mark(String phase) {
        if (ENABLED) {
            print(phase);
        }
    }

    private static void print(String phase) {
        long wall = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.err.printf(Locale.ROOT, "palsim timing: %6d ms wall %6d ms cpu %6d ms thread cpu  %s [%s]%n", wall, cpu,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000, phase, Thread.currentThread().getName());
    }

    /**
     * The CPU time of the live threads, from {@code /proc/self/task/N/stat} (user and system time in
     * clock ticks, 100 per second on Linux), summed over names that differ only in a number
     * ("C2 CompilerThread0", "GC Thread#1"). Threads that have already ended are not listed.
     */
    private static void printThreadCpu() {
        Map<String, Long> ticksByName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(task.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close).replaceAll("[#]?[0-9]+$", "").strip();
                // After the name: state, then 10 fields up to utime (field 14) and stime (field 15).
                String[] fields = stat.substring(close + 2).split(" ");
                ticksByName.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return; // not Linux, or /proc unreadable: the phase lines are all there is
        }
        StringBuilder line = new StringBuilder("palsim timing: thread cpu at shutdown (ms):");
        ticksByName.forEach((name, ticks) -> {
            if (ticks > 0) {
                line.append(' ').append(name).append('=').append(ticks * 10);
            }
        });
        System.err.println(line);
    }
}
