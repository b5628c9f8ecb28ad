package palsim.app.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import palsim.app.cli.AppEnvironment;
import palsim.app.cli.PalsimCommand;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.ExperimentRegistry;
import palsim.app.experiment.Experiments;
import palsim.app.run.MachineInfo;
import palsim.app.run.SoftwareVersion;
import picocli.CommandLine;

/**
 * Runs the {@code palsim} command line in-process against the test experiment and the test presets
 * (or, via {@link #shipped}, palsim's own),
 * a fixed clock and a temporary working directory, capturing stdout and stderr.
 */
public final class CliHarness {
    /** 2026-01-02T03:04:05Z. */
    public static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    private final Path workingDirectory;
    private final ExperimentRegistry experiments;
    private final PresetCatalog presets;

    public CliHarness(Path workingDirectory) {
        this(workingDirectory, ExperimentRegistry.of(new FakeWalkExperiment()),
                new PresetCatalog(CliHarness.class.getClassLoader(), "test-presets"));
    }

    /** The harness against other experiments and presets. */
    public CliHarness(Path workingDirectory, ExperimentRegistry experiments, PresetCatalog presets) {
        this.workingDirectory = workingDirectory;
        this.experiments = experiments;
        this.presets = presets;
    }

    /** The harness against the experiments and presets palsim ships. */
    public static CliHarness shipped(Path workingDirectory) {
        return new CliHarness(workingDirectory, Experiments.standard(), PresetCatalog.standard());
    }

    /** Exit code and captured output of one invocation. */
    public record Result(int exitCode, String out, String err) {
        /** stderr without its trailing newline. */
        public String errLine() {
            return err.strip();
        }
    }

    public AppEnvironment environment() {
        AtomicLong nanos = new AtomicLong();
        return new AppEnvironment(experiments, presets, workingDirectory,
                Clock.fixed(START, ZoneOffset.UTC), () -> nanos.addAndGet(1_000_000), false,
                () -> new SoftwareVersion("9.9.9-test", Optional.of("0123456789abcdef0123456789abcdef01234567"), Optional.of(false)),
                MachineInfo::current, 2);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // As Main builds it: only the subcommand that runs, when the arguments name one.
        CommandLine commandLine = PalsimCommand.commandLine(environment(), args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
