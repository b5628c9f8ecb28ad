package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/**
 * {@code palsim verify}: the shipped recordings of the reference implementation agree with every
 * engine, a changed recording or parameter is found and named, and bad files are bad input.
 */
class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIG1C = "fig1c-bw_only-pal-seed123.json.gz";
    private static final String FIG1E = "fig1e-fw_bw-pal-seed123.json.gz";

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void harness() {
        cli = new CliHarness(dir);
    }

    @Test
    void theShippedTracesAgreeWithEveryEngine() {
        var r = cli.run("verify", "--tolerance", "1e-10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("bundled:" + FIG1C, "bundled:" + FIG1E, "All 2 traces agree with every engine.");
        for (String engine : new String[] {"lane engine, one seed (width 1): PASS", "lane engine, full group (",
            "scalar reference: PASS"}) {
            assertThat(r.out().split(java.util.regex.Pattern.quote(engine), -1)).as(engine).hasSize(3);
        }
        assertThat(r.out()).doesNotContain("FAIL").doesNotContain(")!");
        // PAL keeps every state the recordings hold: ξ, h and D are compared too
        assertThat(r.out()).doesNotContain("not compared").contains("    noise ", "    rP_breve_HI ", "    dWPP_LO ");
    }

    @Test
    void aTraceFileIsReadFromDiskAsWell() throws IOException {
        Path trace = copy(FIG1E, json -> { });
        var r = cli.run("verify", trace.getFileName().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(FIG1E + "\n").contains("The trace agrees with every engine.");
    }

    @Test
    void aChangedCheckpointIsFoundAndNamed() throws IOException {
        copy(FIG1C, json -> {
            ArrayNode row = (ArrayNode) json.at("/checkpoints/10/BPP/1/3");
            row.set(4, row.get(4).doubleValue() + 1e-6);
        });
        var r = cli.run("verify", FIG1C);
        assertThat(r.exitCode()).isEqualTo(VerifyCommand.DIFFERENT);
        assertThat(r.errLine()).startsWith("palsim: " + FIG1C + ": BPP (B) of layer 2 differs after step 10 in the lane"
                + " engine, one seed (width 1): relative difference 2.0e-07 > tolerance 1.0e-09");
        assertThat(r.out()).contains("FAIL").contains("1.0e-06 (2.0e-07)!");
    }

    @Test
    void aSlightlyDifferentLearningRateIsCaught() throws IOException {
        // the replay has teeth: η^bw off by 0.1 % is far beyond rounding
        copy(FIG1C, json -> {
            ArrayNode eta = (ArrayNode) json.at("/meta/params/eta_bw");
            eta.set(0, eta.get(0).doubleValue() * 1.001);
        });
        var r = cli.run("verify", FIG1C);
        assertThat(r.exitCode()).isEqualTo(VerifyCommand.DIFFERENT);
        assertThat(r.errLine()).contains("BPP (B) of layer 1 differs after step");
    }

    @Test
    void badFilesAreBadInput() throws IOException {
        expectBadInput(new String[] {"verify", "missing.json.gz"}, "palsim: missing.json.gz: no such file");

        byte[] whole = Files.readAllBytes(copy(FIG1E, json -> { }));
        Files.write(dir.resolve("half.json.gz"), Arrays.copyOf(whole, whole.length / 2));
        expectBadInput(new String[] {"verify", "half.json.gz"}, "palsim: half.json.gz: truncated (the compressed data ends early)");

        Files.writeString(dir.resolve("junk.json"), "{\"meta\": [1, 2,, 3]}");
        expectBadInput(new String[] {"verify", "junk.json"}, "palsim: junk.json: not valid JSON at line 1, column 16");

        Files.writeString(dir.resolve("cut.json"), "{\"meta\": {\"task\": \"fw");
        expectBadInput(new String[] {"verify", "cut.json"}, "palsim: cut.json: truncated JSON at line 1, column 22");

        Files.writeString(dir.resolve("empty.json"), "{}");
        expectBadInput(new String[] {"verify", "empty.json"}, "palsim: empty.json: missing meta");
    }

    @Test
    void unsupportedParametersAreNamed() throws IOException {
        copy(FIG1E, json -> ((ObjectNode) json.at("/meta/params")).put("mystery_switch", true));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": meta.params.mystery_switch: unknown parameter (palsim cannot tell whether it changes the step)");

        copy(FIG1E, json -> ((ObjectNode) json.at("/meta/params")).put("noise_type", "white"));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": meta.params.noise_type: palsim supports only OU, got white");

        copy(FIG1E, json -> ((ObjectNode) json.at("/meta/params")).put("gate_regularizer", true));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": meta.params.gate_regularizer: palsim supports only false, got true");

        copy(FIG1E, json -> ((ObjectNode) json.at("/meta/params")).put("model_type", "DFA"));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": meta.params.model_type: palsim supports BP, FA and PAL, got 'DFA'");

        copy(FIG1E, json -> ((ObjectNode) json.at("/meta/params")).put("activation", "swish"));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": meta.params.activation: unknown activation 'swish' (palsim knows linear, relu, softplus, logistic,"
                + " tanh, hard_sigmoid)");

        copy(FIG1E, json -> ((ArrayNode) json.at("/meta/params/eta_fw")).add(1));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": meta.params.eta_fw: has 3 entries; the network needs 2");
    }

    @Test
    void malformedStatesAreNamedByTheirPlace() throws IOException {
        copy(FIG1C, json -> ((ArrayNode) json.at("/checkpoints/10/WPP/1")).remove(0));
        expectBadInput(new String[] {"verify", FIG1C}, "palsim: " + FIG1C
                + ": checkpoints.10.WPP[1]: expected 10 rows of 20, got 9 rows");

        copy(FIG1E, json -> ((ObjectNode) json.at("/after_settling")).remove("vapi"));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E + ": after_settling: missing vapi");

        copy(FIG1E, json -> ((ArrayNode) json.get("steps")).remove(999));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": steps: meta.train_steps says 1000 steps, 999 are recorded (truncated file?)");

        copy(FIG1E, json -> ((ArrayNode) json.at("/steps/5/noise/1")).set(0, 0.5));
        expectBadInput(new String[] {"verify", FIG1E}, "palsim: " + FIG1E
                + ": steps[5].noise[1]: noise in the output layer, which palsim does not inject");
    }

    @Test
    void aNegativeToleranceIsBadInput() {
        expectBadInput(new String[] {"verify", "--tolerance", "-1"}, "palsim: --tolerance: must be a finite number >= 0, got -1.0");
    }

    private void expectBadInput(String[] args, String line) {
        var r = cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo(line);
        assertThat(r.out()).isEmpty();
    }

    /** Writes the bundled trace {@code name}, changed by {@code change}, into the working directory. */
    private Path copy(String name, Consumer<JsonNode> change) throws IOException {
        JsonNode json;
        try (InputStream in = new GZIPInputStream(VerifyCommandTest.class.getResourceAsStream("/traces/" + name))) {
            json = JSON.readTree(in);
        }
        change.accept(json);
        Path out = dir.resolve(name);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
            JSON.writeValue(o, json);
        }
        return out;
    }
}
