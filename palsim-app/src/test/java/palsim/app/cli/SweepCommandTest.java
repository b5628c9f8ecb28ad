package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/** {@code palsim sweep}: one run directory per point, the aggregate, failed points, thread independence. */
class SweepCommandTest {
    private static final String SWEEP = CommandLineErrorsTest.GOOD.replace("  figures: false", "  figures: false\n  seeds_per_job: 1") + """
            sweep:
              grid:
                model.step: [0.5, 2.0]
              zip:
                rules.pal.tau_high_pass: [1.0, 2.0]
                rules.pal.learning_rates: [[1.0, 1.0], [3.0, 3.0]]
              seeds: [11, 22]
            """;

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    }

    @Test
    void everyPointGetsARunDirectoryAndTheAggregateIsTheSameForAnyThreadCount() throws IOException {
        var one = cli.run("sweep", "sweep.yaml", "--out", "one", "--threads", "1");
        assertThat(one.exitCode()).as(one.err()).isZero();
        var three = cli.run("sweep", "sweep.yaml", "--out", "three", "--threads", "3");
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(one.out()).contains("Sweep finished: 4 of 4 points completed: one",
                "point-003  model.step=2.0, rules.pal.tau_high_pass=2.0, rules.pal.learning_rates=[3.0,3.0]  completed");

        for (String file : List.of("metrics.csv", "sweep.json", "sweep.yaml", "point-002/metrics.csv", "point-002/summary.json")) {
            assertThat(Files.readString(dir.resolve("three").resolve(file))).as(file)
                    .isEqualTo(Files.readString(dir.resolve("one").resolve(file)));
        }
        List<String> csv = Files.readAllLines(dir.resolve("one/metrics.csv"));
        assertThat(csv.getFirst()).isEqualTo("model.step,rules.pal.tau_high_pass,rules.pal.learning_rates,rule,seed,epoch,metric,layer,value");
        // 4 points × 2 rules × 2 seeds × 4 epochs × 3 values
        assertThat(csv).hasSize(1 + 4 * 2 * 2 * 4 * 3);
        List<String> point2 = Files.readAllLines(dir.resolve("one/point-002/metrics.csv"));
        assertThat(csv).contains("2.0,1.0,\"[1.0,1.0]\"," + point2.get(1));
        assertThat(Files.readString(dir.resolve("one/point-002/config.yaml"))).contains("  step: 2.0\n", "seeds: [11, 22]\n");

        JsonNode index = new ObjectMapper().readTree(dir.resolve("one/sweep.json").toFile());
        assertThat(index.get("keys").toString()).isEqualTo("[\"model.step\",\"rules.pal.tau_high_pass\",\"rules.pal.learning_rates\"]");
        assertThat(index.at("/points/3/values/rules.pal.learning_rates").toString()).isEqualTo("[3.0,3.0]");
        assertThat(index.at("/points/3/status").asText()).isEqualTo("completed");
        assertThat(dir.resolve("one/figures/final_mse_vs_model_step.png")).exists();
        assertThat(dir.resolve("one/figures/final_angle_B_WT_vs_rules_pal_tau_high_pass.svg")).exists();
    }

    @Test
    void aFailedPointIsReportedAndTheOthersFinish() throws IOException {
        Files.writeString(dir.resolve("sweep.yaml"), CommandLineErrorsTest.GOOD.replace("  figures: false",
                "  figures: false\n  diverge: {rule: pal, seed: 22, epoch: 2}") + """
                sweep:
                  grid:
                    protocol.diverge.seed: [22, 99]   # seed 99 is not run: no divergence
                """);
        var r = cli.run("sweep", "sweep.yaml", "--out", "s", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err().lines().toList()).last().isEqualTo("palsim: 1 of 2 sweep points failed; the first: point-000"
                + " (protocol.diverge.seed=22): simulation diverged (rule pal, seeds 11, 22)"
                + " at step 2000: somatic voltage of layer 1 is not finite");
        assertThat(dir.resolve("s/point-001/metrics.csv")).exists();
        assertThat(dir.resolve("s/point-000/metrics.partial.csv")).exists();
        assertThat(Files.readAllLines(dir.resolve("s/metrics.csv"))).hasSize(1 + 2 * 3 * 4 * 3)
                .allMatch(l -> l.startsWith("protocol.diverge.seed,") || l.startsWith("99,"));
        JsonNode index = new ObjectMapper().readTree(dir.resolve("s/sweep.json").toFile());
        assertThat(index.at("/points/0/status").asText()).isEqualTo("failed");
        assertThat(index.at("/points/0/error/kind").asText()).isEqualTo("diverged");
        assertThat(index.at("/points/1/status").asText()).isEqualTo("completed");
    }

    @Test
    void aKilledSweepResumesItsUnfinishedPointsAndKeepsTheFinishedOnes() throws IOException {
        var whole = cli.run("sweep", "sweep.yaml", "--out", "whole", "--threads", "2");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        var killed = cli.run("sweep", "sweep.yaml", "--out", "killed", "--threads", "2");
        assertThat(killed.exitCode()).as(killed.err()).isZero();
        // as a kill leaves it: point 1 was running (journal, provenance "running"), points 2 and 3 never
        // started, no aggregate yet; point 0 finished
        Path k = dir.resolve("killed");
        String finished = Files.readString(k.resolve("point-000/provenance.json"));
        for (String file : List.of("metrics.csv", "summary.json", "provenance.json")) {
            Files.delete(k.resolve("point-001").resolve(file));
        }
        Files.writeString(k.resolve("point-001/provenance.json"), "{\"status\": \"running\"}\n");
        Files.writeString(k.resolve("point-001/metrics.partial.csv"), "rule,seed,epoch,metric,layer,value\n");
        deleteTree(k.resolve("point-002"));
        Files.createDirectories(k.resolve("point-003"));
        Files.delete(k.resolve("metrics.csv"));
        Files.delete(k.resolve("sweep.json"));

        var resumed = cli.run("resume", "killed", "--threads", "1");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Sweep finished: 4 of 4 points completed: killed");
        assertThat(Files.readString(k.resolve("point-000/provenance.json"))).as("finished point kept").isEqualTo(finished);
        assertThat(k.resolve("point-001/metrics.partial.csv")).doesNotExist();
        for (String file : List.of("metrics.csv", "sweep.json", "point-001/metrics.csv", "point-002/summary.json",
                "point-003/metrics.csv")) {
            assertThat(Files.readString(k.resolve(file))).as(file).isEqualTo(Files.readString(dir.resolve("whole").resolve(file)));
        }
        var again = cli.run("resume", "killed");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(k.resolve("point-000/provenance.json"))).isEqualTo(finished);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
