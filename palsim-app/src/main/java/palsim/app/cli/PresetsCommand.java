package palsim.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import palsim.app.InputException;
import palsim.app.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code palsim presets}: each preset's name, measured wall time and one-line description; {@code --show NAME}: its YAML. */
@Command(name = "presets", description = {"List the presets 'palsim reproduce' can run, or print one preset's YAML"
        + " (a starting point for your own config)."})
final class PresetsCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--show", paramLabel = "NAME", description = "Print the YAML of preset NAME as shipped.")
    private String show;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    PresetsCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            String text = environment.presets().text(show);
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
            return 0;
        }
        SortedSet<String> names = environment.presets().names();
        if (names.isEmpty()) {
            out.println("No presets are installed.");
            out.flush();
            return 0;
        }
        int width = Math.max("preset".length(), names.stream().mapToInt(String::length).max().orElse(0));
        Map<String, String> wallTimes = environment.presets().wallTimes();
        String timeHeader = "wall time (2 cores)";
        int timeWidth = Math.max(timeHeader.length(), wallTimes.values().stream().mapToInt(String::length).max().orElse(0));
        if (!wallTimes.isEmpty()) {
            out.println(pad("preset", width + 2) + pad(timeHeader, timeWidth) + "  description");
        }
        for (String name : names) {
            String description;
            try {
                description = environment.presets().description(name);
            } catch (InputException e) {
                description = "(unreadable: " + Messages.oneLine(e.getMessage(), "") + ")";
            }
            String time = wallTimes.isEmpty() ? "" : pad(wallTimes.getOrDefault(name, ""), timeWidth) + "  ";
            out.println(pad(name, width + 2) + time + description);
        }
        out.flush();
        return 0;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
