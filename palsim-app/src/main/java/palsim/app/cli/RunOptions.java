package palsim.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options shared by {@code run} and {@code reproduce}. */
final class RunOptions {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Run directory (default: runs/<config-or-preset>-<yyyyMMdd-HHmmss>). An existing non-empty"
                    + " directory is refused unless --force is given.")
    Path out;

    @Option(names = "--force", description = "Reuse a non-empty --out directory (replaces the files of the run that was there).")
    boolean force;

    @Option(names = "--seeds", paramLabel = "N", description = "Run only the first N seeds of the config's list.")
    Integer seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "Override the number of epochs.")
    Integer epochs;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set a config key before the config is read, e.g. --set model.dt=0.005 or"
                    + " --set rules.pal.learning_rates=[10,10,10] (repeatable; the value is YAML, checked like the file's).")
    List<String> set = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    boolean verbose;

    /** These options with another {@code --out} (and {@code --force}, since the parent was checked). */
    RunOptions withOut(Path directory) {
        RunOptions copy = new RunOptions();
        copy.out = directory;
        copy.force = force;
        copy.seeds = seeds;
        copy.epochs = epochs;
        copy.set = new ArrayList<>(set);
        copy.threads = threads;
        copy.verbose = verbose;
        return copy;
    }
}
