package palsim.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.Provenance;
import palsim.app.run.RunRecord;
import palsim.app.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palsim resume <dir>}: continues an interrupted run (or sweep) from its newest checkpoint, in
 * its own directory, to the results an uninterrupted run would have given (docs/resume.md).
 */
@Command(name = "resume", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Continue an interrupted run (Ctrl-C, kill, crash) from its newest checkpoint, in its own directory."
                + " The results are bit-identical to those of an uninterrupted run. A sweep directory resumes every"
                + " unfinished point and keeps the finished ones."})
final class ResumeCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The run (or sweep) directory to continue.")
    private Path directory;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    private Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    ResumeCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Path path = environment.workingDirectory().resolve(directory).normalize();
        String shown = directory.toString();
        if (Files.isRegularFile(path.resolve(SweepRunner.SWEEP_CONFIG))) {
            return new SweepSupport(environment, spec).resume(path, shown, threads);
        }
        RunRecord record = RunRecord.open(path, shown);
        RunSupport support = new RunSupport(environment, spec);
        if (record.hasMetrics() && Provenance.COMPLETED.equals(record.status())) {
            spec.commandLine().getOut().println(shown + ": the run is complete; nothing to resume");
            spec.commandLine().getOut().flush();
            return 0;
        }
        ExperimentRunner.Result result = support.resume(path, shown, record.config(), threads);
        support.printSummary(spec.commandLine().getOut(), result);
        return 0;
    }
}
