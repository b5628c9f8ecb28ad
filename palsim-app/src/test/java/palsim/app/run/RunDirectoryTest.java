package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.InputException;
import palsim.app.experiment.ParallelExecutor;
import palsim.app.plot.Figure;

class RunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void emptyOrMissingDirectoryIsTakenWithoutForce() {
        RunDirectory a = RunDirectory.create(dir.resolve("new/deeper"), false);
        assertThat(a.directory()).isDirectory();
        RunDirectory.create(dir.resolve("new/deeper"), false);
    }

    @Test
    void nonEmptyDirectoryIsRefusedWithoutForceAndNothingIsTouched() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> RunDirectory.create(dir, false)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir + ": directory exists and is not empty");
        assertThat(dir.resolve("keep.txt")).hasContent("x");
    }

    @Test
    void fileInTheWayIsRefusedEvenWithForce() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> RunDirectory.create(file, true)).hasMessage(file + ": exists and is not a directory");
    }

    @Test
    void forceRemovesOnlyWhatThePreviousRunWrote() throws IOException {
        RunDirectory first = RunDirectory.create(dir, false);
        first.writeText("metrics.csv", "old");
        first.writeText("figures/a.png", "old");
        first.writeText("extra/data.bin", "old");
        AtomicFiles.write(dir.resolve("provenance.json"),
                "{\"files\": [\"metrics.csv\", \"figures/a.png\", \"extra/data.bin\", \"../outside.txt\"]}");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.getParent().resolve("outside.txt"), "not yours");
        RunDirectory.create(dir, true);
        assertThat(dir.resolve("metrics.csv")).doesNotExist();
        assertThat(dir.resolve("figures/a.png")).doesNotExist();
        assertThat(dir.resolve("extra/data.bin")).doesNotExist();
        assertThat(dir.resolve("provenance.json")).doesNotExist();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        assertThat(dir.getParent().resolve("outside.txt")).hasContent("not yours");
    }

    @Test
    void writesAreRememberedAndLeaveNoTemporaryFiles() throws IOException {
        RunDirectory run = RunDirectory.create(dir, false);
        run.writeText("a.txt", "1");
        run.writeBytes("sub/b.bin", new byte[] {1, 2});
        run.writeText("a.txt", "2");
        assertThat(run.files()).containsExactly("a.txt", "sub/b.bin");
        assertThat(dir.resolve("a.txt")).hasContent("2");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void pathsOutsideTheDirectoryAreRejected() {
        RunDirectory run = RunDirectory.create(dir.resolve("r"), false);
        assertThatThrownBy(() -> run.writeText("../escape.txt", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.writeText(dir.resolve("abs.txt").toString(), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.writeFigure("sub/name", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultPathIsStampedAndSkipsTakenNames() throws IOException {
        LocalDateTime t = LocalDateTime.of(2026, 3, 4, 5, 6, 7);
        Path first = RunDirectory.defaultPath(dir, "fig1b", t);
        assertThat(first).isEqualTo(dir.resolve("runs/fig1b-20260304-050607"));
        Files.createDirectories(first);
        assertThat(RunDirectory.defaultPath(dir, "fig1b", t)).isEqualTo(dir.resolve("runs/fig1b-20260304-050607-2"));
    }

    @Test
    void figuresEncodedInParallelAreTheSameFilesListedInTheSameOrder() throws IOException {
        SequencedMap<String, Figure> figures = new LinkedHashMap<>();
        figures.put("b", square(Color.BLUE));
        figures.put("a", square(Color.RED));
        RunDirectory one = RunDirectory.create(dir.resolve("one"), false);
        RunDirectory two = RunDirectory.create(dir.resolve("two"), false);
        one.writeFigures(figures, new ParallelExecutor(1));
        two.writeFigures(figures, new ParallelExecutor(2));
        assertThat(two.files()).containsExactly("figures/b.png", "figures/b.svg", "figures/a.png", "figures/a.svg")
                .isEqualTo(one.files());
        for (String file : one.files()) {
            assertThat(Files.readAllBytes(two.directory().resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(one.directory().resolve(file)));
        }
        assertThat(Files.readString(one.directory().resolve("figures/a.svg"))).contains("<svg");
    }

    @Test
    void aBadFigureNameIsRejectedBeforeAnythingIsWritten() {
        RunDirectory run = RunDirectory.create(dir.resolve("r"), false);
        SequencedMap<String, Figure> figures = new LinkedHashMap<>();
        figures.put("fine", square(Color.RED));
        figures.put("../escape", square(Color.RED));
        assertThatThrownBy(() -> run.writeFigures(figures, new ParallelExecutor(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape");
        assertThat(run.files()).isEmpty();
    }

    private static Figure square(Color colour) {
        return new Figure() {
            @Override
            public int width() {
                return 40;
            }

            @Override
            public int height() {
                return 30;
            }

            @Override
            public void paint(Graphics2D g) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 40, 30);
                g.setColor(colour);
                g.fillRect(5, 5, 20, 10);
                g.drawString("x", 10, 25);
            }
        };
    }
}
