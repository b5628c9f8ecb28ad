package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import palsim.app.testing.CliHarness;

/** Successful runs: the run directory's contents and formats, reproducibility, overrides. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliHarness cli;
    Path config;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        config = dir.resolve("walk.yaml");
        Files.writeString(config, CommandLineErrorsTest.GOOD);
    }

    private CliHarness.Result run(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        return r;
    }

    @Test
    void runDirectoryHoldsResolvedConfigProvenanceMetricsAndSummary() throws IOException {
        var r = run("run", config.toString(), "--out", "out", "--threads", "2");
        Path out = dir.resolve("out");
        assertThat(out.resolve("config.yaml")).exists();
        assertThat(out.resolve("metrics.csv")).exists();
        assertThat(out.resolve("summary.json")).exists();
        assertThat(out.resolve("metrics.partial.csv")).doesNotExist();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList())
                    .as("temporary files left behind").isEmpty();
        }

        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        assertThat(provenance.get("status").asText()).isEqualTo("completed");
        assertThat(provenance.get("palsim_version").asText()).isEqualTo("9.9.9-test");
        assertThat(provenance.get("git_commit").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(provenance.get("git_dirty").asBoolean()).isFalse();
        assertThat(provenance.get("command_line").asText()).isEqualTo("palsim run " + config + " --out out --threads 2");
        assertThat(provenance.get("task").asText()).isEqualTo("fake-walk");
        assertThat(provenance.get("threads").asInt()).isEqualTo(2);
        assertThat(provenance.get("seeds").toString()).isEqualTo("[11,22,33]");
        assertThat(provenance.get("rules").toString()).isEqualTo("[\"bp\",\"pal\"]");
        assertThat(provenance.get("start_time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(provenance.get("wall_time_seconds").asDouble()).isZero();
        for (String key : List.of("jvm", "os", "cpu")) {
            assertThat(provenance.get(key)).as(key).isNotNull();
        }
        assertThat(provenance.at("/cpu/cores").asInt()).isPositive();
        assertThat(provenance.at("/jvm/version").asText()).isNotBlank();
        assertThat(provenance.get("files").toString()).contains("config.yaml", "metrics.csv", "summary.json");

        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(csv.getFirst()).isEqualTo("rule,seed,epoch,metric,layer,value");
        // 2 rules × 3 seeds × 4 epochs (0..3) × (2 angle layers + 1 mse)
        assertThat(csv).hasSize(1 + 2 * 3 * 4 * 3);
        assertThat(csv.get(1)).startsWith("bp,11,0,angle_B_WT,1,90.0");
        assertThat(csv).contains("bp,11,0,mse,," + csv.stream().filter(l -> l.startsWith("bp,11,0,mse,,")).findFirst()
                .orElseThrow().substring("bp,11,0,mse,,".length()));

        assertThat(r.out()).contains("Run completed in 0.0 s: out").contains("angle_B_WT").contains("fake walk: 4 jobs")
                .contains("Files: config.yaml, metrics.csv, summary.json, provenance.json");
        assertThat(r.err()).startsWith("palsim: running fake-walk: bp/pal × 3 seeds, 3 epochs, 2 threads → out");
    }

    @Test
    void figuresAreValidPngAndSvg() throws Exception {
        Files.writeString(config, CommandLineErrorsTest.GOOD.replace("figures: false", "figures: true"));
        var r = run("run", config.toString(), "--out", "fig", "--seeds", "2");
        Path figures = dir.resolve("fig/figures");
        BufferedImage png = ImageIO.read(figures.resolve("angle_B_WT.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isGreaterThan(500);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(figures.resolve("angle_B_WT.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(r.out()).contains("figures/ (2 files)");
    }

    @Test
    void metricsAreIdenticalForOneAndTwoThreads() throws IOException {
        run("run", config.toString(), "--out", "t1", "--threads", "1");
        run("run", config.toString(), "--out", "t2", "--threads", "2");
        assertThat(Files.readAllBytes(dir.resolve("t2/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("t1/metrics.csv")));
        assertThat(Files.readAllBytes(dir.resolve("t2/summary.json"))).isEqualTo(Files.readAllBytes(dir.resolve("t1/summary.json")));
    }

    @Test
    void rerunningTheResolvedConfigReproducesConfigAndMetricsBitwise() throws IOException {
        run("run", config.toString(), "--out", "first", "--seeds", "2", "--epochs", "2");
        Path resolved = dir.resolve("first/config.yaml");
        String yaml = Files.readString(resolved);
        assertThat(yaml).contains("seeds: [11, 22]").contains("epochs: 2").contains("step: 1.0")
                .contains("activation: logistic").contains("seeds_per_job: 2").contains("tau_forward_low_pass: 0.0");
        run("run", resolved.toString(), "--out", "second");
        assertThat(Files.readString(dir.resolve("second/config.yaml"))).isEqualTo(yaml);
        assertThat(Files.readAllBytes(dir.resolve("second/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("first/metrics.csv")));
    }

    @Test
    void overridesShrinkSeedsAndEpochs() throws IOException {
        run("run", config.toString(), "--out", "small", "--seeds", "1", "--epochs", "1");
        List<String> csv = Files.readAllLines(dir.resolve("small/metrics.csv"));
        assertThat(csv).hasSize(1 + 2 * 1 * 2 * 3);
        assertThat(csv.stream().skip(1).map(l -> l.split(",")[1]).distinct().toList()).containsExactly("11");
    }

    @Test
    void defaultDirectoryIsUnderRunsNamedAfterTheConfigAndStartTime() {
        var first = run("run", config.toString());
        assertThat(dir.resolve("runs/walk-20260102-030405/metrics.csv")).exists();
        var second = run("run", config.toString());
        assertThat(dir.resolve("runs/walk-20260102-030405-2/metrics.csv")).exists();
        assertThat(first.out()).contains("runs/walk-20260102-030405");
        assertThat(second.out()).contains("runs/walk-20260102-030405-2");
    }

    @Test
    void forceReplacesThePreviousRunButKeepsForeignFiles() throws IOException {
        Files.writeString(config, CommandLineErrorsTest.GOOD.replace("figures: false", "figures: true"));
        run("run", config.toString(), "--out", "again");
        Files.writeString(dir.resolve("again/my-notes.txt"), "keep me");
        Files.writeString(config, CommandLineErrorsTest.GOOD);
        run("run", config.toString(), "--out", "again", "--force");
        assertThat(dir.resolve("again/my-notes.txt")).hasContent("keep me");
        assertThat(dir.resolve("again/figures/angle_B_WT.png")).as("stale figure of the previous run").doesNotExist();
        assertThat(dir.resolve("again/metrics.csv")).exists();
    }

    @Test
    void reproduceRunsAPresetIntoADirectoryNamedAfterIt() throws IOException {
        run("reproduce", "fake-demo");
        Path out = dir.resolve("runs/fake-demo-20260102-030405");
        assertThat(out.resolve("metrics.csv")).exists();
        assertThat(JSON.readTree(out.resolve("provenance.json").toFile()).get("config_source").asText()).isEqualTo("fake-demo.yaml");
    }

    @Test
    void presetsListsNamesWithWallTimeAndTheFirstLineOfTheirDescription() {
        var r = run("presets");
        assertThat(r.out().lines().toList()).anySatisfy(l -> assertThat(l).startsWith("broken").contains("unreadable"))
                .startsWith("preset     wall time (2 cores)  description")
                .contains("fake-demo  ≈ 1 s                A random walk standing in for an experiment (tests only).");
    }

    @Test
    void presetsShowPrintsThePresetAsShippedAndItRunsAsAConfig() throws IOException {
        var r = run("presets", "--show", "fake-demo");
        try (var in = getClass().getClassLoader().getResourceAsStream("test-presets/fake-demo.yaml")) {
            assertThat(r.out()).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("mine.yaml"), r.out());
        run("run", "mine.yaml", "--out", "mine", "--seeds", "1", "--epochs", "1");
        assertThat(dir.resolve("mine/metrics.csv")).exists();
    }

    @Test
    void setChangesKeysBeforeTheConfigIsReadAndTheResolvedConfigShowsIt() throws IOException {
        run("run", config.toString(), "--out", "plain", "--seeds", "1");
        run("run", config.toString(), "--out", "set", "--seeds", "1", "--set", "model.step=2.5",
                "--set", "rules.pal.learning_rates=[3, 3]", "--set", "rules.fa={}");
        String resolved = Files.readString(dir.resolve("set/config.yaml"));
        assertThat(resolved).contains("  step: 2.5\n", "    learning_rates: [3, 3]\n", "  fa: {}\n");
        assertThat(Files.readAllLines(dir.resolve("set/metrics.csv"))).anyMatch(l -> l.startsWith("fa,11,"))
                .isNotEqualTo(Files.readAllLines(dir.resolve("plain/metrics.csv")));
        String provenance = Files.readString(dir.resolve("set/provenance.json"));
        assertThat(provenance).contains("--set model.step=2.5");
    }

    @Test
    void versionNamesVersionCommitAndJava() {
        var r = run("--version");
        assertThat(r.out()).startsWith("palsim 9.9.9-test (commit 0123456789ab)\nJava ");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        var r = run("--help");
        assertThat(r.out()).contains("run ", "reproduce ", "presets ", "Exit codes: 0 success");
    }
}
