package palsim.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import palsim.app.InputException;
import palsim.app.run.AtomicFiles;
import palsim.app.run.RunDirectory;

/**
 * {@code palsim report}: collects run directories (given directly, or the run directories one level
 * inside a given directory, such as a sweep's points or {@code reproduce fig1}'s runs) and writes
 * {@code report.html} (self-contained), {@code report.md} and the Markdown's figure files.
 */
public final class Report {
    /** The HTML report's file name. */
    public static final String HTML = "report.html";
    /** The Markdown report's file name. */
    public static final String MARKDOWN = "report.md";
    /** The folder of the Markdown report's figures. */
    public static final String FIGURES = "report-figures";

    private Report() {}

    /**
     * The completed runs in {@code directories}, in the order given (runs inside a directory by name).
     *
     * @param shown each directory as the user named it
     * @throws InputException naming the directory that is neither a run nor holds any
     */
    public static List<Path> runDirectories(List<Path> directories, List<String> shown) {
        List<Path> runs = new ArrayList<>();
        for (int i = 0; i < directories.size(); i++) {
            Path d = directories.get(i);
            if (Files.isRegularFile(d.resolve(RunDirectory.CONFIG))) {
                runs.add(d);
                continue;
            }
            if (!Files.isDirectory(d)) {
                throw new InputException(shown.get(i) + ": " + (Files.exists(d) ? "not a directory" : "no such directory"));
            }
            List<Path> inside;
            try (Stream<Path> children = Files.list(d)) {
                inside = children.filter(c -> Files.isRegularFile(c.resolve(RunDirectory.CONFIG))
                        && Files.isRegularFile(c.resolve(RunDirectory.METRICS))).sorted().toList();
            } catch (IOException e) {
                throw new InputException(shown.get(i) + ": cannot be read (" + e.getMessage() + ")", e);
            }
            if (inside.isEmpty()) {
                throw new InputException(shown.get(i) + ": not a run directory (no " + RunDirectory.CONFIG
                        + ") and holds no completed run directories");
            }
            runs.addAll(inside);
        }
        return runs;
    }

    /**
     * Writes the report of {@code runs} into {@code out} (created if needed).
     *
     * @param shown how messages name each run directory
     * @return the files written, relative to {@code out}
     */
    public static List<String> write(List<Path> runs, List<String> shown, Path out, String title) throws IOException {
        List<ReportRun> read = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            read.add(ReportRun.read(runs.get(i), shown.get(i)));
        }
        ReportDocument document = new ReportDocument(title, read);
        Files.createDirectories(out.resolve(FIGURES));
        List<String> written = new ArrayList<>();
        for (ReportDocument.Placed p : document.figures()) {
            String file = ReportDocument.fileName(p);
            byte[] bytes = p.isSvg() ? p.svg().getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(p.svg().substring(p.svg().indexOf("base64,") + 7, p.svg().lastIndexOf('"')));
            AtomicFiles.write(out.resolve(FIGURES).resolve(file), bytes);
        }
        AtomicFiles.write(out.resolve(MARKDOWN), document.markdown(FIGURES).getBytes(StandardCharsets.UTF_8));
        written.add(MARKDOWN);
        AtomicFiles.write(out.resolve(HTML), document.html().getBytes(StandardCharsets.UTF_8));
        written.add(0, HTML);
        written.add(FIGURES + "/");
        return written;
    }
}
