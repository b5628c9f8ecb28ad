package palsim.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import palsim.app.run.FailureReport;
import palsim.app.run.Provenance;
import palsim.app.run.RunDirectory;

/**
 * How a sweep point ended, read back from its run directory: what an executor that runs points
 * elsewhere (a SLURM array task, {@code palsim sweep --collect}) knows of them. A point completed
 * when its provenance.json says so and its metrics.csv and summary.json are there; it failed with
 * the recorded error when provenance.json says {@code failed}; anything else (no directory, a run
 * still {@code running} because its job was killed, {@code interrupted}) is a failure without a
 * result.
 */
public final class RecordedOutcome {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedOutcome() {}

    /** The outcome of {@code point} from {@code sweepDirectory/point-NNN}. */
    public static SweepExecutor.Outcome of(Path sweepDirectory, SweepPoint point) {
        Path directory = sweepDirectory.resolve(point.directoryName());
        Path provenance = directory.resolve(RunDirectory.PROVENANCE);
        if (!Files.isRegularFile(provenance)) {
            return failed(point, "no result (the point's run did not start)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(provenance.toFile());
        } catch (IOException e) {
            return failed(point, "no result (" + point.directoryName() + "/" + RunDirectory.PROVENANCE + " is unreadable)");
        }
        String status = root.path("status").asText("");
        if (Provenance.COMPLETED.equals(status) && Files.isRegularFile(directory.resolve(RunDirectory.METRICS))
                && Files.isRegularFile(directory.resolve(RunDirectory.SUMMARY))) {
            return new SweepExecutor.Outcome(point, null);
        }
        if (Provenance.FAILED.equals(status)) {
            JsonNode error = root.path("error");
            return new SweepExecutor.Outcome(point, new FailureReport(kind(error.path("kind").asText("")),
                    error.path("message").asText("failed")));
        }
        return failed(point, "no result (the run stopped while " + (status.isEmpty() ? "starting" : status) + ")");
    }

    /** Whether {@code point} completed, as {@link #of} reads it. */
    public static boolean completed(Path sweepDirectory, SweepPoint point) {
        return of(sweepDirectory, point).completed();
    }

    private static SweepExecutor.Outcome failed(SweepPoint point, String message) {
        return new SweepExecutor.Outcome(point, new FailureReport(FailureReport.Kind.INTERNAL, message));
    }

    private static FailureReport.Kind kind(String label) {
        for (FailureReport.Kind kind : FailureReport.Kind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return FailureReport.Kind.INTERNAL;
    }
}
