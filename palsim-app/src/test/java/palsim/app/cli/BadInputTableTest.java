package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.app.run.CheckpointFixtures;
import palsim.app.testing.CliHarness;

/**
 * Bad input of every kind, one row each: config keys, types and values, files, options, {@code --set},
 * presets and rerun. Every row must end with exit code 2, exactly one line on stderr that names the
 * key, option or file (no stack trace, nothing on stdout), and nothing written: the working directory
 * holds afterwards exactly what it held before.
 */
class BadInputTableTest {
    /** Stands for the config file's path in a row's arguments and message. */
    private static final String FILE = "{file}";
    /** Stands for the temporary working directory in a row's arguments and message. */
    private static final String DIR = "{dir}";
    private static final String GOOD = CommandLineErrorsTest.GOOD;

    @TempDir
    Path dir;

    /**
     * One bad input.
     *
     * @param config the config file's text (written to exp.yaml), or null for none
     * @param args the command line; {@link #FILE} is the config's path, {@link #DIR} the working directory
     * @param line the expected stderr line after "palsim: " (with the same placeholders); ending in "…"
     *     means "starts with"
     * @param shipped run against palsim's own experiments and presets rather than the test ones
     */
    record Row(String name, String config, List<String> args, String line, boolean shipped, Setup setup) {
        Row(String name, String config, List<String> args, String line, boolean shipped) {
            this(name, config, args, line, shipped, directory -> { });
        }

