package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunDirectory;
import palsim.app.sweep.LocalSweepExecutor;
import palsim.app.sweep.SweepAggregate;
import palsim.app.sweep.SweepExecutor;
import palsim.app.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palsim sweep <config.yaml>}: runs every point of the config's {@code sweep} section. */
@Command(name = "sweep", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run every point of a config's sweep section (docs/config.md, Sweeps), each into its own run"
                + " directory, in parallel under one thread budget, and write the combined metrics and comparison figures."})
final class SweepCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file (YAML) with a sweep section.")
    private Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Sweep directory (default: runs/<config>-sweep-<yyyyMMdd-HHmmss>). An existing non-empty"
                    + " directory is refused unless --force is given.")
    private Path out;

    @Option(names = "--force", description = "Reuse a non-empty --out directory.")
    private boolean force;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads shared by all points (default: all cores). Results do not depend on it.")
    private Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    SweepCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ConfigDocument document = ConfigDocument.load(environment.workingDirectory().resolve(config), config.toString());
        int budget = threads == null ? environment.defaultThreads() : threads;
        if (budget < 1) {
            throw new InputException("--threads: must be >= 1, got " + budget);
        }
        String name = config.getFileName() == null ? "sweep" : config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ExperimentRunner runner = new ExperimentRunner(environment.experiments(), environment.presets()::example);
        SweepRunner sweeps = new SweepRunner(runner);
        SweepRunner.Plan plan = sweeps.plan(document);

        Path directory = out != null ? environment.workingDirectory().resolve(out)
                : RunDirectory.defaultPath(environment.workingDirectory(), name + "-sweep", LocalDateTime.now(environment.clock()));
        RunDirectory.requireUsable(directory, force);
        RunSupport support = new RunSupport(environment, spec);
        PrintWriter err = spec.commandLine().getErr();
        int points = plan.points().size();
        err.printf(Locale.ROOT, "palsim: sweeping %s: %d point%s, %d thread%s → %s%n", plan.runs().getFirst().common().task(),
                points, points == 1 ? "" : "s", budget, budget == 1 ? "" : "s", support.display(directory));
        err.flush();

        ExperimentRunner.Request request = new ExperimentRunner.Request(directory, force, budget, support.commandLine(),
                palsim.app.experiment.ProgressReporter.silent(), environment.clock(), environment.software().get(),
                environment.machine().get());
        SweepAggregate aggregate = sweeps.execute(plan, request, new LocalSweepExecutor(budget));

        PrintWriter stdout = spec.commandLine().getOut();
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
                err.flush();
                return o.failure().exitCode();
            }
        }
        return 0;
    }
}
