package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import palsim.app.config.ConfigDocument;
import palsim.app.report.Report;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palsim reproduce <preset>}: {@code run} on a shipped preset. */
@Command(name = "reproduce", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run a named preset (a config shipped with palsim, e.g. a paper figure). 'palsim presets' lists them.",
            "'fig1' runs fig1b, fig1c, fig1e and fig1fgh-sample into one directory and writes report.html there, with the"
                    + " paper's Fig. 1 (b-h) as one figure."})
final class ReproduceCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "The preset's name, e.g. fig1b, or fig1 for all of Fig. 1.")
    private String preset;

    @Mixin
    private RunOptions options;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    ReproduceCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    /** The name of the composite preset that runs every Fig. 1 preset and writes one report. */
    static final String FIG1 = "fig1";

    /** The presets {@code reproduce fig1} runs, in order (fig1d and fig1e are one simulation). */
    static final List<String> FIG1_PRESETS = List.of("fig1b", "fig1c", "fig1e", "fig1fgh-sample");

    @Override
    public Integer call() throws Exception {
        RunSupport support = new RunSupport(environment, spec);
        if (!preset.equals(FIG1)) {
            return support.run(environment.presets().load(preset), preset, options);
        }
        return fig1(support);
    }

    /**
     * Runs every Fig. 1 preset into one directory ({@code <out>/fig1b}, …) and writes the report with
     * the paper-style Fig. 1 there. The options apply to every preset.
     */
    private int fig1(RunSupport support) throws Exception {
        Path directory = options.out != null ? environment.workingDirectory().resolve(options.out)
                : RunDirectory.defaultPath(environment.workingDirectory(), FIG1, LocalDateTime.now(environment.clock()));
        RunDirectory.requireUsable(directory, options.force);
        List<ConfigDocument> configs = new ArrayList<>();
        for (String name : FIG1_PRESETS) {
            configs.add(environment.presets().load(name)); // every preset is found before anything runs
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Path> runs = new ArrayList<>();
        for (int i = 0; i < FIG1_PRESETS.size(); i++) {
            String name = FIG1_PRESETS.get(i);
            spec.commandLine().getErr().printf(Locale.ROOT, "palsim: fig1, part %d of %d: %s%n", i + 1, FIG1_PRESETS.size(), name);
            RunOptions part = options.withOut(directory.resolve(name));
            ExperimentRunner.Result result = support.execute(configs.get(i), name, part);
            support.printSummary(out, result);
            runs.add(result.directory());
        }
        List<String> files = Report.write(runs, runs.stream().map(support::display).toList(), directory,
                "palsim: the paper's Fig. 1 (" + String.join(", ", FIG1_PRESETS) + ")");
        support.printReport(out, runs.size(), directory, files);
        return 0;
    }
}
