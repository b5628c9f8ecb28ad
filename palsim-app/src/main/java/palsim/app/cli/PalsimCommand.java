package palsim.app.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import palsim.app.Messages;
import palsim.app.run.FailureReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code palsim} command. Subcommands are listed in {@link #SUBCOMMANDS}; a class with a
 * constructor taking {@link AppEnvironment} receives it (see {@link CommandFactory}).
 */
@Command(name = "palsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
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
    /**
     * The subcommands by name, in the order the usage help lists them. Each name is the one in its
     * class's {@code @Command} annotation (PalsimCommandTest checks).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (one of: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()) + ")");
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("run", RunCommand.class);
        subcommands.put("reproduce", ReproduceCommand.class);
        subcommands.put("resume", ResumeCommand.class);
        subcommands.put("rerun", RerunCommand.class);
        subcommands.put("verify", VerifyCommand.class);
        subcommands.put("sweep", SweepCommand.class);
        subcommands.put("report", ReportCommand.class);
        subcommands.put("presets", PresetsCommand.class);
        subcommands.put("data", DataCommand.class);
        subcommands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(subcommands);
    }

    /**
     * The whole command line, ready to {@code execute(args)}: every subcommand made by
     * {@link CommandFactory} and the two handlers that turn every failure into one line on stderr and
     * an exit code (0 success, 1 internal error, 2 bad input, 3 diverged).
     */
    public static CommandLine commandLine(AppEnvironment environment) {
        return commandLine(environment, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for executing {@code args}: as {@link #commandLine(AppEnvironment)}, but when the
     * first argument names a subcommand (other than {@code help}, which looks at all of them), only that
     * subcommand is built. picocli builds a command's model by reflecting over its classes and
     * annotations, cold, in the interpreter: building all ten took most of the command line's
     * ≈ 0.2–0.4 s at every start (docs/benchmarks.md, "Fixed cost of a run"). {@code --version} alone
     * gets no subcommand; everything else — no command, another option first, an unknown or misspelt
     * command (whose suggestions need the others) — gets the whole command line.
     */
    public static CommandLine commandLine(AppEnvironment environment, String[] args) {
        if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0])) {
            return commandLine(environment, List.of(args[0]));
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(environment, List.of()); // the version needs no subcommand
        }
        return commandLine(environment);
    }

    private static CommandLine commandLine(AppEnvironment environment, Collection<String> names) {
        CommandLine commandLine = new CommandLine(PalsimCommand.class, new CommandFactory(environment));
        for (String name : names) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name));
        }
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
