package palsim.app.run;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import palsim.app.InputException;
import palsim.app.Messages;
import palsim.app.experiment.JobFailedException;
import palsim.core.SimulationDivergedException;

/**
 * What went wrong, in one line, and which exit code says so. Looks through wrappers (a
 * {@link JobFailedException} from the parallel executor, an {@link java.util.concurrent.ExecutionException})
 * for the exception that matters.
 *
 * @param kind the class of failure
 * @param message one line without the {@code palsim: } prefix
 */
public record FailureReport(Kind kind, String message) {

    /** Classes of failure and their exit codes (docs: README "Exit codes"). */
    public enum Kind {
        /** Bad input: config, option, file. */
        INPUT(2, "input"),
        /** A simulation produced non-finite values. */
        DIVERGED(3, "diverged"),
        /** A bug or an environment problem (disk full, out of memory). */
        INTERNAL(1, "internal");

        private final int exitCode;
        private final String label;

        Kind(int exitCode, String label) {
            this.exitCode = exitCode;
            this.label = label;
        }

        public int exitCode() {
            return exitCode;
        }

        /** The {@code error.kind} of provenance.json. */
        public String label() {
            return label;
        }
    }

    /** Classifies {@code failure}. */
    public static FailureReport of(Throwable failure) {
        String job = null;
        JobFailedException jobFailure = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobFailedException j && job == null) {
                job = j.label();
                jobFailure = j;
            }
            if (t instanceof SimulationDivergedException d) {
                return new FailureReport(Kind.DIVERGED, "simulation diverged" + (job == null ? "" : " (" + job + ")")
                        + " at step " + d.step() + ": " + d.quantity() + " of layer " + d.layer() + " is not finite"
                        + (jobFailure == null ? "" : alsoDiverged(jobFailure)));
            }
            if (t instanceof InputException i) {
                return new FailureReport(Kind.INPUT, Messages.oneLine(i.getMessage(), ""));
            }
            if (t instanceof OutOfMemoryError) {
                return new FailureReport(Kind.INTERNAL, "out of memory" + (job == null ? "" : " (" + job + ")")
                        + "; give the JVM more, e.g. PALSIM_JAVA_OPTS=-Xmx16g, or run fewer --threads");
            }
            if (t instanceof UncheckedIOException io) {
                return new FailureReport(Kind.INTERNAL, Messages.oneLine(io.getMessage(), ""));
            }
        }
        Throwable root = failure;
        if (failure instanceof JobFailedException && failure.getCause() != null) {
            root = failure.getCause();
        }
        return new FailureReport(Kind.INTERNAL, "internal error" + (job == null ? "" : " (" + job + ")") + ": "
                + root.getClass().getName() + (root.getMessage() == null ? "" : ": " + Messages.oneLine(root.getMessage(), "")));
    }

    /** {@code "; also diverged: rule fa, seeds 1, 2"} for the other diverged jobs the executor attached, or "". */
    private static String alsoDiverged(JobFailedException failure) {
        List<String> others = new ArrayList<>();
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof JobFailedException j) {
                others.add(j.label());
            }
        }
        return others.isEmpty() ? "" : "; also diverged: " + String.join("; ", others);
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
