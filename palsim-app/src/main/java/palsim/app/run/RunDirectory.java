package palsim.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.stream.Stream;
import palsim.app.InputException;
import palsim.app.PhaseLog;
import palsim.app.experiment.ParallelExecutor;
import palsim.app.experiment.RunOutput;
import palsim.app.plot.Figure;
import palsim.app.plot.FigureEncoder;

/**
 * The directory of one run (docs/run-directory.md): everything is written atomically, and every file
 * written is remembered for provenance.json's {@code files} list.
 */
public final class RunDirectory implements RunOutput {
    public static final String CONFIG = "config.yaml";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String PARTIAL_METRICS = "metrics.partial.csv";
    public static final String SUMMARY = "summary.json";
    public static final String FIGURES = "figures";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final Set<String> files = new LinkedHashSet<>();

    private RunDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * The default place of a run: {@code <base>/runs/<name>-<yyyyMMdd-HHmmss>}, with {@code -2},
     * {@code -3}, … appended if a run started in the same second already took it.
     */
    public static Path defaultPath(Path base, String name, LocalDateTime start) {
        String stem = name + "-" + STAMP.format(start);
        Path candidate = base.resolve("runs").resolve(stem);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = base.resolve("runs").resolve(stem + "-" + n);
        }
        return candidate;
    }

    /**
     * Creates (or takes over) a run directory.
     *
     * @param force take over a non-empty directory: files a previous palsim run listed in its
     *     provenance.json (and the standard outputs) are deleted first, nothing else
     * @throws InputException naming the directory if it is a file, is non-empty without
     *     {@code force}, or cannot be created
     */
    public static RunDirectory create(Path directory, boolean force) {
        requireUsable(directory, force);
        if (Files.isDirectory(directory) && !isEmptyDirectory(directory)) {
            removePreviousRun(directory);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new InputException(directory + ": cannot create the run directory (" + e.getMessage() + ")", e);
        }
        return new RunDirectory(directory);
    }

    /**
     * Takes over the directory of an interrupted run to continue it ({@code palsim resume}): nothing is
     * removed; the {@code kept} files (e.g. config.yaml) count as written, the others are written anew
     * as the run goes on.
     */
    public static RunDirectory reopen(Path directory, String... kept) {
        if (!Files.isDirectory(directory)) {
            throw new InputException(directory + ": no such run directory");
        }
        RunDirectory reopened = new RunDirectory(directory);
        for (String file : kept) {
            reopened.remember(file);
        }
        return reopened;
    }

    /**
     * Checks, without changing anything, that {@link #create} would accept {@code directory}.
     *
     * @throws InputException naming the directory if it is a file, or non-empty without {@code force}
     */
    public static void requireUsable(Path directory, boolean force) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new InputException(directory + ": exists and is not a directory");
        }
        if (!force && !isEmptyDirectory(directory)) {
            throw new InputException(directory + ": directory exists and is not empty (use --force to reuse it,"
                    + " or choose another --out)");
        }
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void writeText(String relativePath, String text) {
        AtomicFiles.write(resolve(relativePath), text);
        remember(relativePath);
    }

    @Override
    public void writeBytes(String relativePath, byte[] bytes) {
        AtomicFiles.write(resolve(relativePath), bytes);
        remember(relativePath);
    }

    @Override
    public void writeFigure(String name, Figure figure) {
        requireFigureName(name);
        writeBytes(FIGURES + "/" + name + ".png", FigureEncoder.png(figure));
        writeText(FIGURES + "/" + name + ".svg", FigureEncoder.svg(figure));
    }

    /**
     * Encodes every figure (its PNG and SVG) as a job of its own on {@code executor}'s threads, or on
     * as many threads as there are cores and figures if that is more, then writes the files in the
     * map's order (so provenance.json lists them in the same order for any thread count).
     */
    @Override
    public void writeFigures(SequencedMap<String, Figure> figures, ParallelExecutor executor) {
        figures.keySet().forEach(RunDirectory::requireFigureName);
        // One job per figure: XChart charts are not thread-safe (painting lays the chart out), so
        // both encodings of a figure are made by the same thread, one after the other.
        List<ParallelExecutor.Job<EncodedFigure>> jobs = new ArrayList<>();
        for (Map.Entry<String, Figure> f : figures.entrySet()) {
            Figure figure = f.getValue();
            jobs.add(new ParallelExecutor.Job<>("figure " + f.getKey(),
                    () -> {
                        byte[] png = FigureEncoder.png(figure);
                        PhaseLog.mark("png " + f.getKey());
                        String svg = FigureEncoder.svg(figure);
                        PhaseLog.mark("svg " + f.getKey());
                        return new EncodedFigure(png, svg);
                    }));
        }
        PhaseLog.mark("figures built");
        // Figures come after the simulation, so they may use every core even where --threads kept
        // the simulation to fewer: in a short run they are much of the time that is left.
        int threads = Math.max(executor.threads(), Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        List<EncodedFigure> encoded = (threads == executor.threads() ? executor : new ParallelExecutor(threads)).run(jobs);
        int i = 0;
        for (String name : figures.keySet()) {
            EncodedFigure e = encoded.get(i++);
            writeBytes(FIGURES + "/" + name + ".png", e.png());
            writeText(FIGURES + "/" + name + ".svg", e.svg());
        }
    }

    private record EncodedFigure(byte[] png, String svg) {}

    private static void requireFigureName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("figure name must be a plain file name, got '" + name + "'");
        }
    }

    /** Relative paths of the files written so far, in the order they were first written. */
    public synchronized List<String> files() {
        return List.copyOf(files);
    }

    private synchronized void remember(String relativePath) {
        files.add(relativePath.replace('\\', '/'));
    }

    /** {@code relativePath} inside the directory; anything escaping it is a programming error. */
    private Path resolve(String relativePath) {
        Path p = Path.of(relativePath);
        Path resolved = directory.resolve(p).normalize();
        if (p.isAbsolute() || relativePath.isEmpty() || !resolved.startsWith(directory.normalize())) {
            throw new IllegalArgumentException("not a path inside the run directory: " + relativePath);
        }
        return resolved;
    }

    private static boolean isEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes what a previous run wrote here, as its provenance.json lists it, plus the standard files. */
    private static void removePreviousRun(Path directory) {
        List<String> previous = new ArrayList<>(List.of(CONFIG, METRICS, PARTIAL_METRICS, SUMMARY));
        Path provenance = directory.resolve(PROVENANCE);
        if (Files.isRegularFile(provenance)) {
            try {
                JsonNode listed = new ObjectMapper().readTree(provenance.toFile()).path("files");
                listed.forEach(f -> previous.add(f.asText()));
            } catch (IOException e) {
                // An unreadable provenance.json lists nothing; the standard files are still removed.
            }
        }
        previous.add(PROVENANCE);
        CheckpointFile.removeAll(directory);
        Path root = directory.toAbsolutePath().normalize();
        for (String name : previous) {
            Path file = root.resolve(name).normalize();
            if (file.startsWith(root) && !file.equals(root)) {
                try {
                    if (Files.isRegularFile(file)) {
                        Files.delete(file);
                    }
                } catch (IOException e) {
                    throw new InputException(file + ": cannot remove the previous run's file (" + e.getMessage() + ")", e);
                }
            }
        }
    }
}
