package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/** {@code palsim resume} of runs that need no checkpoint: a completed one, one stopped before its first checkpoint. */
class ResumeCommandTest {
    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
        Files.writeString(dir.resolve("exp.yaml"), CommandLineErrorsTest.GOOD);
    }

    @Test
    void aCompletedRunHasNothingToResume() throws IOException {
        assertThat(cli.run("run", "exp.yaml", "--out", "done").exitCode()).isZero();
        String provenance = Files.readString(dir.resolve("done/provenance.json"));
        var r = cli.run("resume", "done");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("done: the run is complete; nothing to resume\n");
        assertThat(Files.readString(dir.resolve("done/provenance.json"))).isEqualTo(provenance);
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointStartsOverInItsDirectory() throws IOException {
        assertThat(cli.run("run", "exp.yaml", "--out", "whole").exitCode()).isZero();
        assertThat(cli.run("run", "exp.yaml", "--out", "stopped").exitCode()).isZero();
        Path stopped = dir.resolve("stopped");
        Files.delete(stopped.resolve("metrics.csv"));
        Files.delete(stopped.resolve("summary.json"));
        Files.writeString(stopped.resolve("provenance.json"), "{\"status\": \"interrupted\"}\n");
        Files.writeString(stopped.resolve("metrics.partial.csv"), "rule,seed,epoch,metric,layer,value\nbp,11,0,mse,,0.5\n");

        var r = cli.run("resume", "stopped", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("no checkpoint: starting over");
        assertThat(Files.readString(stopped.resolve("provenance.json"))).contains("\"resumed_from\" : null", "\"status\" : \"completed\"");
        assertThat(stopped.resolve("metrics.partial.csv")).doesNotExist();
        for (String file : new String[] {"metrics.csv", "summary.json", "config.yaml"}) {
            assertThat(Files.readString(stopped.resolve(file))).as(file).isEqualTo(Files.readString(dir.resolve("whole").resolve(file)));
        }
    }
}
