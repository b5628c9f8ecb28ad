package palsim.core.microcircuit;

/**
 * Where a microcircuit's exploratory noise ξ comes from. While a feedback rule injects noise, the
 * engine asks the source of each seed once per step, after it has set aside the ξ that drives this
 * step's somata, to advance ξ_ℓ of every hidden layer ℓ = 1…N−1 to the value the feedback update of
 * this step reads.
 *
 * <p>The default source is the rule's Ornstein–Uhlenbeck process drawn from the seed's own generator
 * ({@link OrnsteinUhlenbeckNoise}); {@link ReplayedNoise} feeds recorded values instead, so that an
 * engine can be checked step by step against a recording of another implementation. Both engines
 * (the lane engine and {@link ReferenceMicrocircuit}) take their noise through this interface.
 */
public interface NoiseSource {

    /**
     * Advances ξ of one seed by one step.
     *
     * @param xi ξ_ℓ for ℓ = 1…N−1 at index ℓ (index 0 unused), each laid out {@code [neuron][lane]}
     * @param n the population sizes n_0…n_N
     * @param lane the seed's lane
     * @param width the lane width of the arrays (1 for a one-seed layout)
     */
    void advance(double[][] xi, int[] n, int lane, int width);

    /**
     * {@link #advance(double[][], int[], int, int)} for a float32 engine. By default the values are
     * widened, advanced in double and rounded back (allocating: for replays and tests); the rule's
     * own noise advances in float arithmetic.
     */
    default void advance(float[][] xi, int[] n, int lane, int width) {
        double[][] wide = new double[xi.length][];
        for (int l = 1; l < xi.length; l++) {
            wide[l] = new double[xi[l].length];
            for (int e = 0; e < wide[l].length; e++) {
                wide[l][e] = xi[l][e];
            }
        }
        advance(wide, n, lane, width);
        for (int l = 1; l < xi.length; l++) {
            for (int i = 0; i < n[l]; i++) {
                int e = i * width + lane;
                xi[l][e] = (float) wide[l][e];
            }
        }
    }

    /**
     * What the source needs besides the seed's generator to continue exactly where it is, for a
     * checkpoint (e.g. a refresh counter). Default: nothing.
     */
    default long[] counters() {
        return new long[0];
    }

    /**
     * Continues from {@link #counters()} saved earlier.
     *
     * @throws palsim.core.state.StateMismatchException if they are not this source's counters
     */
    default void restoreCounters(long[] counters) {
        if (counters.length != 0) {
            throw new palsim.core.state.StateMismatchException("noise source keeps no counters, saved " + counters.length);
        }
    }
}
