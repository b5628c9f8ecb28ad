package palsim.app.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import palsim.app.report.Report;
import palsim.app.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palsim report DIR…}: one self-contained HTML page (and Markdown) for one or more runs. */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write report.html (self-contained: figures inline, no external requests) and report.md for one or"
                + " more completed runs: per experiment the figures (runs of one experiment overlaid per metric), the final"
                + " metrics (mean ± std over seeds), the config differences and the provenance. A directory that is not"
                + " a run contributes the completed runs inside it (a sweep, or 'reproduce fig1')."})
final class ReportCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "DIR", description = "Run directories, or directories holding runs.")
    private List<Path> directories = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where to write the report (default: the directory given, if one; else runs/report-<yyyyMMdd-HHmmss>).")
    private Path out;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    ReportCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Path base = environment.workingDirectory();
        List<Path> resolved = directories.stream().map(base::resolve).toList();
        List<String> shown = directories.stream().map(Path::toString).toList();
        List<Path> runs = Report.runDirectories(resolved, shown);
        Path target = out != null ? base.resolve(out) : directories.size() == 1 ? resolved.get(0)
                : RunDirectory.defaultPath(base, "report", LocalDateTime.now(environment.clock()));
        RunSupport support = new RunSupport(environment, spec);
        List<String> shownRuns = runs.stream().map(support::display).toList();
        List<String> files = Report.write(runs, shownRuns, target, "palsim report: " + String.join(", ", shown));
        support.printReport(spec.commandLine().getOut(), runs.size(), target, files);
        return 0;
    }
}
