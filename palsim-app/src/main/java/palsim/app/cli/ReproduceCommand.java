package palsim.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palsim reproduce <preset>}: {@code run} on a shipped preset. */
@Command(name = "reproduce", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run a named preset (a config shipped with palsim, e.g. a paper figure). 'palsim presets' lists them."})
final class ReproduceCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "The preset's name, e.g. fig1b.")
    private String preset;

    @Mixin
    private RunOptions options;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    ReproduceCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        return new RunSupport(environment, spec).run(environment.presets().load(preset), preset, options);
    }
}
