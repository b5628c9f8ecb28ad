package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.data.LoopbackMirror;
import picocli.CommandLine;

class DataCommandTest {
    @TempDir
    Path dir;

    private final LoopbackMirror server = new LoopbackMirror();
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int run(CommandLine command, String... args) {
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(out, true));
        return command.execute(args);
    }

    private int runWithTestChecksums(String... args) {
        return run(new CommandLine(new DataCommand(LoopbackMirror.FILES_MD5)), args);
    }

    @Test
    void fetchMnistExitsZeroWithEveryFileInPlace() {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        int exit = runWithTestChecksums("fetch", "mnist", "--dir", dir.toString(), "--mirror", good.toString());
        assertThat(exit).isZero();
        for (var file : LoopbackMirror.FILES.entrySet()) {
            assertThat(dir.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        assertThat(err.toString()).endsWith("palsim data fetch: mnist ready in " + dir + " (4 files)" + System.lineSeparator());
    }

    @Test
    void repeatedMirrorOptionsAreTriedInOrder() {
        URI empty = server.mirror("empty", Map.of());
        URI good = server.mirror("good", LoopbackMirror.FILES);
        int exit = runWithTestChecksums("fetch", "mnist", "--dir", dir.toString(), "--mirror", empty.toString(),
                "--mirror", good.toString());
        assertThat(exit).isZero();
        assertThat(server.requests("empty")).isEqualTo(4);
    }

    @Test
    void failedDownloadExitsTwoWithOneLineNamingFileAndMirrors() {
        URI empty = server.mirror("empty", Map.of());
        int exit = runWithTestChecksums("fetch", "mnist", "--dir", dir.toString(), "--mirror", empty.toString());
        assertThat(exit).isEqualTo(2);
        String lastLine = err.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(lastLine).isEqualTo("palsim data fetch: train-images-idx3-ubyte.gz: download failed from every mirror: "
                + empty + " (HTTP 404)");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void officialChecksumsRejectSyntheticFiles() {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        int exit = run(new CommandLine(new DataCommand()), "fetch", "mnist", "--dir", dir.toString(), "--mirror", good.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("expected f68b3c2dcbeaaa9fbdd348bbdeb94873");
    }

    @Test
    void missingDirOptionIsAUsageError() {
        assertThat(runWithTestChecksums("fetch", "mnist")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--dir=D'");
    }

    @Test
    void unknownDataSetIsAUsageErrorListingKnownOnes() {
        assertThat(runWithTestChecksums("fetch", "cifar10", "--dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cifar10").contains("mnist");
    }

    @Test
    void nonHttpMirrorIsAUsageErrorNamingTheOption() {
        assertThat(runWithTestChecksums("fetch", "mnist", "--dir", dir.toString(), "--mirror", "ftp://127.0.0.1/x/")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--mirror'").contains("ftp://127.0.0.1/x/");
    }

    @Test
    void dataWithoutSubcommandIsAUsageError() {
        assertThat(runWithTestChecksums()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void helpWorksStandaloneAndExitsZero() {
        assertThat(run(new CommandLine(new DataCommand()), "fetch", "--help")).isZero();
        assertThat(out.toString()).contains("--mirror=URL").contains("--dir=D").contains("ossci-datasets");
    }
}
