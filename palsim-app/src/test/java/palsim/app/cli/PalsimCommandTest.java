package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line Main builds: only the subcommand the arguments name, or all of them, and in both
 * cases the same names, options and help as the whole command line.
 */
class PalsimCommandTest {
    @TempDir
    Path dir;

    @Test
    void eachSubcommandIsRegisteredUnderTheNameItsAnnotationGives() {
        for (Map.Entry<String, Class<?>> entry : PalsimCommand.SUBCOMMANDS.entrySet()) {
            Command annotation = entry.getValue().getAnnotation(Command.class);
            assertThat(annotation).as(entry.getValue().getName()).isNotNull();
            assertThat(annotation.name()).isEqualTo(entry.getKey());
        }
    }

    @Test
    void argumentsNamingASubcommandBuildOnlyThatOne() {
        CommandLine line = PalsimCommand.commandLine(new CliHarness(dir).environment(), new String[] {"reproduce", "fig1b"});
        assertThat(line.getSubcommands().keySet()).containsExactly("reproduce");
    }

    @Test
    void helpNoCommandOptionsAndUnknownCommandsBuildAllSubcommands() {
        var environment = new CliHarness(dir).environment();
        for (String[] args : new String[][] {{}, {"help", "reproduce"}, {"--help"}, {"--version", "reproduce"}, {"reproduc"}}) {
            assertThat(PalsimCommand.commandLine(environment, args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(PalsimCommand.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void theVersionAloneNeedsNoSubcommand() {
        var environment = new CliHarness(dir).environment();
        for (String option : new String[] {"--version", "-V"}) {
            assertThat(PalsimCommand.commandLine(environment, new String[] {option}).getSubcommands()).isEmpty();
        }
        CliHarness.Result result = new CliHarness(dir).run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("palsim 9.9.9-test");
    }

    @Test
    void aSubcommandBuiltAloneHasTheUsageHelpItHasInTheWholeCommandLine() {
        var environment = new CliHarness(dir).environment();
        CommandLine whole = PalsimCommand.commandLine(environment);
        for (String name : PalsimCommand.SUBCOMMANDS.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CommandLine alone = PalsimCommand.commandLine(environment, new String[] {name});
            assertThat(alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        CliHarness.Result result = new CliHarness(dir).run("--help");
        assertThat(result.exitCode()).isZero();
        for (String name : PalsimCommand.SUBCOMMANDS.keySet()) {
            assertThat(result.out()).contains("  " + name + " ");
        }
    }
}
