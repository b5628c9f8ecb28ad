package palsim.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import palsim.app.InputException;
import palsim.app.run.MetricsTable;
import palsim.app.run.RunDirectory;
import palsim.app.run.RunRecord;

/**
 * One completed run as a report shows it, read through {@link RunRecord}: its name (the directory's),
 * config, provenance, metrics and summary, and its own SVG figures.
 */
record ReportRun(String name, ObjectNode config, JsonNode provenance, MetricsTable metrics, JsonNode summary,
        List<Figure> figures) {

    /**
     * A figure of the run: its name without extension and, as the report embeds it, the SVG text —
     * or, for an SVG too large to inline (thousands of epochs of many seeds), the PNG as a data URI.
     */
    record Figure(String name, String svg, String pngDataUri) {
        /** The markup the report embeds; ids inside it get {@code prefix}. */
        String markup(String prefix) {
            return svg != null ? ReportDocument.svgBody(svg, prefix)
                    : "<img alt=\"" + name + "\" src=\"" + pngDataUri + "\">";
        }
    }

    /** SVGs up to this size are inlined; larger ones are replaced by their PNG twin. */
    static final long INLINE_SVG_LIMIT = 4L << 20;

    /** Reads a completed run directory. */
    static ReportRun read(Path directory, String shownAs) {
        RunRecord record = RunRecord.open(directory, shownAs);
        record.requireMetrics("to report");
        List<Figure> figures = new ArrayList<>();
        Path figureDirectory = directory.resolve(RunDirectory.FIGURES);
        if (Files.isDirectory(figureDirectory)) {
            try (Stream<Path> files = Files.list(figureDirectory)) {
                for (Path svg : files.filter(f -> f.getFileName().toString().endsWith(".svg")).sorted().toList()) {
                    String file = svg.getFileName().toString();
                    String name = file.substring(0, file.length() - 4);
                    Path png = svg.resolveSibling(name + ".png");
                    if (Files.size(svg) > INLINE_SVG_LIMIT && Files.isRegularFile(png)) {
                        figures.add(new Figure(name, null,
                                "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png))));
                    } else {
                        figures.add(new Figure(name, Files.readString(svg), null));
                    }
                }
            } catch (IOException e) {
                throw new InputException(shownAs + "/" + RunDirectory.FIGURES + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        String name = directory.toAbsolutePath().normalize().getFileName().toString();
        return new ReportRun(name, record.config().tree(), record.provenance(), record.metrics(), record.summary(),
                List.copyOf(figures));
    }

    /** The config's task, e.g. {@code bw_only}. */
    String task() {
        return config.path("task").asText("?");
    }

    /** The preset or config file the run came from, without extension ({@code fig1b}). */
    String source() {
        String file = provenance.path("config_source").asText("");
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** The number of seeds. */
    int seeds() {
        return summary.path("seeds").size();
    }

    /** A figure of the run by name, or null. */
    Figure figure(String figureName) {
        return figures.stream().filter(f -> f.name().equals(figureName)).findFirst().orElse(null);
    }
}
