package palsim.core.microcircuit;

/**
 * Which weight groups learn (microcircuit.md §2.3 item 8). They can be changed between steps.
 *
 * @param forward {@code learn_weights}: W_ℓ
 * @param lateral {@code learn_lat_weights}: W^IP_ℓ and B^PI_ℓ
 * @param feedback {@code learn_bw_weights}: B_ℓ, and for rules with exploratory noise (PAL) also
 *     the injection of that noise
 */
public record LearningSwitches(boolean forward, boolean lateral, boolean feedback) {

    /** Nothing learns, no noise (settling, teacher runs, evaluation). */
    public static final LearningSwitches OFF = new LearningSwitches(false, false, false);

    /** Everything learns (teacher–student training, §5.3). */
    public static final LearningSwitches ALL = new LearningSwitches(true, true, true);

    /** W frozen; W^IP, B^PI and B learn (task bw_only, §5.2). */
    public static final LearningSwitches BACKWARD_ONLY = new LearningSwitches(false, true, true);
}