        Row withConfig(String text) {
            return new Row(name, text, args, line, shipped, setup);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Prepares the working directory of a row (e.g. a run directory to resume) before it runs. */
    @FunctionalInterface
    interface Setup {
        void prepare(Path directory) throws IOException;
    }

    /**
     * {@code palsim resume r} of a run directory {@code r} that holds {@link #GOOD} as config.yaml,
     * an interrupted run's provenance.json and {@code checkpoint} as its newest checkpoint.
     */
    private static Row resume(String name, String line, Function<String, byte[]> checkpoint) {
        return new Row(name, null, List.of("resume", "r"), line, false, directory -> {
            Path run = Files.createDirectories(directory.resolve("r"));
            Files.writeString(run.resolve("config.yaml"), GOOD);
            Files.writeString(run.resolve("provenance.json"), "{\"status\": \"interrupted\"}\n");
            Path file = CheckpointFixtures.file(run, 3);
            Files.createDirectories(file.getParent());
            Files.write(CheckpointFixtures.file(run, 2), CheckpointFixtures.valid(GOOD, 2));
            Files.write(file, checkpoint.apply(GOOD));
        });
    }

    private static byte[] truncated(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= 0x10;
        return copy;
    }

    private static byte[] version(int version) {
        return ByteBuffer.allocate(64).put("PALSIMCK".getBytes(StandardCharsets.US_ASCII)).putInt(version).array();
    }

    private static Row config(String name, String text, String line) {
        return new Row(name, text, List.of("run", FILE), line, false);
    }

    private static Row good(String name, String line, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", FILE));
        args.addAll(List.of(extra));
        return new Row(name, GOOD, args, line, false);
    }

    private static Row command(String name, String line, String... args) {
        return new Row(name, null, List.of(args), line, false);
    }

    static Stream<Row> rows() {
        return Stream.of(
                // The config file as a whole
                command("missing config file", DIR + "/nope.yaml: no such file", "run", DIR + "/nope.yaml"),
                command("a directory as config", DIR + ": is a directory, not a config file", "run", DIR),
                config("empty file", "# only a comment\n", "exp.yaml: empty config (expected keys such as task, seeds, epochs)"),
                config("invalid YAML", "task: fake-walk\nseeds: [1, 2\nepochs: 3\n", "exp.yaml: not valid YAML: …(line 3, column…"),
                config("duplicate key", GOOD + "epochs: 4\n", "exp.yaml: not valid YAML: duplicate key 'epochs'…"),
                config("a list at the top level", "- task\n- seeds\n", "exp.yaml: expected key: value lines at the top level, got a list"),
                config("a binary file", "task: \u0000\u00ff\n", "exp.yaml: …"),
                // Common keys
                config("task missing", GOOD.replace("task: fake-walk\n", ""), "task: required key is missing"),
                config("unknown task", GOOD.replace("task: fake-walk", "task: fake-wlak"),
                        "task: unknown task 'fake-wlak' (known: fake-walk)"),
                config("epochs not a number", GOOD.replace("epochs: 3", "epochs: ten"), "epochs: expected an integer, got \"ten\""),
                config("epochs zero", GOOD.replace("epochs: 3", "epochs: 0"), "epochs: must be >= 1, got 0"),
                config("epochs fractional", GOOD.replace("epochs: 3", "epochs: 2.5"), "epochs: expected an integer, got 2.5"),
                config("epochs missing", GOOD.replace("epochs: 3\n", ""), "epochs: required key is missing"),
                config("epochs misspelled", GOOD.replace("epochs: 3", "epoch: 3"),
                        "epochs: required key is missing (found 'epoch': a typo?)"),
                config("no seeds", GOOD.replace("[11, 22, 33]", "[]"), "seeds: needs at least one seed"),
                config("negative seed", GOOD.replace("[11, 22, 33]", "[11, -22]"), "seeds[1]: must be >= 0, got -22"),
                config("duplicate seed", GOOD.replace("[11, 22, 33]", "[11, 22, 11]"), "seeds[2]: seed 11 is listed twice"),
                config("seeds not a list", GOOD.replace("[11, 22, 33]", "11"), "seeds: expected a list, got 11"),
                config("unknown top-level key", GOOD + "colour: blue\n", "exp.yaml: unknown key 'colour' (known: …"),
                // Unknown keys are reported together with a missing required key
                config("unknown key next to a missing key", GOOD.replace("  layers: [3, 4, 4, 2]\n", "") + "colour: blue\n",
                        "model.layers: required key is missing; exp.yaml: unknown key 'colour' (known: …"),
                config("missing seeds and an unknown model key",
                        GOOD.replace("seeds: [11, 22, 33]\n", "").replace("  layers: [3, 4, 4, 2]", "  layers: [3, 4, 4, 2]\n  stepp: 2"),
                        "seeds: required key is missing; exp.yaml: unknown key 'model.stepp' (known: activation, layers, step)"),
                new Row("missing and unknown keys through --set", null,
                        List.of("reproduce", "fig1b", "--set", "model.layers=", "--set", "model.fancy=1"),
                        "model.layers: required key is missing; --set: unknown key 'model.fancy' (known: …", true),
                // Experiment sections
                config("model not a section", GOOD.replace("model:\n  layers: [3, 4, 4, 2]", "model: 3"),
                        "model: expected a section (key: value lines), got 3"),
                config("unknown model key", GOOD.replace("  layers: [3, 4, 4, 2]", "  layers: [3, 4, 4, 2]\n  layrs: 3"),
                        "exp.yaml: unknown key 'model.layrs' (known: activation, layers, step)"),
                config("misspelled required key", GOOD.replace("  layers:", "  layrs:"),
                        "model.layers: required key is missing (found 'layrs': a typo?)"),
                config("negative layer size", GOOD.replace("[3, 4, 4, 2]", "[3, 4, -3, 2]"), "model.layers[2]: must be > 0, got -3"),
                config("too few layers", GOOD.replace("[3, 4, 4, 2]", "[3, 4]"),
                        "model.layers: needs at least 3 entries (input, hidden, output), got 2"),
                config("layer size a string", GOOD.replace("[3, 4, 4, 2]", "[3, four, 4, 2]"),
                        "model.layers[1]: expected an integer, got \"four\""),
                config("negative step", GOOD.replace("  layers: [3, 4, 4, 2]", "  layers: [3, 4, 4, 2]\n  step: -1"),
                        "model.step: must be > 0, got -1"),
                config("unknown activation", GOOD.replace("  layers: [3, 4, 4, 2]", "  layers: [3, 4, 4, 2]\n  activation: sigmoidd"),
                        "model.activation: …sigmoidd…"),
                config("no rules", GOOD.substring(0, GOOD.indexOf("rules:")) + "rules: {}\nprotocol:\n  figures: false\n",
                        "rules: needs at least one rule"),
                config("unknown rule", GOOD.replace("  bp: {}", "  bpp: {}"), "rules.bpp: unknown feedback rule 'bpp' (known: bp, …pal…"),
                config("negative noise", GOOD.replace("std: [0.1, 0.1]", "std: [0.1, -0.1]"),
                        "rules.pal.noise.std: every entry must be finite and >= 0, got -0.1"),
                config("rule settings that do not fit the network", GOOD.replace("std: [0.1, 0.1]", "std: [0.1]"),
                        "rules.pal.noise.std has 1 entries; the network has 2 hidden populations"),
                config("unknown rule key", GOOD.replace("    tau_high_pass: 1.0", "    tau_high_pass: 1.0\n    tau_hp: 1.0"),
                        "exp.yaml: unknown key 'rules.pal.tau_hp' (known: …"),
                config("seeds per job zero", GOOD.replace("  figures: false", "  figures: false\n  seeds_per_job: 0"),
                        "protocol.seeds_per_job: must be >= 1, got 0"),
                config("flag not a boolean", GOOD.replace("  figures: false", "  figures: maybe"),
                        "protocol.figures: expected true or false, got \"maybe\""),
                // Options
                good("zero seeds", "--seeds: must be >= 1, got 0", "--seeds", "0"),
                good("more seeds than listed", "--seeds: asked for the first 4 seeds, but exp.yaml lists 3", "--seeds", "4"),
                good("seeds not a number", "invalid value for option '--seeds': 'many' is not an int…", "--seeds", "many"),
                good("zero epochs", "--epochs: must be >= 1, got 0", "--epochs", "0"),
                good("zero threads", "--threads: must be >= 1, got 0", "--threads", "0"),
                good("unknown option", "unknown option: '--forc'…--force…(see 'palsim run --help')…", "--forc"),
                command("missing command", "missing command (one of: run, reproduce, resume, rerun, verify, sweep, report, presets, data)…"),
                command("unknown command", "unmatched argument at index 0: 'rnu'…", "rnu"),
                command("run without a config", "missing required parameter: 'CONFIG'…", "run"),
                good("epochs override does not hide a bad epochs", "epochs: expected an integer, got \"ten\"", "--epochs", "2")
                        .withConfig(GOOD.replace("epochs: 3", "epochs: ten")),
                good("seeds override does not hide a bad seed", "seeds[2]: must be >= 0, got -33", "--seeds", "1")
                        .withConfig(GOOD.replace("[11, 22, 33]", "[11, 22, -33]")),
                // --set
                good("set without a value", "--set model.step: expected KEY=VALUE, e.g. --set model.dt=0.01", "--set", "model.step"),
                good("set with a bad path", "--set model..step=1: 'model..step' is not a key path…", "--set", "model..step=1"),
                good("set with invalid YAML", "--set model.layers: not valid YAML: …", "--set", "model.layers=[3, 4"),
                good("set a bad value", "model.layers[2]: must be > 0, got -3", "--set", "model.layers=[3, 4, -3, 2]"),
                good("set a value of the wrong type", "epochs: expected an integer, got \"ten\"", "--set", "epochs=ten"),
                good("set an unknown key", "--set: unknown key 'model.layrs' (known: activation, layers, step)", "--set", "model.layrs=3"),
                good("set through a number", "--set model.layers.size: model.layers is a list, not a section",
                        "--set", "model.layers.size=1"),
                good("set past the end of a list", "--set model.layers[7]: model.layers has 4 entries, no index 7",
                        "--set", "model.layers[7]=1"),
                // Sweeps
                new Row("sweep without a sweep section", GOOD, List.of("sweep", FILE),
                        "exp.yaml: no sweep section (sweep: {grid: {key: [values]}}; see docs/config.md)", false),
                new Row("sweep with zip lists of different lengths", GOOD + "sweep:\n  zip: {model.step: [1, 2], epochs: [1]}\n",
                        List.of("sweep", FILE), "sweep.zip.epochs: has 1 values, but sweep.zip.model.step has 2 (zipped keys vary together)",
                        false),
                new Row("sweep with a bad value at one point", GOOD + "sweep:\n  grid: {model.step: [1, -1]}\n", List.of("sweep", FILE),
                        "sweep point 1 (model.step=-1): model.step: must be > 0, got -1", false),
                new Row("sweep of an unknown key", GOOD + "sweep:\n  grid: {model.stpe: [1, 2]}\n", List.of("sweep", FILE),
                        "sweep point 0 (model.stpe=1): sweep.grid: unknown key 'model.stpe' (known: activation, layers, step)", false),
                new Row("sweep with an unknown section key", GOOD + "sweep:\n  gird: {model.step: [1, 2]}\n", List.of("sweep", FILE),
                        "exp.yaml: unknown key 'sweep.gird' (known: grid, seeds, slurm, zip)", false),
                new Row("sweep with zero threads", GOOD + "sweep:\n  grid: {model.step: [1, 2]}\n",
                        List.of("sweep", FILE, "--threads", "0"), "--threads: must be >= 1, got 0", false),
                // Presets, rerun, data
                command("unknown preset", "unknown preset 'fig9z' (known: broken, fake-demo)", "reproduce", "fig9z"),
                command("show an unknown preset", "unknown preset 'fig9z' (known: broken, fake-demo)", "presets", "--show", "fig9z"),
                command("rerun of a missing directory", "nowhere: no such directory", "rerun", "nowhere"),
                command("rerun of a directory without a run", ".: not a run directory (no config.yaml)", "rerun", "."),
                new Row("missing data file", null, List.of("reproduce", "fig1fgh", "--set", "data.dir=" + DIR + "/no-mnist"),
                        DIR + "/no-mnist/train-images-idx3-ubyte.gz: not found …", true),
                new Row("shipped config with a bad value", null, List.of("reproduce", "fig1b", "--set", "model.dt=-0.01"),
                        "model.dt: must be > 0, got -0.01", true),
                // Checkpoints and resume
                config("negative checkpoint interval", GOOD + "checkpoint: {every_epochs: -1}\n",
                        "checkpoint.every_epochs: must be >= 0, got -1"),
                config("unknown checkpoint key", GOOD + "checkpoint: {every_epoch: 2}\n",
                        "exp.yaml: unknown key 'checkpoint.every_epoch' …"),
                good("checkpoint minutes of the wrong type", "checkpoint.every_minutes: expected a number, got \"often\"",
                        "--set", "checkpoint.every_minutes=often"),
                command("resume of a missing directory", "nowhere: no such directory", "resume", "nowhere"),
                command("resume of a directory without a run", ".: not a run directory (no config.yaml)", "resume", "."),
                resume("resume from a truncated checkpoint",
                        "r/checkpoints/checkpoint-000003.bin: checkpoint is corrupt or truncated (checksum mismatch)",
                        config -> truncated(CheckpointFixtures.valid(config, 3))),
                resume("resume from a corrupt checkpoint",
                        "r/checkpoints/checkpoint-000003.bin: checkpoint is corrupt or truncated (checksum mismatch)",
                        config -> flipped(CheckpointFixtures.valid(config, 3))),
                resume("resume from a file that is no checkpoint",
                        "r/checkpoints/checkpoint-000003.bin: not a palsim checkpoint (corrupt or truncated)",
                        config -> "not a checkpoint at all".getBytes(StandardCharsets.UTF_8)),
                resume("resume from an empty checkpoint",
                        "r/checkpoints/checkpoint-000003.bin: not a palsim checkpoint (corrupt or truncated)",
                        config -> new byte[0]),
                resume("resume from another checkpoint format version",
                        "r/checkpoints/checkpoint-000003.bin: checkpoint format version 99; this palsim reads version "
                                + CheckpointFixtures.formatVersion(),
                        config -> version(99)),
                resume("resume with a changed config",
                        "r/checkpoints/checkpoint-000003.bin: the checkpoint belongs to another config (config.yaml changed"
                                + " since it was written; resume needs the config the run started with)",
                        config -> CheckpointFixtures.valid(config.replace("epochs: 3", "epochs: 4"), 3)),
                new Row("resume with zero threads", null, List.of("resume", "r", "--threads", "0"),
                        "--threads: must be >= 1, got 0", false, directory -> {
                            Path run = Files.createDirectories(directory.resolve("r"));
                            Files.writeString(run.resolve("config.yaml"), GOOD);
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputIsOneLineNamingTheProblemWithExitTwoAndWritesNothing(Row row) throws IOException {
        String base = dir.toString();
        String file = null;
        if (row.config() != null) {
            file = dir.resolve("exp.yaml").toString();
            Files.writeString(dir.resolve("exp.yaml"), row.config());
        }
        row.setup().prepare(dir);
        List<String> before = listing();
        String path = file;
        String[] args = row.args().stream().map(a -> a.replace(FILE, String.valueOf(path)).replace(DIR, base)).toArray(String[]::new);
        CliHarness cli = row.shipped() ? CliHarness.shipped(dir) : new CliHarness(dir);
        CliHarness.Result r = cli.run(args);

        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as("stderr lines").hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        String expected = "palsim: " + row.line().replace(DIR, base);
        if (expected.endsWith("…")) {
            String[] parts = expected.substring(0, expected.length() - 1).split("…", -1);
            assertThat(r.errLine()).startsWith(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                assertThat(r.errLine()).contains(parts[i]);
            }
        } else {
            assertThat(r.errLine()).isEqualTo(expected);
        }
        assertThat(listing()).as("nothing written").isEqualTo(before);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
