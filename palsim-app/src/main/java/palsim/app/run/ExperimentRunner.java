package palsim.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import palsim.app.InputException;
import palsim.app.PhaseLog;
import palsim.app.config.ConfigDocument;
import palsim.app.config.ConfigSection;
import palsim.app.config.MissingKeyException;
import palsim.app.config.UnknownKeyException;
import palsim.app.experiment.Checkpoints;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.Experiment;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.ExperimentRegistry;
import palsim.app.experiment.ExperimentSettings;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ParallelExecutor;
import palsim.app.experiment.ProgressReporter;
import palsim.app.experiment.RunOutput;
import palsim.app.experiment.SummaryExtras;
import palsim.app.plot.FigureEncoder;

/**
 * Runs an experiment from a config, in two steps:
 * <ol>
 *   <li>{@link #prepare}: apply the command-line overrides, read the common keys, select the
 *       experiment by {@code task}, let it parse its settings, reject unknown keys. Nothing is
 *       written yet, so a bad config leaves no trace.
 *   <li>{@link #execute}: check the experiment's input files, create the run directory, write
 *       config.yaml (resolved) and provenance.json ({@code running}), run while appending each value
 *       to metrics.partial.csv ({@link MetricsJournal}), then write metrics.csv, summary.json and the
 *       final provenance.json and remove metrics.partial.csv. On failure: metrics.partial.csv
 *       rewritten in metrics.csv's order with everything recorded, provenance.json {@code failed}
 *       with the message, and the exception is rethrown for the command line to report. On Ctrl-C
 *       or a termination signal: what was recorded is appended and provenance.json says
 *       {@code interrupted}.
 * </ol>
 */
public final class ExperimentRunner {
    private static final String CONFIG_HEADER = """
            Resolved configuration of this palsim run: the config as given, with the command-line
            overrides applied and every default filled in. Run it again with: palsim run config.yaml""";

    /** How often recorded values are appended to metrics.partial.csv while a run goes on. */
    private static final long JOURNAL_FLUSH_MILLIS = 1000;

    private final ExperimentRegistry registry;
    private final Function<String, Optional<ConfigDocument>> examples;
    private volatile Consumer<Path> checkpointWritten = file -> {};

    /** A runner without example configs: a missing required key is reported alone. */
    public ExperimentRunner(ExperimentRegistry registry) {
        this(registry, task -> Optional.empty());
    }

    /**
     * @param examples a complete config of a task (e.g. a preset's), used to report the unknown keys
     *     of a config together with its first missing required key
     */
    public ExperimentRunner(ExperimentRegistry registry, Function<String, Optional<ConfigDocument>> examples) {
        this.registry = registry;
        this.examples = examples;
    }

