package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

class RerunCommandTest {
    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void completedRun() throws IOException {
        cli = new CliHarness(dir);
        Files.writeString(dir.resolve("walk.yaml"), CommandLineErrorsTest.GOOD);
        assertThat(cli.run("run", "walk.yaml", "--out", "original", "--threads", "1").exitCode()).isZero();
    }

    @Test
    void rerunOnOtherThreadsReproducesTheMetricsBitwise() {
        var r = cli.run("rerun", "original", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("original-rerun-20260102-030405/metrics.csv")).exists();
        assertThat(r.out()).contains("Compared with original: metrics.csv is bit-identical (72 rows)");
    }

    @Test
    void aChangedValueIsFoundAndExitsWithFour() throws IOException {
        Path metrics = dir.resolve("original/metrics.csv");
        String csv = Files.readString(metrics);
        String line = csv.lines().filter(l -> l.startsWith("pal,22,3,angle_B_WT,2,")).findFirst().orElseThrow();
        double value = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
        String changed = line.substring(0, line.lastIndexOf(',') + 1) + Math.nextUp(value);
        Files.writeString(metrics, csv.replace(line, changed));
        var r = cli.run("rerun", "original", "--out", "again");
        assertThat(r.exitCode()).isEqualTo(RerunCommand.DIFFERENT);
        assertThat(r.out()).contains("metrics.csv differs in 1 of 72 rows").contains("first: " + changed + " → " + line);
    }

    @Test
    void directoryWithoutARunIsBadInput() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        var r = cli.run("rerun", "empty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("palsim: empty: not a run directory (no config.yaml)");
    }

    @Test
    void aDamagedMetricsFileIsNamedBeforeAnythingRuns() throws IOException {
        Path metrics = dir.resolve("original/metrics.csv");
        Files.writeString(metrics, Files.readString(metrics).replace("pal,22,3,angle_B_WT,2,", "pal,22,3,angle_B_WT,2,x"));
        var r = cli.run("rerun", "original", "--out", "again");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("palsim: original/metrics.csv: line ").contains(": value: not a number: 'x");
        assertThat(dir.resolve("again")).doesNotExist();
    }

    @Test
    void failedRunHasNothingToCompare() throws IOException {
        Files.delete(dir.resolve("original/metrics.csv"));
        var r = cli.run("rerun", "original");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("palsim: original: has no metrics.csv to compare with");
    }
}
