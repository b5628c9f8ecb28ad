package palsim.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDownloaderTest {
    @TempDir
    Path dir;

    private final LoopbackMirror server = new LoopbackMirror();
    private final StringWriter progress = new StringWriter();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MnistDownloader downloader(URI... mirrors) {
        return new MnistDownloader(List.of(mirrors), LoopbackMirror.FILES_MD5, new PrintWriter(progress),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    private void assertAllFilesPresentAndNoTemporaryFilesLeft() throws IOException {
        for (Map.Entry<String, byte[]> file : LoopbackMirror.FILES.entrySet()) {
            assertThat(dir.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(LoopbackMirror.FILES.keySet());
        }
    }

    /** A loopback port nothing listens on (connection refused). */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/closed/");
        }
    }

    @Test
    void downloadsEveryFileFromTheFirstMirrorAndVerifiesIt() throws IOException {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        List<Path> fetched = downloader(good).fetch(dir);
        assertThat(fetched).containsExactly(LoopbackMirror.FILES.keySet().stream().map(dir::resolve).toArray(Path[]::new));
        assertAllFilesPresentAndNoTemporaryFilesLeft();
        assertThat(server.requests("good")).isEqualTo(4);
        assertThat(progress.toString()).contains("train-images-idx3-ubyte.gz: downloading " + good
                + "train-images-idx3-ubyte.gz ... ok (");
    }

    @Test
    void checksumMismatchOnTheFirstMirrorFallsThroughToTheSecond() throws IOException {
        URI corrupt = server.mirror("corrupt", LoopbackMirror.corrupting("t10k-images-idx3-ubyte.gz"));
        URI good = server.mirror("good", LoopbackMirror.FILES);
        downloader(corrupt, good).fetch(dir);
        assertAllFilesPresentAndNoTemporaryFilesLeft();
        assertThat(server.requests("good")).isEqualTo(1);
        assertThat(progress.toString()).contains("failed: MD5 ").contains("expected " + LoopbackMirror.FILES_MD5.get("t10k-images-idx3-ubyte.gz"));
    }

    @Test
    void missingFileOnTheFirstMirrorFallsThroughToTheSecond() throws IOException {
        URI empty = server.mirror("empty", Map.of());
        URI good = server.mirror("good", LoopbackMirror.FILES);
        downloader(empty, good).fetch(dir);
        assertAllFilesPresentAndNoTemporaryFilesLeft();
        assertThat(server.requests("empty")).isEqualTo(4);
        assertThat(progress.toString()).contains("failed: HTTP 404");
    }

    @Test
    void refusedConnectionFallsThroughToTheNextMirror() throws IOException {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        downloader(closedPort(), good).fetch(dir);
        assertAllFilesPresentAndNoTemporaryFilesLeft();
        assertThat(progress.toString()).contains("failed: connection refused");
    }

    @Test
    void failureOnEveryMirrorNamesTheFileAndEachMirrorsReason() throws IOException {
        URI empty = server.mirror("empty", Map.of());
        URI corrupt = server.mirror("corrupt", LoopbackMirror.corrupting("train-images-idx3-ubyte.gz"));
        URI refused = closedPort();
        assertThatThrownBy(() -> downloader(empty, corrupt, refused).fetch(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("train-images-idx3-ubyte.gz: download failed from every mirror: " + empty
                        + " (HTTP 404), " + corrupt + " (MD5 ")
                .hasMessageEndingWith(refused + " (connection refused)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void filesAlreadyPresentWithTheRightChecksumAreNotDownloadedAgain() throws IOException {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        downloader(good).fetch(dir);
        downloader(good).fetch(dir);
        assertThat(server.requests("good")).isEqualTo(4);
        assertThat(progress.toString()).contains("t10k-labels-idx1-ubyte.gz: present, MD5 ok");
    }

    @Test
    void fileAlreadyPresentWithAWrongChecksumIsReplaced() throws IOException {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        Files.writeString(dir.resolve("train-labels-idx1-ubyte.gz"), "stale");
        downloader(good).fetch(dir);
        assertAllFilesPresentAndNoTemporaryFilesLeft();
        assertThat(progress.toString()).contains("train-labels-idx1-ubyte.gz: present but MD5 is");
    }

    @Test
    void missingDirectoryIsCreated() {
        URI good = server.mirror("good", LoopbackMirror.FILES);
        Path nested = dir.resolve("a/b");
        downloader(good).fetch(nested);
        assertThat(nested.resolve("train-images-idx3-ubyte.gz")).exists();
    }

    @Test
    void mirrorWithoutTrailingSlashIsUsedAsADirectory() {
        server.mirror("good", LoopbackMirror.FILES);
        URI withoutSlash = URI.create(server.base("good").toString().replaceAll("/$", ""));
        assertThat(downloader(withoutSlash).mirrors()).containsExactly(server.base("good"));
        downloader(withoutSlash).fetch(dir);
        assertThat(server.requests("good")).isEqualTo(4);
    }

    @Test
    void mirrorThatIsNotHttpIsRejected() {
        assertThatThrownBy(() -> downloader(URI.create("ftp://127.0.0.1/mnist/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ftp://127.0.0.1/mnist/' is not an http");
        assertThatThrownBy(() -> downloader(URI.create("mnist/"))).hasMessageContaining("is not an http");
    }

    @Test
    void officialChecksumsCoverTheFourOfficialFilesInOrder() {
        assertThat(MnistDownloader.OFFICIAL_MD5.keySet()).containsExactly("train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        assertThat(MnistDownloader.DEFAULT_MIRRORS.getFirst()).hasToString("https://ossci-datasets.s3.amazonaws.com/mnist/");
    }
}