    /**
     * Calls {@code listener} with the path of every checkpoint file a run writes, right after it is
     * in place (for tests that stop a run there, and for tools).
     */
    public ExperimentRunner onCheckpointWritten(Consumer<Path> listener) {
        this.checkpointWritten = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * A config that parsed completely: the experiment, its settings, and the resolved document.
     *
     * @param <S> the experiment's settings record
     */
    public record PreparedRun<S extends ExperimentSettings>(Experiment<S> experiment, S settings, CommonSettings common,
            CheckpointPolicy checkpoint, ConfigDocument document) {

        /** The resolved config as YAML (what config.yaml will contain, without its comment header). */
        public String resolvedYaml() {
            return document.toYaml();
        }

        /**
         * Checks that the files the run will read are there ({@link Experiment#checkInputs}).
         *
         * @throws InputException naming a missing file
         */
        public void checkInputs() {
            experiment.checkInputs(settings);
        }
    }

    /**
     * What {@link #execute} needs besides the prepared run.
     *
     * @param directory the run directory
     * @param force reuse a non-empty directory
     * @param threads worker threads, ≥ 1 (the command line reports --threads below 1; {@link #execute}
     *     rejects it before it writes anything)
     * @param commandLine the command as typed, for provenance
     * @param progress where progress goes
     * @param clock start and end times
     * @param software the palsim version and git state
     * @param machine the JVM and machine
     * @param onInterrupt run when the JVM shuts down while the run goes on (Ctrl-C, SIGTERM), after
     *     the checkpoint, the metrics so far and provenance.json are written and the progress line
     *     ended: e.g. prints how to resume
     */
    public record Request(Path directory, boolean force, int threads, String commandLine, ProgressReporter progress,
            Clock clock, SoftwareVersion software, MachineInfo machine, Runnable onInterrupt) {
        public Request {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(onInterrupt, "onInterrupt");
        }

        /** A request that says nothing when the run is interrupted. */
        public Request(Path directory, boolean force, int threads, String commandLine, ProgressReporter progress,
                Clock clock, SoftwareVersion software, MachineInfo machine) {
            this(directory, force, threads, commandLine, progress, clock, software, machine, () -> {});
        }
    }

    /**
     * A completed run.
     *
     * @param directory where it is
     * @param summary the last-epoch statistics
     * @param headlines the experiment's own summary lines
     * @param wallTime how long it took
     * @param files the files written (relative), provenance.json included
     */
    public record Result(Path directory, Summary summary, List<String> headlines, Duration wallTime, List<String> files) {}

    /**
     * Parses a config into a run, applying {@code overrides} first.
     *
     * @throws InputException for anything wrong with the config or the overrides
     */
    public PreparedRun<?> prepare(ConfigDocument document, RunOverrides overrides) {
        overrides.applyTo(document);
        ConfigSection root = document.root();
        Experiment<?> experiment = registry.get(root.string(CommonSettings.TASK));
        overrides.epochs().ifPresent(epochs -> experiment.fitToEpochs(document, epochs));
        ConfigDocument unparsed = document.copy();
        try {
            CommonSettings common = CommonSettings.parse(root);
            return parseWith(experiment, root, common, document);
        } catch (MissingKeyException missing) {
            String unknown = unknownKeysDespite(experiment, unparsed, missing);
            if (unknown.isEmpty()) {
                throw missing;
            }
            throw new InputException(missing.getMessage() + "; " + unknown, missing);
        }
    }

    /**
     * The unknown-key message the config would give once its missing required keys were there, or
     * "" when that cannot be told: with the missing keys taken from an example config of the task,
     * the parse runs on to the unknown-key check (any other problem of the filled-in copy is left
     * for later, as the user has not seen the config parse that far). Also "" when the only unknown
     * key is the near-miss the missing key's message already points at.
     */
    private String unknownKeysDespite(Experiment<?> experiment, ConfigDocument unparsed, MissingKeyException missing) {
        Optional<ConfigDocument> example = examples.apply(experiment.task());
        if (example.isEmpty()) {
            return "";
        }
        ConfigDocument filled = unparsed.withExample(example.get());
        try {
            parseWith(experiment, filled.root(), CommonSettings.parse(filled.root()), filled);
        } catch (UnknownKeyException unknown) {
            return unknown.keys().equals(List.of(String.valueOf(missing.nearMiss()))) ? "" : unknown.getMessage();
        } catch (RuntimeException otherProblem) {
            return "";
        }
        return "";
    }

    private static <S extends ExperimentSettings> PreparedRun<S> parseWith(Experiment<S> experiment, ConfigSection root,
            CommonSettings common, ConfigDocument document) {
        S settings = experiment.parse(root, common);
        CheckpointPolicy checkpoint = CheckpointPolicy.parse(root);
        document.rejectUnknownKeys();
        List<String> rules = settings.rules();
        if (rules.isEmpty()) {
            throw new InputException(document.sourceName() + ": no feedback rules to run");
        }
        Set<String> seen = new HashSet<>();
        for (String rule : rules) {
            if (!seen.add(rule)) {
                throw new InputException(document.sourceName() + ": rule '" + rule + "' is listed twice");
            }
        }
        return new PreparedRun<>(experiment, settings, common, checkpoint, document);
    }

    /**
     * Runs a prepared run into its directory.
     *
     * @throws Exception whatever the experiment threw, after provenance.json recorded the failure
     */
    public <S extends ExperimentSettings> Result execute(PreparedRun<S> run, Request request) throws Exception {
        ParallelExecutor executor = new ParallelExecutor(request.threads());
        run.checkInputs();
        RunDirectory directory = RunDirectory.create(request.directory(), request.force());
        Instant start = request.clock().instant();
        Provenance provenance = new Provenance(request.software(), request.machine(), request.commandLine(),
                run.document().sourceName(), run.common(), run.settings().rules(), request.threads(), start);
        writeProvenance(directory, provenance);
        String configText = run.document().toYaml(CONFIG_HEADER);
        directory.writeText(RunDirectory.CONFIG, configText);
        return runIn(directory, run, request, executor, provenance, CheckpointFile.configHash(configText), null);
    }

    /**
     * Where a resumed run continues from: the run directory's newest checkpoint, checked against its
     * config.yaml; empty when the run wrote none (it then starts over in its directory).
     *
     * @throws InputException naming the checkpoint when it is corrupt, truncated, of another format
     *     version, or of another config
     */
    public static Optional<String> checkResumable(Path directory, String shownAs) {
        String hash = CheckpointFile.configHash(readConfigText(directory, shownAs));
        return CheckpointFile.newest(directory).map(file -> {
            String shown = shownAs + (shownAs.endsWith("/") ? "" : "/") + CheckpointFile.DIRECTORY + "/" + file.getFileName();
            CheckpointFile.read(file, shown, hash);
            return CheckpointFile.DIRECTORY + "/" + file.getFileName();
        });
    }

    /**
     * Continues an interrupted run in its directory from its newest checkpoint ({@link #checkResumable});
     * {@code run} must be its config.yaml, prepared without overrides. The results are those the run
     * would have had without the interruption.
     *
     * @throws InputException for a bad checkpoint, before anything is written
     * @throws Exception whatever the experiment threw, after provenance.json recorded the failure
     */
    public <S extends ExperimentSettings> Result resume(PreparedRun<S> run, Request request, String shownAs)
            throws Exception {
        ParallelExecutor executor = new ParallelExecutor(request.threads());
        run.checkInputs();
        Path path = request.directory();
        String hash = CheckpointFile.configHash(readConfigText(path, shownAs));
        CheckpointFile.Contents from = null;
        Optional<Path> newest = CheckpointFile.newest(path);
        if (newest.isPresent()) {
            String shown = shownAs + (shownAs.endsWith("/") ? "" : "/") + CheckpointFile.DIRECTORY + "/"
                    + newest.get().getFileName();
            from = CheckpointFile.read(newest.get(), shown, hash);
        }
        RunDirectory directory = RunDirectory.reopen(path, RunDirectory.CONFIG);
        Instant start = request.clock().instant();
        Provenance provenance = new Provenance(request.software(), request.machine(), request.commandLine(),
                run.document().sourceName(), run.common(), run.settings().rules(), request.threads(), start);
        provenance.resumedFrom(from == null ? null : CheckpointFile.DIRECTORY + "/" + from.file().getFileName());
        writeProvenance(directory, provenance);
        return runIn(directory, run, request, executor, provenance, hash, from);
    }

    private static String readConfigText(Path directory, String shownAs) {
        Path config = directory.resolve(RunDirectory.CONFIG);
        try {
            return Files.readString(config);
        } catch (IOException e) {
            throw new InputException(shownAs + (shownAs.endsWith("/") ? "" : "/") + RunDirectory.CONFIG + ": cannot read ("
                    + e.getMessage() + ")", e);
        }
    }

    private <S extends ExperimentSettings> Result runIn(RunDirectory directory, PreparedRun<S> run, Request request,
            ParallelExecutor executor, Provenance provenance, String configHash, CheckpointFile.Contents resumeFrom)
            throws Exception {
        Instant start = provenance.startTime();

        MetricsTable metrics = new MetricsTable(run.settings().rules(), run.common().seeds());
        MetricsJournal journal = new MetricsJournal(metrics, directory.directory().resolve(RunDirectory.PARTIAL_METRICS),
                JOURNAL_FLUSH_MILLIS);
        SummaryExtrasTable extras = new SummaryExtrasTable(run.settings().rules(), run.common().seeds());
        List<String> headlines = Collections.synchronizedList(new ArrayList<>());
        RunCheckpoints checkpoints = new RunCheckpoints(directory.directory(), configHash, run.checkpoint(), journal,
                resumeFrom, System::nanoTime, checkpointWritten);
        Context<S> context = new Context<>(run.settings(), run.common(),
                executor, journal, extras, directory, request.progress(), headlines, checkpoints);

        Thread onShutdown = new Thread(() -> {
            if (Provenance.RUNNING.equals(provenance.status())) {
                try {
                    checkpoints.writeNow();
                } catch (RuntimeException e) {
                    System.err.println("palsim: could not write the checkpoint: " + e.getMessage());
                }
                journal.flush();
                provenance.interrupted(request.clock().instant());
                writeProvenance(directory, provenance);
                request.progress().finish();
                request.onInterrupt().run();
            }
        }, "palsim-interrupted-run");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        FigureEncoder.warmUpInBackground();
        PhaseLog.mark("run directory ready");
        try {
            run.experiment().run(context);
        } catch (Exception | Error failure) {
            try {
                journal.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            recordFailure(directory, provenance, metrics, request.clock(), failure);
            throw failure;
        } finally {
            request.progress().finish();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs or ran already; nothing to undo.
            }
        }
        PhaseLog.mark("experiment done");
        journal.close();
        directory.writeText(RunDirectory.METRICS, metrics.toCsv());
        deletePartialMetrics(directory);
        checkpoints.removeFiles();
        Summary summary = Summary.of(metrics, extras);
        directory.writeText(RunDirectory.SUMMARY, summary.toJson(run.common()));
        Instant end = request.clock().instant();
        provenance.completed(end);
        writeProvenance(directory, provenance);
        List<String> files = new ArrayList<>(directory.files());
        files.add(RunDirectory.PROVENANCE);
        PhaseLog.mark("results written");
        return new Result(directory.directory(), summary, List.copyOf(headlines), Duration.between(start, end), files);
    }

    private static void recordFailure(RunDirectory directory, Provenance provenance, MetricsTable metrics, Clock clock,
            Throwable failure) {
        try {
            if (metrics.isEmpty()) {
                deletePartialMetrics(directory);
            } else {
                directory.writeText(RunDirectory.PARTIAL_METRICS, metrics.toCsv());
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        provenance.failed(clock.instant(), FailureReport.of(failure));
        try {
            writeProvenance(directory, provenance);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Removes the journal once metrics.csv holds everything (or nothing was recorded). */
    private static void deletePartialMetrics(RunDirectory directory) {
        Path journal = directory.directory().resolve(RunDirectory.PARTIAL_METRICS);
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + journal + ": " + e.getMessage(), e);
        }
    }

    private static void writeProvenance(RunDirectory directory, Provenance provenance) {
        AtomicFiles.write(directory.directory().resolve(RunDirectory.PROVENANCE), provenance.toJson(directory.files()));
    }

    private record Context<S extends ExperimentSettings>(S settings, CommonSettings common,
            ParallelExecutor executor, MetricsSink metrics, SummaryExtras summaryExtras, RunOutput output,
            ProgressReporter progress, List<String> headlines, Checkpoints checkpoints) implements ExperimentContext<S> {

        @Override
        public void headline(String line) {
            headlines.add(line);
        }
    }
}
