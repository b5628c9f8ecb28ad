package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/**
 * The real thing: {@code palsim reproduce fig1b} (shortened) in a JVM of its own, killed with
 * SIGKILL once it has written a few checkpoints, or stopped with SIGINT (Ctrl-C), then
 * {@code palsim resume}: metrics.csv, summary.json and the figures are byte-identical to an
 * uninterrupted run's.
 */
class KillAndResumeTest {
    private static final List<String> RUN = List.of("reproduce", "fig1b", "--seeds", "2", "--epochs", "30", "--set",
            "protocol.dataset_size=10", "--set", "protocol.settling_time=5", "--set", "checkpoint.every_epochs=1");

    @TempDir
    Path dir;

    @Test
    void aRunKilledWithSigkillResumesToTheSameResults() throws Exception {
        Process process = start("killed");
        awaitCheckpoints(process, dir.resolve("killed"), 3);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
        assertResumesToTheUninterruptedResults("killed");
    }

    @Test
    void ctrlCWritesACheckpointSaysHowToResumeAndExitsWith130() throws Exception {
        Process process = start("stopped");
        awaitCheckpoints(process, dir.resolve("stopped"), 2);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.exitValue()).as(err).isEqualTo(130);
        assertThat(err.lines().toList()).last().isEqualTo("palsim: interrupted; resume with: palsim resume stopped");
        assertThat(Files.readString(dir.resolve("stopped/provenance.json"))).contains("\"status\" : \"interrupted\"");
        assertResumesToTheUninterruptedResults("stopped");
    }

    private void assertResumesToTheUninterruptedResults(String name) throws IOException {
        Path stopped = dir.resolve(name);
        assertThat(stopped.resolve("metrics.csv")).as("stopped before the end").doesNotExist();
        CliHarness cli = CliHarness.shipped(dir);
        var resumed = cli.run("resume", name, "--threads", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("from checkpoints/checkpoint-");
        List<String> whole = new ArrayList<>(RUN);
        whole.addAll(List.of("--out", "whole", "--threads", "1"));
        var uninterrupted = cli.run(whole.toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        List<String> files = new ArrayList<>(List.of("metrics.csv", "summary.json"));
        try (Stream<Path> figures = Files.list(dir.resolve("whole/figures"))) {
            figures.forEach(f -> files.add("figures/" + f.getFileName()));
        }
        for (String file : files) {
            assertThat(Files.readAllBytes(stopped.resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("whole").resolve(file)));
        }
    }

    private Process start(String out) throws IOException {
        List<String> command = new ArrayList<>();
        // A process started in the background of a non-interactive shell (as CI may run the build) inherits
        // SIGINT as ignored, and the JVM then keeps ignoring it; perl restores the default before exec'ing
        // the JVM, so Ctrl-C reaches palsim as it would from a terminal.
        if (new java.io.File("/usr/bin/perl").canExecute()) {
            command.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"", "--"));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "palsim.app.cli.Main"));
        command.addAll(RUN);
        command.addAll(List.of("--out", out, "--threads", "1"));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until the run has written its {@code count}-th checkpoint file (fails if it ends first). */
    private static void awaitCheckpoints(Process process, Path run, int count) throws Exception {
        Path newest = run.resolve("checkpoints").resolve(String.format("checkpoint-%06d.bin", count));
        while (!Files.exists(newest)) {
            assertThat(process.isAlive()).as("the run ended before its checkpoint %d", count).isTrue();
            Thread.sleep(10);
        }
    }
}
