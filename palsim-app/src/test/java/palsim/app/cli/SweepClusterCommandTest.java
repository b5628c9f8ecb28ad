package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/**
 * The parts of {@code palsim sweep} that serve cluster executors and need no cluster: the SLURM job
 * script ({@code --dry-run}), {@code --point}, {@code --collect}, {@code --retry-failed}, and the
 * Spark executor's absence. The executors on real engines: SlurmSweepIT, palsim-spark's SparkSweepIT.
 */
class SweepClusterCommandTest {
    private static final String SWEEP = CommandLineErrorsTest.GOOD.replace("  figures: false", "  figures: false\n  seeds_per_job: 1") + """
            sweep:
              grid:
                model.step: [0.5, 2.0]
                rules.pal.tau_high_pass: [1.0, 2.0]
              seeds: [11, 22]
              slurm:
                time: "00:10:00"
                mem: 2G
                partition: short
                setup: ["module load java/25"]
            """;
    private static final List<String> AGGREGATE = List.of("metrics.csv", "sweep.json", "point-001/metrics.csv",
            "point-001/summary.json");

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    }

    @Test
    void dryRunPrintsOneArrayTaskPerPointWithTheConfigsResourcesAndTheCommandLinesOverrides() {
        var r = cli.run("sweep", "sweep.yaml", "--out", "s", "--executor", "slurm", "--dry-run", "--mem", "8G", "--cpus-per-task", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path sweep = dir.resolve("s").toAbsolutePath();
        assertThat(r.out()).startsWith("#!/bin/bash\n").contains(
                "#SBATCH --array=0-3\n",
                "#SBATCH --output=" + sweep + "/slurm/point-%3a.out\n",
                "#SBATCH --time=00:10:00\n#SBATCH --mem=8G\n#SBATCH --cpus-per-task=2\n#SBATCH --partition=short\n",
                "set -euo pipefail\nmodule load java/25\nexec ",
                " --add-modules=jdk.incubator.vector ",
                " palsim.app.cli.Main sweep --out " + sweep + " --point \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n");
        assertThat(r.out()).doesNotContain("--account");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void aPointRunsAloneIntoItsDirectoryAndCollectGathersThePointsIntoTheLocalSweepsAggregate() throws IOException {
        var local = cli.run("sweep", "sweep.yaml", "--out", "local", "--threads", "2");
        assertThat(local.exitCode()).as(local.err()).isZero();
        // What a cluster does: the sweep directory with sweep.yaml, then one task per point.
        Files.createDirectories(dir.resolve("cluster"));
        Files.copy(dir.resolve("local/sweep.yaml"), dir.resolve("cluster/sweep.yaml"));
        for (int point = 3; point >= 0; point--) {
            var r = cli.run("sweep", "--out", "cluster", "--point", Integer.toString(point));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("Point " + point + " completed: cluster/point-00" + point + "\n");
        }
        var collected = cli.run("sweep", "--collect", "cluster");
        assertThat(collected.exitCode()).as(collected.err()).isZero();
        assertThat(collected.out()).contains("Sweep finished: 4 of 4 points completed: cluster");
        assertSameAggregate("local", "cluster");
    }

    @Test
    void collectReportsPointsThatDidNotFinishAndRetryFailedRunsOnlyThose() throws IOException {
        var local = cli.run("sweep", "sweep.yaml", "--out", "local", "--threads", "2");
        assertThat(local.exitCode()).as(local.err()).isZero();
        var copy = cli.run("sweep", "sweep.yaml", "--out", "cut", "--threads", "2");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        // A job killed while running leaves provenance.json at "running"; one never started leaves nothing.
        Path killed = dir.resolve("cut/point-002/provenance.json");
        Files.writeString(killed, Files.readString(killed).replace("\"completed\"", "\"running\""));
        deleteTree(dir.resolve("cut/point-001"));
        long untouched = Files.getLastModifiedTime(dir.resolve("cut/point-003/metrics.csv")).toMillis();

        var collected = cli.run("sweep", "--collect", "cut");
        assertThat(collected.exitCode()).isEqualTo(1);
        assertThat(collected.out()).contains("Sweep finished: 2 of 4 points completed: cut",
                "point-001  model.step=0.5, rules.pal.tau_high_pass=2.0  failed: no result (the point's run did not start)",
                "point-002  model.step=2.0, rules.pal.tau_high_pass=1.0  failed: no result (the run stopped while running)");
        assertThat(Files.readString(dir.resolve("cut/sweep.json"))).contains("\"status\" : \"failed\"");

        var retried = cli.run("sweep", "--retry-failed", "cut", "--threads", "2");
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(retried.err()).contains("running again 2 of 4 points of cut on local");
        assertThat(Files.getLastModifiedTime(dir.resolve("cut/point-003/metrics.csv")).toMillis()).isEqualTo(untouched);
        assertSameAggregate("local", "cut");
    }

    @Test
    void theSparkExecutorMissingFromTheClassPathIsOneLineNamingWhatToBuild() {
        var r = cli.run("sweep", "sweep.yaml", "--out", "s", "--executor", "spark");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("palsim: --executor spark: the Spark executor is not installed; build it with"
                + " 'mvn -B -pl palsim-spark -am package' in the palsim checkout (./palsim then finds"
                + " palsim-spark/target/palsim-spark.jar)\n");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void badClusterOptionsAreOneLineErrorsAndWriteNothing() throws IOException {
        assertThat(cli.run("sweep", "sweep.yaml", "--out", "s", "--executor", "condor").err())
                .isEqualTo("palsim: --executor: expected local, slurm or spark, got 'condor'\n");
        assertThat(cli.run("sweep", "sweep.yaml", "--out", "s", "--dry-run").err())
                .isEqualTo("palsim: --dry-run: only with --executor slurm\n");
        assertThat(cli.run("sweep", "sweep.yaml", "--out", "s", "--no-wait").err())
                .isEqualTo("palsim: --no-wait: only with --executor slurm and a CONFIG\n");
        assertThat(cli.run("sweep", "--point", "1").err()).isEqualTo("palsim: --point: needs --out DIR, the sweep directory\n");
        assertThat(cli.run("sweep", "--collect", "nowhere").err())
                .isEqualTo("palsim: " + dir.resolve("nowhere") + ": not a sweep directory (no sweep.yaml)\n");
        Files.writeString(dir.resolve("bad.yaml"), SWEEP.replace("partition: short", "partiton: short"));
        var r = cli.run("sweep", "bad.yaml", "--out", "s", "--executor", "slurm", "--dry-run");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("palsim: bad.yaml: unknown key 'sweep.slurm.partiton' (known: account, cpus_per_task,"
                + " java, mem, options, partition, setup, time)\n");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    private void assertSameAggregate(String expected, String actual) throws IOException {
        for (String file : AGGREGATE) {
            assertThat(Files.readString(dir.resolve(actual).resolve(file))).as(file)
                    .isEqualTo(Files.readString(dir.resolve(expected).resolve(file)));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
