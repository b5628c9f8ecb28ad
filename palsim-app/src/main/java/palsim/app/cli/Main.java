package palsim.app.cli;

import java.util.Set;
import palsim.app.PhaseLog;
import palsim.app.config.ConfigDocument;

/** Entry point of {@code palsim} (the launcher runs {@code java -jar palsim.jar}). */
public final class Main {
    /** The commands that read a YAML config soon after the command line is parsed. */
    private static final Set<String> READS_A_CONFIG = Set.of("run", "reproduce", "resume", "rerun", "sweep");

    private Main() {}

    public static void main(String[] args) {
        PhaseLog.mark("main entered");
        if (args.length > 0 && READS_A_CONFIG.contains(args[0])) {
            ConfigDocument.warmUpInBackground();
        }
        AppEnvironment environment = AppEnvironment.fromSystem();
        PhaseLog.mark("environment");
        picocli.CommandLine commandLine = PalsimCommand.commandLine(environment, args);
        PhaseLog.mark("command line built");
        int code = commandLine.execute(args);
        PhaseLog.mark("command done");
        System.exit(code);
    }
}
