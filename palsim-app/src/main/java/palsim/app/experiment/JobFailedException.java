package palsim.app.experiment;

/**
 * A job of a {@link ParallelExecutor} failed; the cause is what it threw. The command line reports a
 * {@link palsim.core.SimulationDivergedException} cause with exit code 3 and names the job.
 */
public final class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final int index;

    public JobFailedException(String label, int index, Throwable cause) {
        super(label + ": " + cause, cause);
        this.label = label;
        this.index = index;
    }

    /** The failing job's label, e.g. {@code "rule pal, seeds 123, 456"}. */
    public String label() {
        return label;
    }

    /** The failing job's position in the job list. */
    public int index() {
        return index;
    }
}
