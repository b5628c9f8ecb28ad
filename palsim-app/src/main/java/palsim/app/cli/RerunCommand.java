package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import palsim.app.config.ConfigDocument;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.MetricsComparison;
import palsim.app.run.RunDirectory;
import palsim.app.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palsim rerun <run-dir>}: runs a completed run again from its resolved config.yaml and checks
 * that metrics.csv comes out bit-identical.
 */
@Command(name = "rerun", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run a completed run again from its config.yaml and compare the new metrics.csv with the old one"
                + " bit for bit. Exit code 0 if identical, 4 if they differ."})
final class RerunCommand implements Callable<Integer> {
    /** Exit code when the rerun's metrics differ from the original's. */
    static final int DIFFERENT = 4;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory to repeat.")
    private Path runDirectory;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Directory of the new run (default: <RUN_DIR>-rerun-<yyyyMMdd-HHmmss> next to it).")
    private Path out;

    @Option(names = "--force", description = "Reuse a non-empty --out directory.")
    private boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    RerunCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Path original = environment.workingDirectory().resolve(runDirectory).normalize();
        RunRecord record = RunRecord.open(original, runDirectory.toString());
        record.requireMetrics("to compare with");
        // Read it now: a damaged metrics.csv is reported before anything runs.
        record.metrics();
        ConfigDocument config = record.config();
        RunOptions options = new RunOptions();
        options.out = out != null ? out
                : original.resolveSibling(original.getFileName() + "-rerun-" + STAMP.format(LocalDateTime.now(environment.clock())));
        options.force = force;
        options.threads = threads;
        options.verbose = verbose;
        RunSupport support = new RunSupport(environment, spec);
        ExperimentRunner.Result result = support.execute(config, original.getFileName().toString(), options);
        support.printSummary(spec.commandLine().getOut(), result);
        MetricsComparison comparison = MetricsComparison.of(record.metricsFile(), result.directory().resolve(RunDirectory.METRICS));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Compared with " + support.display(original) + ": " + comparison.describe());
        stdout.flush();
        return comparison.identical() ? 0 : DIFFERENT;
    }
}
