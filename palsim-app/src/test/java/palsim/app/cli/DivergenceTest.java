package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/** A diverging simulation: exit code 3, one line naming job, step, layer and quantity, a failed run directory. */
class DivergenceTest {
    @TempDir
    Path dir;

    private static String diverging() {
        return CommandLineErrorsTest.GOOD.replace("  figures: false",
                "  figures: false\n  seeds_per_job: 1\n  diverge: {rule: pal, seed: 22, epoch: 2}");
    }

    @Test
    void divergenceExitsWithThreeAndNamesRuleSeedStepLayerAndQuantity() throws IOException {
        Path config = dir.resolve("div.yaml");
        Files.writeString(config, diverging());
        for (String threads : List.of("1", "2")) {
            var r = new CliHarness(dir).run("run", config.toString(), "--out", "div" + threads, "--threads", threads);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err().lines().toList()).last().isEqualTo(
                    "palsim: simulation diverged (rule pal, seeds 22) at step 2000: somatic voltage of layer 1 is not finite");
            assertThat(r.err()).doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void failedRunRecordsItsStatusAndKeepsOnlyCompleteFiles() throws IOException {
        Path config = dir.resolve("div.yaml");
        Files.writeString(config, diverging());
        new CliHarness(dir).run("run", config.toString(), "--out", "failed", "--threads", "1");
        Path out = dir.resolve("failed");
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(provenance.get("status").asText()).isEqualTo("failed");
        assertThat(provenance.at("/error/kind").asText()).isEqualTo("diverged");
        assertThat(provenance.at("/error/exit_code").asInt()).isEqualTo(3);
        assertThat(provenance.at("/error/message").asText()).contains("step 2000");
        assertThat(out.resolve("config.yaml")).exists();
        assertThat(out.resolve("metrics.csv")).as("metrics.csv is only written by a completed run").doesNotExist();
        assertThat(out.resolve("summary.json")).doesNotExist();
        List<String> partial = Files.readAllLines(out.resolve("metrics.partial.csv"));
        assertThat(partial.getFirst()).isEqualTo("rule,seed,epoch,metric,layer,value");
        assertThat(partial).anyMatch(l -> l.startsWith("pal,22,1,"));
        assertThat(partial).noneMatch(l -> l.startsWith("pal,22,2,"));
        assertThat(partial).as("the other jobs ran to the end").anyMatch(l -> l.startsWith("pal,33,3,"))
                .anyMatch(l -> l.startsWith("bp,33,3,"));
        List<String> sorted = partial.subList(1, partial.size()).stream()
                .sorted(java.util.Comparator.comparing((String l) -> !l.startsWith("pal")).thenComparing(l -> l)).toList();
        assertThat(partial.subList(1, partial.size())).as("in metrics.csv's order").hasSameElementsAs(sorted);
    }
}
