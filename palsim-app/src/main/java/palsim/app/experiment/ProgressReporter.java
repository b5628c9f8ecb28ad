package palsim.app.experiment;

/**
 * A concise progress display for long runs. Thread-safe and cheap to call (the display itself is
 * throttled); an experiment declares the total work once and advances it as jobs finish units of it.
 *
 * <pre>
 *   context.progress().begin("training", rules * seedGroups * epochs, "epochs");
 *   ... in each job, at the end of each epoch: context.progress().advance(1);
 * </pre>
 */
public interface ProgressReporter {

    /** Starts (or restarts) a phase of {@code totalUnits} units called {@code unitName}. */
    void begin(String phase, long totalUnits, String unitName);

    /** {@code units} more units are done. */
    void advance(long units);

    /** Ends the display (the run calls this; experiments need not). */
    default void finish() {}

    /** A reporter that shows nothing. */
    static ProgressReporter silent() {
        return new ProgressReporter() {
            @Override
            public void begin(String phase, long totalUnits, String unitName) {}

            @Override
            public void advance(long units) {}
        };
    }
}
