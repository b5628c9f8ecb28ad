package palsim.core.microcircuit.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * Splits a run's seeds into groups of at most L (in the given order) and runs the groups on a
 * number of threads. Each group is computed by one thread from its own state, so a seed's results
 * do not depend on the thread count or on which thread ran it.
 */
public final class SeedGroups {
    private SeedGroups() {}

    /**
     * Consecutive groups of at most L seeds: [s_0 … s_{L−1}], [s_L …], …, with L the lanes of a
     * group of {@code spec} ({@link MicrocircuitGroup#lanes(MicrocircuitSpec)}).
     */
    public static List<long[]> partition(MicrocircuitSpec spec, long[] seeds) {
        int lanes = MicrocircuitGroup.lanes(spec);
        List<long[]> groups = new ArrayList<>();
        for (int from = 0; from < seeds.length; from += lanes) {
            groups.add(Arrays.copyOfRange(seeds, from, Math.min(from + lanes, seeds.length)));
        }
        return groups;
    }

    /**
     * {@code work} applied to every group, on {@code threads} threads; results in group order.
     * The first failure (e.g. a SimulationDivergedException) is rethrown as it was thrown.
     */
    public static <R> List<R> run(List<long[]> groups, int threads, Function<long[], R> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be > 0, got " + threads);
        }
        if (threads == 1 || groups.size() <= 1) {
            List<R> results = new ArrayList<>(groups.size());
            for (long[] g : groups) {
                results.add(work.apply(g));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, groups.size()));
        try {
            List<Future<R>> futures = new ArrayList<>(groups.size());
            for (long[] g : groups) {
                futures.add(pool.submit(() -> work.apply(g)));
            }
            List<R> results = new ArrayList<>(groups.size());
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running seed groups", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
