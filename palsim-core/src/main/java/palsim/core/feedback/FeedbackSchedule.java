package palsim.core.feedback;

/**
 * When a phased rule is in its learning mode (weight mirrors' mirror mode): the first
 * {@code duration} of every {@code period}, counted from the network's first step. Engines inject
 * the rule's noise and let it learn only then ({@link FeedbackRule#schedule()}).
 *
 * @param period time from the start of one mirror phase to the next, in the model's time unit
 * @param duration length of each mirror phase (≤ period; equal to period means always on)
 */
public record FeedbackSchedule(double period, double duration) {

    public FeedbackSchedule {
        if (!(period > 0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("schedule.period must be > 0, got " + period);
        }
        if (!(duration > 0) || !(duration <= period)) {
            throw new IllegalArgumentException("schedule.duration must be > 0 and <= schedule.period = " + period
                    + ", got " + duration);
        }
    }

    /** Steps per period for time step dt (at least 1). */
    public long periodSteps(double dt) {
        return Math.max(1, Math.round(period / dt));
    }

    /** Steps of each mirror phase for time step dt (at least 1). */
    public long durationSteps(double dt) {
        return Math.max(1, Math.round(duration / dt));
    }

    /** Whether step {@code step} (0 = the first) lies in a mirror phase. */
    public boolean active(long step, double dt) {
        return step % periodSteps(dt) < durationSteps(dt);
    }
}
