package palsim.app.sweep;

import java.util.List;
import palsim.app.run.FailureReport;

/**
 * Where the points of a sweep run. The local thread pool ({@link LocalSweepExecutor}) is the
 * default; a cluster executor (SLURM, Spark) would hand each point to a worker that runs
 * {@link PointRunner#run} — the same code path — and collect the outcomes. Results do not depend on
 * the executor: each point is a complete, deterministic run into its own directory.
 */
public interface SweepExecutor {

    /** Runs one point with the given number of worker threads; throws what the run threw. */
    @FunctionalInterface
    interface PointRunner {
        void run(SweepPoint point, int threads) throws Exception;
    }

    /**
     * How a point ended.
     *
     * @param point the point
     * @param failure why it failed, or null when it completed
     */
    record Outcome(SweepPoint point, FailureReport failure) {
        public boolean completed() {
            return failure == null;
        }
    }

    /**
     * Runs every point; a failing point does not stop the others.
     *
     * @return one outcome per point, in point order
     */
    List<Outcome> runAll(List<SweepPoint> points, PointRunner runner);
}
