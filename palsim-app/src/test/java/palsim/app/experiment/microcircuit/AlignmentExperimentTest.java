package palsim.app.experiment.microcircuit;

import palsim.core.le.Precision;
import static org.assertj.core.api.Assertions.assertThat;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.ALIGNMENT;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.experiment.MetricNames;
import palsim.app.testing.CliHarness;
import palsim.core.microcircuit.MicrocircuitGroup;

/** Task bw_only through the command line: files, figures, the science of Fig. 1b in miniature, determinism, errors. */
class AlignmentExperimentTest {
    @TempDir
    Path dir;

    private CliHarness.Result run(String yaml, String... options) throws IOException {
        Path config = Files.writeString(dir.resolve("alignment-" + System.nanoTime() + ".yaml"), yaml);
        String[] args = new String[options.length + 2];
        args[0] = "run";
        args[1] = config.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return CliHarness.shipped(dir).run(args);
    }

    private CliHarness.Result runOk(String yaml, String... options) throws IOException {
        CliHarness.Result r = run(yaml, options);
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        return r;
    }

    @Test
    void tinyRunWritesMetricsSummaryAndEveryFigure() throws IOException {
        String yaml = ALIGNMENT + "metrics: {update_angle: true}\n";
        CliHarness.Result r = runOk(yaml, "--out", "tiny", "--threads", "2");
        Path out = dir.resolve("tiny");
        for (String figure : new String[] {"angle_B_WT", "angle_B_RHS", "angle_jacobians", "angle_dW_BP"}) {
            assertThat(out.resolve("figures/" + figure + ".png")).isNotEmptyFile();
            assertThat(out.resolve("figures/" + figure + ".svg")).isNotEmptyFile();
        }
        MetricsCsv csv = MetricsCsv.read(out);
        // 2 rules × 2 seeds × epochs 0…3 × (3 hidden layers × 3 feedback angles + 4 forward layers × update angle)
        assertThat(csv.rows()).hasSize(2 * 2 * 4 * (3 * 3 + 4));
        assertThat(csv.count(MetricNames.ANGLE_DW_BP)).isEqualTo(2 * 2 * 4 * 4);
        for (String[] row : csv.rows()) {
            assertThat(Double.parseDouble(row[5])).as(String.join(",", row)).isBetween(0.0, 180.0);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/final/pal/angle_B_WT/3/n").asInt()).isEqualTo(2);
        assertThat(summary.at("/final/fa/angle_dW_BP/4/epoch").asInt()).isEqualTo(3);
        assertThat(r.out()).contains("pal: angle_B_WT (°, mean ± std over 2 seeds), epoch 0 → 3: layer 1 ");
    }

    /**
     * Fig. 1b in miniature (the paper's network, input and rates; 16 of its 100 epochs): PAL's
     * ∠(B, Wᵀ) falls far below its start of about 90° in every layer; FA's B and W never change,
     * so its angle stays exactly where it was.
     */
    @Test
    void palAnglesFallInEveryLayerWhileFeedbackAlignmentStaysPut() throws IOException {
        String yaml = with(with(with(ALIGNMENT, "seeds: [123, 456]", "seeds: [123]"), "epochs: 3", "epochs: 16"),
                "  settling_time: 10\n  dataset_size: 20\n", "");
        runOk(yaml, "--out", "fig1b-mini", "--threads", "2");
        MetricsCsv csv = MetricsCsv.read(dir.resolve("fig1b-mini"));
        for (int layer = 1; layer <= 3; layer++) {
            double palStart = csv.value("pal", 123, 0, MetricNames.ANGLE_B_WT, layer);
            double palEnd = csv.value("pal", 123, 16, MetricNames.ANGLE_B_WT, layer);
            assertThat(palStart).as("PAL at epoch 0, layer %d", layer).isGreaterThan(80);
            assertThat(palEnd).as("PAL at epoch 16, layer %d", layer).isLessThan(palStart - 15).isLessThan(75);
            double faStart = csv.value("fa", 123, 0, MetricNames.ANGLE_B_WT, layer);
            assertThat(faStart).as("same initial B for every rule").isEqualTo(palStart);
            for (int epoch = 1; epoch <= 16; epoch++) {
                assertThat(csv.value("fa", 123, epoch, MetricNames.ANGLE_B_WT, layer)).isEqualTo(faStart);
            }
        }
    }

    @Test
    void sameSeedsGiveBitIdenticalMetricsForOneAndTwoThreads() throws IOException {
        // More seeds than a lane group holds, so there are several groups per rule.
        String seeds = LongStream.rangeClosed(1, MicrocircuitGroup.lanes(Precision.FLOAT64) + 1).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", "]"));
        String yaml = with(with(ALIGNMENT, "seeds: [123, 456]", "seeds: " + seeds), "epochs: 3", "epochs: 2")
                + "metrics: {update_angle: true}\n";
        runOk(yaml, "--out", "one", "--threads", "1");
        runOk(yaml, "--out", "two", "--threads", "2");
        assertThat(Files.readAllBytes(dir.resolve("two/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("one/metrics.csv")));
        assertThat(Files.readAllBytes(dir.resolve("two/summary.json"))).isEqualTo(Files.readAllBytes(dir.resolve("one/summary.json")));
    }

    @Test
    void badConfigsEndWithExitCode2AndOneLineNamingTheKey() throws IOException {
        String[][] cases = {
            {"layers: [5, 20, 10, 20, 5]", "layers: [5, 20, -3, 20, 5]", "palsim: model.layers[2]: must be > 0, got -3"},
            {"  fa: {}\n", "  kolen_pollack: {}\n", "palsim: rules.kolen_pollack.decay: required key is missing"},
            {"eta_pi: [5, 5, 5]", "eta_pi: [5, 5]", "palsim: model.eta_pi has 2 entries; the network has 3 hidden layers"},
        };
        for (String[] c : cases) {
            CliHarness.Result r = run(with(ALIGNMENT, c[0], c[1]), "--out", "bad");
            assertThat(r.exitCode()).as(c[2]).isEqualTo(2);
            assertThat(r.errLine()).isEqualTo(c[2]);
            assertThat(dir.resolve("bad")).doesNotExist();
        }
    }

    @Test
    void divergingCircuitEndsWithExitCode3NamingRuleSeedsAndStep() throws IOException {
        CliHarness.Result r = run(with(ALIGNMENT, "eta_pi: [5, 5, 5]", "eta_pi: [1e9, 1e9, 1e9]"), "--out", "diverged");
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(3);
        assertThat(r.err().strip().lines().toList().getLast()).startsWith("palsim: simulation diverged (rule fa, seeds 123, 456) at step ")
                .contains("is not finite");
        assertThat(dir.resolve("diverged/metrics.csv")).doesNotExist();
    }

    @Test
    void presetWithAnotherRuleAddedPlotsOneLinePerRule() throws IOException {
        String preset = palsim.app.config.PresetCatalog.standard().text("fig1b");
        String yaml = with(preset, "rules:\n", "rules:\n  fa: {}\n  bp: {}\n");
        runOk(yaml, "--out", "compare", "--seeds", "2", "--epochs", "1", "--threads", "2");
        Path out = dir.resolve("compare");
        MetricsCsv csv = MetricsCsv.read(out);
        for (int layer = 1; layer <= 3; layer++) {
            assertThat(csv.value("bp", 123, 1, MetricNames.ANGLE_B_WT, layer)).as("BP: B = Wᵀ by construction").isZero();
        }
        String svg = Files.readString(out.resolve("figures/angle_B_WT.svg"));
        for (String rule : new String[] {"fa", "bp", "pal"}) {
            assertThat(svg).as("legend entry of %s", rule).contains(">" + rule + "<");
        }
    }
}
