package palsim.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import palsim.app.InputException;
import palsim.app.Messages;
import palsim.app.config.ConfigDocument;

/**
 * The read side of a run directory (docs/run-directory.md): its resolved config, provenance,
 * metrics and summary, each loaded on demand. Every problem is an {@link InputException} naming the
 * file, e.g. {@code runs/x/metrics.csv: line 7: expected 6 fields …} or
 * {@code runs/x: has no metrics.csv (the run did not complete; see its provenance.json)}.
 */
public final class RunRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final String shownAs;

    private RunRecord(Path directory, String shownAs) {
        this.directory = directory;
        this.shownAs = shownAs;
    }

    /**
     * A run directory: one that holds a config.yaml.
     *
     * @param shownAs the directory as messages name it (as the user typed it)
     * @throws InputException when it is not a directory or has no config.yaml
     */
    public static RunRecord open(Path directory, String shownAs) {
        if (!Files.isDirectory(directory)) {
            throw new InputException(shownAs + ": " + (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
        if (!Files.isRegularFile(directory.resolve(RunDirectory.CONFIG))) {
            throw new InputException(shownAs + ": not a run directory (no " + RunDirectory.CONFIG + ")");
        }
        return new RunRecord(directory, shownAs);
    }

    public Path directory() {
        return directory;
    }

    /** A file of the run, named for messages as the user's path to the directory plus the file. */
    private String shown(String file) {
        return shownAs.endsWith("/") ? shownAs + file : shownAs + "/" + file;
    }

    /** config.yaml: the resolved config the run ran with. */
    public ConfigDocument config() {
        return ConfigDocument.load(directory.resolve(RunDirectory.CONFIG), shown(RunDirectory.CONFIG));
    }

    /** provenance.json. */
    public JsonNode provenance() {
        return json(RunDirectory.PROVENANCE);
    }

    /** The provenance's {@code status} ({@code running}, {@code completed}, {@code failed}, {@code interrupted}). */
    public String status() {
        JsonNode status = provenance().get("status");
        if (status == null || !status.isTextual()) {
            throw new InputException(shown(RunDirectory.PROVENANCE) + ": has no status");
        }
        return status.textValue();
    }

    /** Whether the run left a metrics.csv, i.e. completed. */
    public boolean hasMetrics() {
        return Files.isRegularFile(metricsFile());
    }

    /** The path of metrics.csv (which may not exist; see {@link #requireMetrics}). */
    public Path metricsFile() {
        return directory.resolve(RunDirectory.METRICS);
    }

    /**
     * Fails unless the run has a metrics.csv.
     *
     * @param purpose what it is needed for, e.g. {@code "to compare with"}
     */
    public void requireMetrics(String purpose) {
        if (!hasMetrics()) {
            throw new InputException(shownAs + ": has no " + RunDirectory.METRICS + " " + purpose
                    + " (the run did not complete; see its " + RunDirectory.PROVENANCE + ")");
        }
    }

    /** metrics.csv, every row checked. */
    public MetricsTable metrics() {
        requireMetrics("to read");
        return MetricsCsv.parse(text(RunDirectory.METRICS).lines().toList(), shown(RunDirectory.METRICS));
    }

    /**
     * What a run recorded before it ended or was stopped: metrics.csv when it completed, else
     * metrics.partial.csv (an incomplete last line, left by a run killed while appending, is
     * dropped), else an empty table.
     */
    public MetricsTable recordedMetrics() {
        if (hasMetrics()) {
            return metrics();
        }
        if (!Files.isRegularFile(directory.resolve(RunDirectory.PARTIAL_METRICS))) {
            return new MetricsTable(List.of(), List.of());
        }
        String text = text(RunDirectory.PARTIAL_METRICS);
        // Rows are appended whole lines at a time; a run killed mid-write may leave the last one cut short.
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        return MetricsCsv.parse(complete.lines().toList(), shown(RunDirectory.PARTIAL_METRICS));
    }

    /** summary.json. */
    public JsonNode summary() {
        return json(RunDirectory.SUMMARY);
    }

    private JsonNode json(String file) {
        String text = text(file);
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InputException(shown(file) + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InputException(shown(file) + ": not valid JSON: " + Messages.oneLine(e.getOriginalMessage(), "syntax error"), e);
        }
    }

    private String text(String file) {
        try {
            return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(shown(file) + ": no such file");
        } catch (IOException e) {
            throw new InputException(shown(file) + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
