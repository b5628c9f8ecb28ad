package palsim.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import palsim.app.config.ConfigDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palsim run <config.yaml>}: runs the experiment a config describes. */
@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the experiment described by a YAML config (docs/config.md) and write a run directory"
                + " (docs/run-directory.md)."})
final class RunCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file (YAML).")
    private Path config;

    @Mixin
    private RunOptions options;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    RunCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        ConfigDocument document = ConfigDocument.load(environment.workingDirectory().resolve(config), config.toString());
        String name = config.getFileName() == null ? "run" : config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new RunSupport(environment, spec).run(document, name, options);
    }
}
