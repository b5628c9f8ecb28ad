package palsim.core.feedback;

/**
 * The check every model makes on a feedback rule's time constants: its discrete filters (the OU
 * noise, the rate high-pass, the forward low-pass) advance by a factor dt/τ per step, which must
 * not exceed 1 or the filter overshoots, and a phased rule's phases must last at least one step.
 * One place, so both models say the same.
 */
public final class RuleTimeConstants {
    private RuleTimeConstants() {}

    /**
     * @throws IllegalArgumentException naming the first time constant below dt
     */
    public static void requireResolvedBy(FeedbackRule rule, double dt) {
        for (ExploratoryNoise noise : rule.noise().stream().toList()) {
            if (noise.tau() < dt) {
                throw new IllegalArgumentException("noise.tau must be >= dt = " + dt + ", got " + noise.tau());
            }
        }
        requireZeroOrResolved("tau_high_pass", rule.highPassTau(), dt);
        requireZeroOrResolved("tau_forward_low_pass", rule.forwardLowPassTau(), dt);
        for (FeedbackSchedule schedule : rule.schedule().stream().toList()) {
            if (schedule.duration() < dt) {
                throw new IllegalArgumentException("schedule.duration must be >= dt = " + dt + ", got "
                        + schedule.duration());
            }
        }
    }

    private static void requireZeroOrResolved(String key, double tau, double dt) {
        if (tau != 0 && tau < dt) {
            throw new IllegalArgumentException(key + " must be 0 or >= dt = " + dt + ", got " + tau);
        }
    }
}
