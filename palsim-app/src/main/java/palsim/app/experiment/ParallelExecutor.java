package palsim.app.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import palsim.core.SimulationDivergedException;

/**
 * Runs independent jobs (e.g. one per rule × group of seeds) on a fixed number of threads.
 *
 * <p>Determinism: jobs are taken in list order; results come back in list order; a job must not
 * depend on any other job (each derives its own random streams from its seed). So results are the
 * same for any thread count.
 *
 * <p>Failures: a job whose simulation diverged ({@link palsim.core.SimulationDivergedException})
 * stops only itself: every other job still runs to the end, so what they record is kept, and then
 * the first diverged job in list order is reported, with every other diverged job attached as a
 * suppressed {@link JobFailedException}. Any other failure of job f is a bug or an environment
 * problem: jobs after f are not started, jobs before f still run. Either way the failure reported is
 * the first failing job <em>in list order</em>, not the first to fail in time, so the report is the
 * same for any thread count. It is a {@link JobFailedException} naming the job, whose cause is what
 * the job threw.
 */
public final class ParallelExecutor {
    private final int threads;

    /** @param threads worker threads, ≥ 1 */
    public ParallelExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    /**
     * One unit of independent work.
     *
     * @param label names the job in failure messages, e.g. {@code "rule pal, seeds 123, 456"}
     * @param work the computation
     */
    public record Job<T>(String label, Callable<T> work) {
        public Job {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(work, "work");
        }

        /** A job without a result. */
        public static Job<Void> of(String label, Runnable work) {
            return new Job<>(label, () -> {
                work.run();
                return null;
            });
        }
    }

    /**
     * Runs all jobs and returns their results in job order.
     *
     * @throws JobFailedException for the first failing job in job order
     */
    public <T> List<T> run(List<Job<T>> jobs) {
        int n = jobs.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        Runnable worker = () -> {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= n || i > firstFailure.get()) {
                    return;
                }
                try {
                    results[i] = jobs.get(i).work().call();
                } catch (Throwable t) {
                    failures[i] = t;
                    if (!diverged(t)) {
                        firstFailure.accumulateAndGet(i, Math::min);
                    }
                }
            }
        };
        int workers = Math.min(threads, n);
        if (workers <= 1) {
            worker.run();
        } else {
            runOnThreads(worker, workers, firstFailure);
        }
        int stoppedAt = firstFailure.get();
        JobFailedException reported = null;
        for (int i = 0; i < n && i <= stoppedAt; i++) {
            if (failures[i] == null) {
                continue;
            }
            JobFailedException failure = new JobFailedException(jobs.get(i).label(), i, failures[i]);
            if (reported == null) {
                reported = failure;
            } else if (stoppedAt == Integer.MAX_VALUE) {
                // Only divergences, so every job ran: the other diverged jobs are the same for any thread count.
                reported.addSuppressed(failure);
            }
        }
        if (reported != null) {
            throw reported;
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return new ArrayList<>(list);
    }

    /** Whether {@code failure} is, or was caused by, a diverged simulation. */
    private static boolean diverged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SimulationDivergedException) {
                return true;
            }
        }
        return false;
    }

    /** Runs jobs without results. */
    public void runAll(List<Job<Void>> jobs) {
        run(jobs);
    }

    private static void runOnThreads(Runnable worker, int workers, AtomicInteger firstFailure) {
        Thread[] pool = new Thread[workers];
        for (int t = 0; t < workers; t++) {
            pool[t] = new Thread(worker, "palsim-worker-" + t);
            // Daemon: an interrupted run (Ctrl-C) must not be kept alive by its workers.
            pool[t].setDaemon(true);
            pool[t].start();
        }
        try {
            for (Thread thread : pool) {
                thread.join();
            }
        } catch (InterruptedException e) {
            firstFailure.set(-1);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jobs", e);
        }
    }
}
