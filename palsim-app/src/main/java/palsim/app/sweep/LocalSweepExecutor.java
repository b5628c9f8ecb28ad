package palsim.app.sweep;

import java.util.ArrayList;
import java.util.List;
import palsim.app.experiment.ParallelExecutor;
import palsim.app.run.FailureReport;

/**
 * Runs sweep points on this machine under one thread budget: up to {@code threads} points at once
 * (a {@link ParallelExecutor} of points), the threads shared out evenly among them (at least one
 * each), so a sweep never uses more than {@code --threads} workers. A point's failure is caught in
 * its own job and becomes its outcome, so it never stops the others.
 */
public final class LocalSweepExecutor implements SweepExecutor {
    private final int threads;

    /** @param threads the budget, ≥ 1 */
    public LocalSweepExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public List<Outcome> runAll(List<SweepPoint> points, PointRunner runner) {
        int concurrent = Math.max(1, Math.min(threads, points.size()));
        int perPoint = Math.max(1, threads / concurrent);
        List<ParallelExecutor.Job<Outcome>> jobs = new ArrayList<>();
        for (SweepPoint point : points) {
            jobs.add(new ParallelExecutor.Job<>(point.directoryName(), () -> {
                try {
                    runner.run(point, perPoint);
                    return new Outcome(point, null);
                } catch (Exception | Error e) {
                    return new Outcome(point, FailureReport.of(e));
                }
            }));
        }
        return new ParallelExecutor(concurrent).run(jobs);
    }
}
