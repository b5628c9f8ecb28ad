package palsim.app.cli;

import palsim.app.PhaseLog;

/** Entry point of {@code palsim} (the launcher runs {@code java -jar palsim.jar}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PhaseLog.mark("main entered");
        StartUpWarmUp.startFor(args);
        AppEnvironment environment = AppEnvironment.fromSystem();
        PhaseLog.mark("environment");
        picocli.CommandLine commandLine = PalsimCommand.commandLine(environment, args);
        PhaseLog.mark("command line built");
        int code = commandLine.execute(args);
        PhaseLog.mark("command done");
        System.exit(code);
    }
}
