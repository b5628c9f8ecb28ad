package palsim.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.ExperimentRegistry;
import palsim.app.experiment.Experiments;
import palsim.app.run.MachineInfo;
import palsim.app.run.SoftwareVersion;

/**
 * What the commands take from the world, gathered in one place so tests can run the command line
 * in-process against fakes (a test experiment registry, a temporary working directory, a fixed clock).
 *
 * @param experiments the experiments by task
 * @param presets the shipped presets
 * @param workingDirectory where default run directories ({@code runs/…}) go
 * @param clock start/end times and directory time stamps
 * @param nanoTime the monotonic clock of the progress display
 * @param stderrIsTerminal whether to draw a progress line
 * @param software the palsim version (and git state) — evaluated lazily, it may run git
 * @param machine the JVM and machine
 * @param defaultThreads threads when {@code --threads} is not given
 */
public record AppEnvironment(ExperimentRegistry experiments, PresetCatalog presets, Path workingDirectory, Clock clock,
        LongSupplier nanoTime, boolean stderrIsTerminal, Supplier<SoftwareVersion> software, Supplier<MachineInfo> machine,
        int defaultThreads) {

    /** The launcher says whether stderr is a terminal through this system property ({@code true}/{@code false}). */
    public static final String STDERR_TERMINAL_PROPERTY = "palsim.stderr.terminal";

    public AppEnvironment {
        Objects.requireNonNull(experiments, "experiments");
        Objects.requireNonNull(presets, "presets");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(machine, "machine");
    }

    /** The real world: shipped experiments and presets, the current directory, the system clock. */
    public static AppEnvironment fromSystem() {
        String terminal = System.getProperty(STDERR_TERMINAL_PROPERTY);
        boolean stderrIsTerminal = terminal != null ? Boolean.parseBoolean(terminal)
                : System.console() != null && System.console().isTerminal();
        return new AppEnvironment(Experiments.standard(), PresetCatalog.standard(), Path.of("").toAbsolutePath(),
                Clock.systemDefaultZone(), System::nanoTime, stderrIsTerminal, SoftwareVersion::detect, MachineInfo::current,
                Runtime.getRuntime().availableProcessors());
    }
}
