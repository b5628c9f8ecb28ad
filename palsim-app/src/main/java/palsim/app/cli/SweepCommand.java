package palsim.app.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import palsim.app.config.ConfigDocument;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunDirectory;
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
        SweepSupport sweeps = new SweepSupport(environment, spec);
        int budget = sweeps.budget(threads);
        String name = config.getFileName() == null ? "sweep" : config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ExperimentRunner runner = new ExperimentRunner(environment.experiments(), environment.presets()::example);
        SweepRunner sweepRunner = new SweepRunner(runner);
        SweepRunner.Plan plan = sweepRunner.plan(document);

        Path directory = out != null ? environment.workingDirectory().resolve(out)
                : RunDirectory.defaultPath(environment.workingDirectory(), name + "-sweep", LocalDateTime.now(environment.clock()));
        RunDirectory.requireUsable(directory, force);
        return sweeps.run(sweepRunner, plan, directory, force, budget);
    }
}
