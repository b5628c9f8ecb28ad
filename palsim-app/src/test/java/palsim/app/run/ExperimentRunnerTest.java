package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.experiment.ExperimentRegistry;
import palsim.app.experiment.ProgressReporter;
import palsim.app.testing.FakeWalkExperiment;

class ExperimentRunnerTest {
    private static final String CONFIG = """
            task: fake-walk
            seeds: [5, 6]
            epochs: 2
            model: {layers: [2, 3, 2]}
            rules:
              fa:
              pal: {noise: {std: [0.2], tau: 1}, tau_high_pass: 1, learning_rates: [1], decay: [0]}
            protocol: {figures: false}
            """;

    @TempDir
    Path dir;
    private final ExperimentRunner runner = new ExperimentRunner(ExperimentRegistry.of(new FakeWalkExperiment()));

    private ExperimentRunner.Request request(Path out) {
        return new ExperimentRunner.Request(out, false, 1, "palsim test", ProgressReporter.silent(),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new SoftwareVersion("t", Optional.empty(), Optional.empty()),
                MachineInfo.current());
    }

    @Test
    void resolvedConfigParsesToTheSameSettings() {
        var first = runner.prepare(ConfigDocument.parse(CONFIG, "a.yaml"), RunOverrides.none());
        var again = runner.prepare(ConfigDocument.parse(first.resolvedYaml(), "config.yaml"), RunOverrides.none());
        assertThat(again.resolvedYaml()).isEqualTo(first.resolvedYaml());
        var s1 = (FakeWalkExperiment.Settings) first.settings();
        var s2 = (FakeWalkExperiment.Settings) again.settings();
        assertThat(s2.rules()).isEqualTo(s1.rules());
        assertThat(s2.feedbackRules()).isEqualTo(s1.feedbackRules());
        assertThat(s2.layers()).isEqualTo(s1.layers());
        assertThat(s2.step()).isEqualTo(s1.step());
        assertThat(s2.activation()).isEqualTo(s1.activation());
        assertThat(s2.seedsPerJob()).isEqualTo(s1.seedsPerJob());
        assertThat(s2.figures()).isEqualTo(s1.figures());
        assertThat(again.common()).isEqualTo(first.common());
    }

    @Test
    void overridesAreAppliedBeforeParsing() {
        var run = runner.prepare(ConfigDocument.parse(CONFIG, "a.yaml"), new RunOverrides(OptionalInt.of(1), OptionalInt.of(7)));
        assertThat(run.common().seeds()).containsExactly(5L);
        assertThat(run.common().epochs()).isEqualTo(7);
        assertThat(run.resolvedYaml()).contains("seeds: [5]\nepochs: 7\n");
    }

    @Test
    void badConfigFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> runner.prepare(ConfigDocument.parse(CONFIG + "extra: 1\n", "a.yaml"), RunOverrides.none()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("a.yaml: unknown key 'extra'");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void fewerThanOneThreadFailsBeforeAnythingIsWritten() {
        var run = runner.prepare(ConfigDocument.parse(CONFIG, "a.yaml"), RunOverrides.none());
        ExperimentRunner.Request one = request(dir.resolve("out"));
        ExperimentRunner.Request none = new ExperimentRunner.Request(one.directory(), one.force(), 0, one.commandLine(),
                one.progress(), one.clock(), one.software(), one.machine());
        assertThatThrownBy(() -> runner.execute(run, none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void executeWritesTheRunAndReturnsItsSummary() throws Exception {
        var run = runner.prepare(ConfigDocument.parse(CONFIG, "a.yaml"), RunOverrides.none());
        ExperimentRunner.Result result = runner.execute(run, request(dir.resolve("out")));
        assertThat(result.directory()).isEqualTo(dir.resolve("out"));
        assertThat(result.files()).containsExactly("config.yaml", "metrics.csv", "summary.json", "provenance.json");
        assertThat(result.headlines()).containsExactly("fake walk: 2 jobs");
        assertThat(result.summary().finals()).extracting(f -> f.rule() + "/" + f.metric())
                .containsExactly("fa/angle_B_WT", "fa/mse", "pal/angle_B_WT", "pal/mse");
        assertThat(new ObjectMapper().readTree(dir.resolve("out/provenance.json").toFile()).get("status").asText())
                .isEqualTo("completed");
        assertThat(Files.readString(dir.resolve("out/config.yaml"))).startsWith("# Resolved configuration")
                .contains(run.resolvedYaml());
    }

    @Test
    void failingRunRecordsTheFailureAndRethrowsIt() throws Exception {
        String failing = CONFIG.replace("figures: false", "figures: false, internal_error: true");
        var run = runner.prepare(ConfigDocument.parse(failing, "a.yaml"), RunOverrides.none());
        assertThatThrownBy(() -> runner.execute(run, request(dir.resolve("bad")))).isInstanceOf(IllegalStateException.class);
        var provenance = new ObjectMapper().readTree(dir.resolve("bad/provenance.json").toFile());
        assertThat(provenance.get("status").asText()).isEqualTo("failed");
        assertThat(provenance.at("/error/kind").asText()).isEqualTo("internal");
        assertThat(provenance.at("/error/exit_code").asInt()).isEqualTo(1);
        assertThat(dir.resolve("bad/metrics.partial.csv")).as("nothing was recorded").doesNotExist();
    }
}
