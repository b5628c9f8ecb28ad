package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheWholeFileAndCreatesParents() throws IOException {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFiles.write(target, "first, longer content");
        AtomicFiles.write(target, "second");
        assertThat(target).hasContent("second");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void newFilesAreReadableByOthersLikeAnyOutput() throws IOException {
        Path target = dir.resolve("x.csv");
        AtomicFiles.write(target, "x");
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void failureNamesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        assertThatThrownBy(() -> AtomicFiles.write(blocker.resolve("x.txt"), "x")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("x.txt");
        Path directoryTarget = Files.createDirectories(dir.resolve("d"));
        Files.writeString(directoryTarget.resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(directoryTarget, "x")).isInstanceOf(UncheckedIOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }
}
