package palsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palsim sweep --executor slurm} on a real single-node SLURM cluster (started by
 * {@code .ci/slurm-cluster start}, which {@code .ci/run} calls), through the packaged palsim.jar as a
 * user runs it: 2 rules × 3 seeds of a tiny microcircuit, at each of 2 points. One point's task is made
 * to fail (its setup line exits) to check the report and the one-command resubmission of failed
 * points; the aggregate then matches the local executor's bit for bit. Skipped, saying so, where no
 * cluster answers.
 */
class SlurmSweepIT {
    /** A tiny bw_only microcircuit: PAL and FA, 3 seeds, 2 epochs; a point runs in about a second. */
    static final String CONFIG = """
            task: bw_only
            seeds: [1]
            epochs: 2
            model:
              layers: [3, 6, 3]
              activation: logistic
              dt: 0.01
              taur: 1.0
              conductances: {g_l: 0.03, g_bas: 0.1, g_api: 0.06, g_den: 0.1, g_ni: 0.06, g_ntgt: 0.06}
              init_in_sps: true
              init_w_range: [-1, 1]
              init_wip_range: [-1, 1]
              init_b_range: [-1, 1]
              init_bpi_range: [-1, 1]
              eta_fw: [1, 1]
              eta_ip: [0]
              eta_pi: [5]
            protocol: {settling_time: 10, presentation_time: 1, dataset_size: 10, record_interval: 100}
            rules:
              pal:
                noise: {std: [0.05], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [50]
                decay: [1e-5]
                tau_forward_low_pass: 100
              fa: {}
            teacher: {init_w_range: [-1, 1], init_wip_range: [-1, 1], init_b_range: [-1, 1], init_bpi_range: [-1, 1]}
            sweep:
              grid:
                rules.pal.learning_rates: [[10], [50]]
              seeds: [1, 2, 3]
            """;
    static final List<String> AGGREGATE = List.of("sweep.json", "metrics.csv", "point-000/summary.json",
            "point-001/summary.json", "point-000/metrics.csv", "point-001/metrics.csv");

    @TempDir
    Path dir;

    @Test
    void aSlurmArrayGivesTheLocalAggregateAndResubmitsOnlyTheFailedPoint() throws Exception {
        Assumptions.assumeTrue(clusterAnswers(), "no SLURM cluster answers (sinfo): start the single-node test cluster"
                + " with .ci/slurm-cluster start (as root; it installs Debian's slurm-wlm and munge)");
        // Task 1 fails until the marker exists: its setup line exits before palsim starts.
        Path marker = dir.resolve("let-point-1-run");
        Files.writeString(dir.resolve("tiny.yaml"), CONFIG + """
                  slurm:
                    time: "00:05:00"
                    cpus_per_task: 1
                    setup: ['[ "$SLURM_ARRAY_TASK_ID" != 1 ] || [ -e %s ] || exit 7']
                """.formatted(marker));

        Run local = palsim("sweep", "tiny.yaml", "--out", "local", "--threads", "2");
        assertThat(local.exitCode()).as(local.output()).isZero();

        Run slurm = palsim("sweep", "tiny.yaml", "--out", "slurm", "--executor", "slurm", "--poll", "0.5");
        assertThat(slurm.exitCode()).as(slurm.output()).isEqualTo(1);
        Path log = dir.resolve("slurm/slurm/point-001.out");
        assertThat(slurm.output()).contains("palsim: submitted SLURM job array", "2 of 2 finished",
                "Sweep finished: 1 of 2 points completed",
                "point-001  rules.pal.learning_rates=[50]  failed: no result (the point's run did not start) (",
                "log: " + log + ")",
                "palsim: run the failed points again with: palsim sweep --retry-failed slurm --executor slurm");
        assertThat(dir.resolve("slurm/slurm/sweep.sbatch")).content().contains("#SBATCH --array=0-1\n", "#SBATCH --time=00:05:00\n");
        assertThat(log).exists();

        Files.writeString(marker, "");
        Run retry = palsim("sweep", "--retry-failed", "slurm", "--executor", "slurm", "--poll", "0.5");
        assertThat(retry.exitCode()).as(retry.output()).isZero();
        assertThat(retry.output()).contains("running again 1 of 2 points", "1 task", "Sweep finished: 2 of 2 points completed");
        assertThat(dir.resolve("slurm/slurm/sweep.sbatch")).content().contains("#SBATCH --array=1-1\n");

        for (String file : AGGREGATE) {
            assertThat(Files.readAllBytes(dir.resolve("slurm").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(file)));
        }
        assertThat(Files.readAllLines(dir.resolve("slurm/metrics.csv"))).hasSizeGreaterThan(2 * 2 * 3);
    }

    /** Whether sinfo answers and shows a node that takes jobs. */
    private static boolean clusterAnswers() {
        try {
            Process p = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("(?s).*\\b(idle|mixed|allocated)\\b.*");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    record Run(int exitCode, String output) {}

    /** palsim as the launcher starts it (the packaged jar, the Vector API module), in the test's directory. */
    private Run palsim(String... args) throws Exception {
        Path jar = Path.of("target/palsim.jar").toAbsolutePath();
        assertThat(jar).as("the packaged palsim.jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("palsim finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
