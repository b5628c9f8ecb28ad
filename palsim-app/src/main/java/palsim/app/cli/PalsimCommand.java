package palsim.app.cli;

import java.io.PrintWriter;
import java.util.List;
import palsim.app.Messages;
import palsim.app.run.FailureReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code palsim} command. Subcommands are listed in {@code subcommands} below; a class
 * with a constructor taking {@link AppEnvironment} receives it (see {@link CommandFactory}).
 */
@Command(name = "palsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ReproduceCommand.class, ResumeCommand.class, RerunCommand.class, VerifyCommand.class, SweepCommand.class,
            ReportCommand.class,
            PresetsCommand.class,
            DataCommand.class,
            CommandLine.HelpCommand.class},
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        header = "Phaseless Alignment Learning (PAL) and its baselines in cortical microcircuits and Latent-Equilibrium networks.",
        description = {"", "Runs experiments from YAML configs or named presets and writes reproducible run directories.", ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  palsim reproduce fig1b                   run a paper figure's preset",
            "  palsim run my.yaml --seeds 2 --epochs 5  a quick look at a config",
            "  palsim run my.yaml --set model.dt=0.005  change any config key",
            "  palsim resume runs/fig1c-20260102-030405 continue an interrupted run (or sweep)",
            "  palsim rerun runs/fig1b-20260102-030405  repeat a run, compare bit for bit",
            "  palsim sweep my-sweep.yaml --threads 4   run every point of the config's sweep section",
            "  palsim verify                            check the microcircuit step against recordings",
            "  palsim presets                           list the presets",
            "  palsim presets --show fig1b              print a preset's YAML",
            "",
            "Exit codes: 0 success, 1 internal error, 2 bad input (config, option, file),",
            "            3 simulation diverged, 4 rerun or verify found a difference,",
            "            130 interrupted (Ctrl-C; resume with palsim resume DIR).",
            "Docs: README.md and docs/ (config, run-directory, metrics, benchmarks, ...)"})
public final class PalsimCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (one of: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()) + ")");
    }

    /**
     * The whole command line, ready to {@code execute(args)}: subcommands made by {@link CommandFactory}
     * and the two handlers that turn every failure into one line on stderr and an exit code
     * (0 success, 1 internal error, 2 bad input, 3 diverged).
     */
    public static CommandLine commandLine(AppEnvironment environment) {
        CommandLine commandLine = new CommandLine(PalsimCommand.class, new CommandFactory(environment));
        commandLine.setParameterExceptionHandler(PalsimCommand::reportBadArguments);
        commandLine.setExecutionExceptionHandler(PalsimCommand::reportFailure);
        return commandLine;
    }

    /** Bad options or parameters: one line naming the problem, exit code 2. */
    private static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        String message = Messages.oneLine(e.getMessage(), "");
        message = message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
        StringBuilder line = new StringBuilder("palsim: ").append(message);
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
                        .append("?)");
            }
        }
        line.append(" (see '").append(failed.getCommandSpec().qualifiedName()).append(" --help')");
        err.println(line);
        err.flush();
        return FailureReport.Kind.INPUT.exitCode();
    }

    /** Failures while a command runs: one line (plus the stack trace with --verbose), the failure's exit code. */
    private static int reportFailure(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        FailureReport report = FailureReport.of(e);
        boolean verbose = isVerbose(parseResult);
        String hint = report.kind() == FailureReport.Kind.INTERNAL && !verbose ? " (run with --verbose for the stack trace)" : "";
        err.println("palsim: " + report.message() + hint);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return report.exitCode();
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
