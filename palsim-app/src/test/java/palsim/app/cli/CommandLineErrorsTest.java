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
 * Every kind of bad input ends with exit code 2 and exactly one line on stderr that names the key or
 * file, without a stack trace; and nothing is written.
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

    private void assertNoRunDirectory() {
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void unknownKeyIsNamedWithItsFullPathAndTheKnownKeys() throws IOException {
        var r = runConfig(GOOD.replace("  layers: [3, 4, 4, 2]", "  layers: [3, 4, 4, 2]\n  layrs: 3"));
        assertBadInput(r, "palsim: exp.yaml: unknown key 'model.layrs' (known: activation, layers, step)");
        assertNoRunDirectory();
    }

    @Test
    void misspelledRequiredKeyIsPointedOut() throws IOException {
        var r = runConfig(GOOD.replace("  layers:", "  layrs:"));
        assertBadInput(r, "palsim: model.layers: required key is missing (found 'layrs': a typo?)");
    }

    @Test
    void wrongTypeNamesTheKeyAndTheValue() throws IOException {
        var r = runConfig(GOOD.replace("epochs: 3", "epochs: ten"));
        assertBadInput(r, "palsim: epochs: expected an integer, got \"ten\"");
    }

    @Test
    void negativeSizeNamesTheListEntry() throws IOException {
        var r = runConfig(GOOD.replace("[3, 4, 4, 2]", "[3, 4, -3, 2]"));
        assertBadInput(r, "palsim: model.layers[2]: must be > 0, got -3");
    }

    @Test
    void badRuleSettingNamesItsPathInsideTheRulesSection() throws IOException {
        var r = runConfig(GOOD.replace("std: [0.1, 0.1]", "std: [0.1, -0.1]"));
        assertBadInput(r, "palsim: rules.pal.noise.std: every entry must be finite and >= 0, got -0.1");
    }

    @Test
    void ruleSettingsThatDoNotFitTheNetworkAreReportedWithTheRule() throws IOException {
        var r = runConfig(GOOD.replace("std: [0.1, 0.1]", "std: [0.1]"));
        assertBadInput(r, "palsim: rules.pal.noise.std has 1 entries; the network has 2 hidden populations");
    }

    @Test
    void unknownRuleListsTheKnownRules() throws IOException {
        var r = runConfig(GOOD.replace("  bp: {}", "  bpp: {}"));
        assertBadInput(r, "palsim: rules.bpp: unknown feedback rule 'bpp' (known: bp, dfa, fa, kolen_pollack, pal, sign_symmetry, weight_mirror)");
    }

    @Test
    void missingFileIsNamed() {
        var r = cli.run("run", dir.resolve("nope.yaml").toString());
        assertBadInput(r, "palsim: " + dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        var r = runConfig("# only a comment\n");
        assertBadInput(r, "palsim: exp.yaml: empty config (expected keys such as task, seeds, epochs)");
    }

    @Test
    void unparseableYamlGivesTheLine() throws IOException {
        var r = runConfig("task: fake-walk\nseeds: [1, 2\nepochs: 3\n");
        assertThat(r.errLine()).startsWith("palsim: exp.yaml: not valid YAML: ").contains("(line 3, column");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void duplicateKeyIsRejected() throws IOException {
        var r = runConfig(GOOD + "epochs: 4\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("palsim: exp.yaml: not valid YAML: duplicate key 'epochs'");
    }

    @Test
    void unknownPresetListsTheKnownPresets() {
        var r = cli.run("reproduce", "fig9z");
        assertBadInput(r, "palsim: unknown preset 'fig9z' (known: broken, fake-demo)");
    }

    @Test
    void unknownTaskListsTheKnownTasks() throws IOException {
        var r = runConfig(GOOD.replace("task: fake-walk", "task: fake-wlak"));
        assertBadInput(r, "palsim: task: unknown task 'fake-wlak' (known: fake-walk)");
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
    void zeroSeedsIsRejected() throws IOException {
        assertBadInput(runConfig(GOOD, "--seeds", "0"), "palsim: --seeds: must be >= 1, got 0");
    }

    @Test
    void moreSeedsThanTheConfigListsIsRejected() throws IOException {
        assertBadInput(runConfig(GOOD, "--seeds", "4"), "palsim: --seeds: asked for the first 4 seeds, but exp.yaml lists 3");
    }

    @Test
    void nonNumericSeedsOptionIsRejected() throws IOException {
        var r = runConfig(GOOD, "--seeds", "many");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.errLine()).startsWith("palsim: invalid value for option '--seeds': 'many' is not an int");
    }

    @Test
    void zeroEpochsAndZeroThreadsAreRejected() throws IOException {
        assertBadInput(runConfig(GOOD, "--epochs", "0"), "palsim: --epochs: must be >= 1, got 0");
        assertBadInput(runConfig(GOOD, "--threads", "0"), "palsim: --threads: must be >= 1, got 0");
    }

    @Test
    void unknownOptionSuggestsTheRightOne() throws IOException {
        var r = runConfig(GOOD, "--forc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.errLine()).startsWith("palsim: unknown option: '--forc'").contains("--force")
                .endsWith("(see 'palsim run --help')");
    }

    @Test
    void missingCommandIsAUsageError() {
        var r = cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("palsim: missing command (one of: run, reproduce, rerun, presets, data)");
    }

    @Test
    void duplicateSeedIsRejected() throws IOException {
        assertBadInput(runConfig(GOOD.replace("[11, 22, 33]", "[11, 22, 11]")), "palsim: seeds[2]: seed 11 is listed twice");
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
