package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.experiment.ProgressReporter;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunDirectory;
import palsim.app.sweep.LocalSweepExecutor;
import palsim.app.sweep.SweepAggregate;
import palsim.app.sweep.SweepExecutor;
import palsim.app.sweep.SweepRunner;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code sweep} and {@code resume} of a sweep directory share: running the points, the report. */
final class SweepSupport {
    private final AppEnvironment environment;
    private final CommandSpec spec;

    SweepSupport(AppEnvironment environment, CommandSpec spec) {
        this.environment = environment;
        this.spec = spec;
    }

    int budget(Integer threads) {
        int budget = threads == null ? environment.defaultThreads() : threads;
        if (budget < 1) {
            throw new InputException("--threads: must be >= 1, got " + budget);
        }
        return budget;
    }

    /** Runs a planned sweep into {@code directory}. */
    int run(SweepRunner sweeps, SweepRunner.Plan plan, Path directory, boolean force, int budget) {
        RunSupport support = new RunSupport(environment, spec);
        PrintWriter err = spec.commandLine().getErr();
        int points = plan.points().size();
        err.printf(Locale.ROOT, "palsim: sweeping %s: %d point%s, %d thread%s → %s%n", plan.runs().getFirst().common().task(),
                points, points == 1 ? "" : "s", budget, budget == 1 ? "" : "s", support.display(directory));
        err.flush();
        ExperimentRunner.Request request = request(directory, force, budget, support);
        return whileResumable(directory, support, () -> sweeps.execute(plan, request, new LocalSweepExecutor(budget)));
    }

    /** Continues the interrupted sweep in {@code directory} (it holds sweep.yaml). */
    int resume(Path directory, String shown, Integer threads) {
        int budget = budget(threads);
        ConfigDocument document = ConfigDocument.load(directory.resolve(SweepRunner.SWEEP_CONFIG),
                shown + (shown.endsWith("/") ? "" : "/") + SweepRunner.SWEEP_CONFIG);
        ExperimentRunner runner = new ExperimentRunner(environment.experiments(), environment.presets()::example);
        SweepRunner sweeps = new SweepRunner(runner);
        SweepRunner.Plan plan = sweeps.plan(document);
        RunSupport support = new RunSupport(environment, spec);
        PrintWriter err = spec.commandLine().getErr();
        int points = plan.points().size();
        err.printf(Locale.ROOT, "palsim: resuming the sweep of %s: %d point%s, %d thread%s → %s%n",
                plan.runs().getFirst().common().task(), points, points == 1 ? "" : "s", budget, budget == 1 ? "" : "s",
                support.display(directory));
        err.flush();
        ExperimentRunner.Request request = request(directory, true, budget, support);
        return whileResumable(directory, support, () -> sweeps.resume(plan, request, new LocalSweepExecutor(budget)));
    }

    private ExperimentRunner.Request request(Path directory, boolean force, int budget, RunSupport support) {
        return new ExperimentRunner.Request(directory, force, budget, support.commandLine(), ProgressReporter.silent(),
                environment.clock(), environment.software().get(), environment.machine().get());
    }

    /** Runs {@code sweep}, saying how to resume it if the JVM is stopped meanwhile; then reports. */
    private int whileResumable(Path directory, RunSupport support, java.util.function.Supplier<SweepAggregate> sweep) {
        PrintWriter err = spec.commandLine().getErr();
        Thread hint = new Thread(() -> {
            err.println("palsim: interrupted; resume with: palsim resume " + support.display(directory));
            err.flush();
        }, "palsim-interrupted-sweep");
        Runtime.getRuntime().addShutdownHook(hint);
        SweepAggregate aggregate;
        try {
            aggregate = sweep.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hint);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs or ran already.
            }
        }
        return report(aggregate, directory, support, null);
    }

    /**
     * Prints how each point ended and the files; returns the first failed point's exit code, or 0.
     *
     * @param retryExecutor the cluster executor whose failed points {@code palsim sweep --retry-failed}
     *     resubmits (named in the message), or null for local sweeps, which {@code palsim resume} continues
     */
    int report(SweepAggregate aggregate, Path directory, RunSupport support, String retryExecutor) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int points = aggregate.outcomes().size();
        long failed = aggregate.outcomes().stream().filter(o -> !o.completed()).count();
        stdout.printf(Locale.ROOT, "Sweep finished: %d of %d points completed: %s%n", points - failed, points,
                support.display(directory));
        for (SweepExecutor.Outcome o : aggregate.outcomes()) {
            stdout.println("  " + o.point().directoryName() + "  " + o.point().label() + "  "
                    + (o.completed() ? "completed" : "failed: " + o.failure().message()));
        }
        List<String> files = aggregate.files();
        long figures = files.stream().filter(f -> f.startsWith(RunDirectory.FIGURES + "/")).count();
        stdout.println("Files: " + String.join(", ", files.stream().filter(f -> !f.startsWith(RunDirectory.FIGURES + "/")).toList())
                + (figures > 0 ? ", " + RunDirectory.FIGURES + "/ (" + figures + " files)" : "") + ", point-*/");
        stdout.flush();
        for (SweepExecutor.Outcome o : aggregate.outcomes()) {
            if (!o.completed()) {
                err.println("palsim: " + failed + " of " + points + " sweep points failed; the first: " + o.point().directoryName()
                        + " (" + o.point().label() + "): " + o.failure().message());
                if (retryExecutor != null) {
                    err.println("palsim: run the failed points again with: palsim sweep --retry-failed " + support.display(directory)
                            + " --executor " + retryExecutor);
                }
                err.flush();
                return o.failure().exitCode();
            }
        }
        return 0;
    }
}
