package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.InputException;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.MetricsSink;

class RunRecordTest {
    private static final List<String> RULES = List.of("pal", "bp");
    private static final List<Long> SEEDS = List.of(7L, 3L);

    @TempDir
    Path dir;
    Path run;
    MetricsTable table;

    @BeforeEach
    void aCompletedRun() throws IOException {
        run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.yaml"), "task: t\nseeds: [7, 3]\nepochs: 2\n");
        Files.writeString(run.resolve("provenance.json"), "{\"status\": \"completed\"}\n");
        table = new MetricsTable(RULES, SEEDS);
        for (String rule : RULES) {
            for (long seed : SEEDS) {
                for (int epoch = 0; epoch <= 2; epoch++) {
                    table.record(rule, seed, epoch, "mse", epoch == 2 && seed == 3 ? Double.NaN : 0.1 * epoch + seed);
                    table.record(rule, seed, epoch, "angle_B_WT", 1, 90.0 / (epoch + 1));
                }
            }
        }
        Files.writeString(run.resolve("metrics.csv"), table.toCsv());
        Files.writeString(run.resolve("summary.json"),
                Summary.of(table, new SummaryExtrasTable(RULES, SEEDS)).toJson(new CommonSettings("t", "", SEEDS, 2)));
    }

    @Test
    void readsEveryFileBackAndMetricsRoundTripByteForByte() throws IOException {
        RunRecord record = RunRecord.open(run, "run");
        assertThat(record.config().root().integer("epochs")).isEqualTo(2);
        assertThat(record.status()).isEqualTo("completed");
        MetricsTable read = record.metrics();
        assertThat(read.rules()).isEqualTo(RULES);
        assertThat(read.seeds()).as("config order, not sorted").isEqualTo(SEEDS);
        assertThat(read.toCsv()).isEqualTo(Files.readString(run.resolve("metrics.csv")));
        assertThat(read.curves("bp", "mse", MetricsSink.NETWORK).values()[1][2]).isNaN();
        assertThat(record.summary().at("/final/bp/mse/network/n").asInt()).isEqualTo(1);
        assertThat(record.recordedMetrics().toCsv()).isEqualTo(read.toCsv());
    }

    @Test
    void partialMetricsDropACutShortLastRow() throws IOException {
        Files.delete(run.resolve("metrics.csv"));
        String csv = table.toCsv();
        String cut = csv.substring(0, csv.length() - 4);
        Files.writeString(run.resolve("metrics.partial.csv"), cut);
        RunRecord record = RunRecord.open(run, "run");
        assertThat(record.hasMetrics()).isFalse();
        List<String> all = csv.lines().toList();
        assertThat(record.recordedMetrics().toCsv().lines().toList()).isEqualTo(all.subList(0, all.size() - 1));
        assertThatThrownBy(record::metrics).isInstanceOf(InputException.class)
                .hasMessage("run: has no metrics.csv to read (the run did not complete; see its provenance.json)");
    }

    @Test
    void problemsNameTheFile() throws IOException {
        assertThatThrownBy(() -> RunRecord.open(dir.resolve("nope"), "nope")).hasMessage("nope: no such directory");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> RunRecord.open(dir.resolve("empty"), "empty"))
                .hasMessage("empty: not a run directory (no config.yaml)");

        RunRecord record = RunRecord.open(run, "run");
        Files.writeString(run.resolve("metrics.csv"), table.toCsv().replace("bp,7,1,angle_B_WT,1,", "bp,7,1,angle_B_WT,"));
        assertThatThrownBy(record::metrics).isInstanceOf(InputException.class)
                .hasMessageStartingWith("run/metrics.csv: line ").hasMessageContaining("expected 6 fields");
        Files.writeString(run.resolve("metrics.csv"), "rule,seed\n");
        assertThatThrownBy(record::metrics).hasMessageStartingWith("run/metrics.csv: not a metrics file");
        Files.writeString(run.resolve("metrics.csv"), MetricsTable.HEADER + "\npal,7,x,mse,,1.0\n");
        assertThatThrownBy(record::metrics).hasMessage("run/metrics.csv: line 2: epoch: not an integer: 'x'");
        Files.writeString(run.resolve("metrics.csv"), MetricsTable.HEADER + "\npal,7,1,mse,,1.0\npal,7,1,mse,,2.0\n");
        assertThatThrownBy(record::metrics).hasMessageStartingWith("run/metrics.csv: line 3: ")
                .hasMessageContaining("already recorded");

        Files.writeString(run.resolve("provenance.json"), "{\"status\": ");
        assertThatThrownBy(record::status).isInstanceOf(InputException.class)
                .hasMessageStartingWith("run/provenance.json: not valid JSON: ");
        Files.delete(run.resolve("summary.json"));
        assertThatThrownBy(record::summary).hasMessage("run/summary.json: no such file");
        Files.writeString(run.resolve("config.yaml"), "task: [\n");
        assertThatThrownBy(record::config).hasMessageStartingWith("config.yaml: not valid YAML");
    }
}
