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
 * Splits a run's seeds into groups (in the given order, at most L seeds each) and runs the groups on a
 * number of threads. Each group is computed by one thread from its own state, so a seed's results
 * do not depend on the thread count or on which thread ran it.
 */
public final class SeedGroups {
    private SeedGroups() {}

    /**
     * A projection with at least this many weights makes a circuit "large": its seeds run one per group
     * ({@link #seedsPerGroup}).
     */
    static final int LARGE_PROJECTION = 16_384;

    /**
     * Consecutive groups of at most {@link #seedsPerGroup} seeds: [s_0 … s_{G−1}], [s_G …], …
     */
    public static List<long[]> partition(MicrocircuitSpec spec, long[] seeds) {
        int size = seedsPerGroup(spec);
        List<long[]> groups = new ArrayList<>();
        for (int from = 0; from < seeds.length; from += size) {
            groups.add(Arrays.copyOfRange(seeds, from, Math.min(from + size, seeds.length)));
        }
        return groups;
    }

    /**
     * How many seeds share a group: L ({@link MicrocircuitGroup#lanes(MicrocircuitSpec)}) for small
     * circuits, where one vector operation serves L seeds; 1 for circuits with a projection of at least
     * {@link #LARGE_PROJECTION} weights (MNIST's 100 × 784). Such a step streams its weights from the
     * caches, so a seed costs about as much alone (column-major kernels) as in a lane of a group whose
     * L copies no longer fit — and one-seed groups spread over the threads without the idle lanes of a
     * last, partly filled group. A seed's results are the same either way.
     */
    public static int seedsPerGroup(MicrocircuitSpec spec) {
        int[] n = spec.layers();
        for (int l = 1; l < n.length; l++) {
            if ((long) n[l] * n[l - 1] >= LARGE_PROJECTION) {
                return 1;
            }
        }
        return MicrocircuitGroup.lanes(spec);
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
