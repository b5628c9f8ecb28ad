package palsim.app.cli;

/** Entry point of {@code palsim} (the launcher runs {@code java -jar palsim.jar}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(PalsimCommand.commandLine(AppEnvironment.fromSystem()).execute(args));
    }
}
