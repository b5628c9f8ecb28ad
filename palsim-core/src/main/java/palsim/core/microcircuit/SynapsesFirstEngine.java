package palsim.core.microcircuit;

/**
 * The controls only the {@link SynapsesFirstStepOrder}'s engine has (in either precision): the noise
 * switch and the players' reset at the start of a stage.
 */
interface SynapsesFirstEngine extends LaneEngine {

    /** Whether the rule's noise is injected (and advanced), independently of learning and teaching. */
    void setNoise(boolean on);

    /** Sets the players as at the start of a stage: x(n) = x(n−1) = {@code x}, target rate {@code t} (may be null). */
    void resetPlayers(double[] x, double[] t);
}
