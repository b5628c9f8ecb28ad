package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/**
 * Failures beyond the table of bad inputs ({@link BadInputTableTest}): an existing output directory,
 * internal errors and {@code --verbose}. {@link #GOOD} is the valid config the other CLI tests vary.
 */
class CommandLineErrorsTest {
    static final String GOOD = """
            task: fake-walk
            seeds: [11, 22, 33]
            epochs: 3
            model:
              layers: [3, 4, 4, 2]
            rules:
              bp: {}
              pal:
                noise: {std: [0.1, 0.1], tau: 1.0}
                tau_high_pass: 1.0
                learning_rates: [1.0, 1.0]
                decay: [0.1, 0.1]
            protocol:
              figures: false
            """;

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    private Path config(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private CliHarness.Result runConfig(String text, String... extra) throws IOException {
        Path file = config("exp.yaml", text);
        String[] args = new String[extra.length + 2];
        args[0] = "run";
        args[1] = file.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return cli.run(args);
    }

    /** Exit 2, one line starting "palsim: ", no stack trace, nothing on stdout, no run directory. */
    private static void assertBadInput(CliHarness.Result r, String expectedLine) {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as("stderr lines").hasSize(1);
        assertThat(r.errLine()).isEqualTo(expectedLine);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void existingNonEmptyOutputDirectoryIsRefusedWithoutForce() throws IOException {
        Path out = dir.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        var r = runConfig(GOOD, "--out", out.toString());
        assertBadInput(r, "palsim: " + out + ": directory exists and is not empty (use --force to reuse it, or choose another --out)");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("provenance.json")).doesNotExist();
    }

    @Test
    void internalErrorIsOneLineWithAHintAndExitCodeOne() throws IOException {
        var r = runConfig(GOOD.replace("  figures: false", "  figures: false\n  internal_error: true"), "--out", "bug");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).last().isEqualTo(
                "palsim: internal error: java.lang.IllegalStateException: deliberate bug for tests"
                        + " (run with --verbose for the stack trace)");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        var r = runConfig(GOOD.replace("  figures: false", "  figures: false\n  internal_error: true"), "--out", "bug",
                "--verbose");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("palsim: internal error: java.lang.IllegalStateException: deliberate bug for tests\n")
                .contains("\tat palsim.app.testing.FakeWalkExperiment.run");
    }
}
