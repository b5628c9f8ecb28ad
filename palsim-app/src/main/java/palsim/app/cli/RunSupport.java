package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import palsim.app.InputException;
import palsim.app.PhaseLog;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunDirectory;
import palsim.app.run.RunOverrides;
import palsim.app.run.SoftwareVersion;
import palsim.app.run.TerminalProgress;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code run} and {@code reproduce} share: options → prepared run → run directory → summary. */
final class RunSupport {
    private static final int HEADLINE_ROWS = 24;

    private final AppEnvironment environment;
    private final CommandSpec spec;

    RunSupport(AppEnvironment environment, CommandSpec spec) {
        this.environment = environment;
        this.spec = spec;
    }

    /**
     * Runs {@code document}; {@code name} (the config file's stem or the preset) names the default run
     * directory.
     */
    int run(ConfigDocument document, String name, RunOptions options) throws Exception {
        ExperimentRunner.Result result = execute(document, name, options);
        printSummary(spec.commandLine().getOut(), result);
        return 0;
    }

    /** Runs {@code document} like {@link #run} without printing the summary. */
    ExperimentRunner.Result execute(ConfigDocument document, String name, RunOptions options) throws Exception {
        // The git state for provenance.json comes from two git processes (tens of milliseconds, more
        // on a busy machine); they run while the config is parsed instead of after it.
        CompletableFuture<SoftwareVersion> software = CompletableFuture.supplyAsync(environment.software(), task -> {
            Thread thread = new Thread(task, "palsim-software-version");
            thread.setDaemon(true);
            thread.start();
        });
        RunOverrides overrides = new RunOverrides(optional(options.seeds), optional(options.epochs),
                options.set.stream().map(ConfigAssignment::parse).toList());
        int threads = options.threads == null ? environment.defaultThreads() : options.threads;
        if (threads < 1) {
            throw new InputException("--threads: must be >= 1, got " + threads);
        }
        ExperimentRunner runner = new ExperimentRunner(environment.experiments(), environment.presets()::example);
        ExperimentRunner.PreparedRun<?> run = runner.prepare(document, overrides);
        run.checkInputs();
        PhaseLog.mark("config parsed");

        Path directory = options.out != null ? environment.workingDirectory().resolve(options.out)
                : RunDirectory.defaultPath(environment.workingDirectory(), name, LocalDateTime.now(environment.clock()));
        RunDirectory.requireUsable(directory, options.force);
        PrintWriter err = spec.commandLine().getErr();
        int seeds = run.common().seeds().size();
        err.printf(Locale.ROOT, "palsim: running %s: %s × %d seed%s, %d epoch%s, %d thread%s → %s%n", run.common().task(),
                String.join("/", run.settings().rules()), seeds, seeds == 1 ? "" : "s", run.common().epochs(),
                run.common().epochs() == 1 ? "" : "s", threads, threads == 1 ? "" : "s", display(directory));
        err.flush();

        ExperimentRunner.Request request = new ExperimentRunner.Request(directory, options.force, threads, commandLine(),
                new TerminalProgress(err, environment.stderrIsTerminal(), environment.nanoTime()), environment.clock(),
                software.join(), environment.machine().get(), resumeHint(directory));
        PhaseLog.mark("software and machine info");
        return runner.execute(run, request);
    }

    /**
     * Continues the interrupted run in {@code directory} ({@code palsim resume}): its config.yaml,
     * prepared without overrides, from its newest checkpoint.
     *
     * @param shownAs the directory as the user typed it, for messages
     */
    ExperimentRunner.Result resume(Path directory, String shownAs, ConfigDocument config, Integer threadOption)
            throws Exception {
        int threads = threadOption == null ? environment.defaultThreads() : threadOption;
        if (threads < 1) {
            throw new InputException("--threads: must be >= 1, got " + threads);
        }
        ExperimentRunner runner = new ExperimentRunner(environment.experiments(), environment.presets()::example);
        ExperimentRunner.PreparedRun<?> run = runner.prepare(config, RunOverrides.none());
        run.checkInputs();
        String from = ExperimentRunner.checkResumable(directory, shownAs).orElse(null);
        PrintWriter err = spec.commandLine().getErr();
        int seeds = run.common().seeds().size();
        err.printf(Locale.ROOT, "palsim: resuming %s: %s × %d seed%s, %d epoch%s, %d thread%s, %s → %s%n", run.common().task(),
                String.join("/", run.settings().rules()), seeds, seeds == 1 ? "" : "s", run.common().epochs(),
                run.common().epochs() == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
                from == null ? "no checkpoint: starting over" : "from " + from, display(directory));
        err.flush();
        ExperimentRunner.Request request = new ExperimentRunner.Request(directory, true, threads, commandLine(),
                new TerminalProgress(err, environment.stderrIsTerminal(), environment.nanoTime()), environment.clock(),
                environment.software().get(), environment.machine().get(), resumeHint(directory));
        return runner.resume(run, request, shownAs);
    }

    /** What an interrupted run says on its way out: how to continue it. */
    private Runnable resumeHint(Path directory) {
        PrintWriter err = spec.commandLine().getErr();
        return () -> {
            err.println("palsim: interrupted; resume with: palsim resume " + display(directory));
            err.flush();
        };
    }

    void printSummary(PrintWriter out, ExperimentRunner.Result result) {
        out.printf(Locale.ROOT, "Run completed in %.1f s: %s%n", result.wallTime().toMillis() / 1000.0, display(result.directory()));
        if (!result.summary().finals().isEmpty()) {
            int lastEpoch = result.summary().finals().stream().mapToInt(f -> f.epoch()).max().orElse(0);
            out.println("Last epoch (" + lastEpoch + "), mean ± std over seeds:");
            result.summary().headlineTable(HEADLINE_ROWS).forEach(out::println);
        }
        result.headlines().forEach(out::println);
        List<String> files = result.files();
        long figures = files.stream().filter(f -> f.startsWith(RunDirectory.FIGURES + "/")).count();
        String listed = files.stream().filter(f -> !f.startsWith(RunDirectory.FIGURES + "/")).collect(Collectors.joining(", "));
        out.println("Files: " + listed + (figures > 0 ? ", " + RunDirectory.FIGURES + "/ (" + figures + " files)" : ""));
        out.flush();
    }

    /** The line that says where a report of {@code runs} runs went. */
    void printReport(PrintWriter out, int runs, Path directory, List<String> files) {
        out.println("Report of " + runs + (runs == 1 ? " run" : " runs") + ": " + display(directory.resolve(files.get(0)))
                + " (also " + String.join(", ", files.subList(1, files.size())) + " in " + display(directory) + ")");
        out.flush();
    }

    /** The path relative to the working directory when it lies inside it. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = environment.workingDirectory().toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    /** The command as typed, shell-quoted where needed, for provenance.json. */
    String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        StringBuilder s = new StringBuilder("palsim");
        for (String arg : args) {
            s.append(' ').append(arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
