package palsim.app.experiment.autoencoder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import palsim.app.cli.AppEnvironment;
import palsim.app.cli.PalsimCommand;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.ExperimentRegistry;
import palsim.app.testing.CliHarness;
import picocli.CommandLine;

/**
 * The command line in-process with the autoencoder experiment and the shipped presets (the
 * shared {@link CliHarness} knows only its test experiment and test presets), in a temporary
 * working directory with the harness's fixed clock and version.
 */
final class AutoencoderCli {
    private final AppEnvironment environment;

    AutoencoderCli(Path workingDirectory) {
        AppEnvironment base = new CliHarness(workingDirectory).environment();
        environment = new AppEnvironment(ExperimentRegistry.of(new AutoencoderExperiment()), PresetCatalog.standard(),
                base.workingDirectory(), base.clock(), base.nanoTime(), false, base.software(), base.machine(), 2);
    }

    CliHarness.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PalsimCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliHarness.Result(code, out.toString(), err.toString());
    }
}
