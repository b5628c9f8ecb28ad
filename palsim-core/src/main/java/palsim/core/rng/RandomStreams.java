package palsim.core.rng;

import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import palsim.core.state.StateMismatchException;

/**
 * The only place palsim creates random number generators.
 *
 * <p>Every stream is a fresh {@link RandomSource#L64_X128_MIX} generator whose seed is a pure
 * function of the arguments, so a stream never depends on which thread asks for it or in which
 * order streams are created. That is what makes runs bit-identical for any thread count.
 *
 * <ul>
 *   <li>{@link #seeded(long)} reproduces the reference codes' habit of re-seeding one generator
 *       with the run seed for several purposes (the microcircuit draws voltages and weights from
 *       two identically seeded streams, microcircuit.md §4.1, quirk 13);
 *   <li>{@link #derived(long, String, int)} gives statistically independent streams per
 *       (seed, purpose, index), for everything where the specs ask for no such correlation.
 * </ul>
 */
public final class RandomStreams {
    private static final RandomSource ALGORITHM = RandomSource.L64_X128_MIX;

    private RandomStreams() {}

    /** A generator seeded with {@code seed} alone; two calls with one seed give the same stream. */
    public static UniformRandomProvider seeded(long seed) {
        return ALGORITHM.create(seed);
    }

    /**
     * An independent stream for one purpose (e.g. {@code "noise"}, {@code "shuffle"}) and index
     * (e.g. a layer) of the run seed.
     */
    public static UniformRandomProvider derived(long seed, String purpose, int index) {
        long h = mix(seed ^ 0x243F6A8885A308D3L);
        h = mix(h ^ purpose.hashCode());
        h = mix(h ^ (long) index * 0x9E3779B97F4A7C15L);
        return ALGORITHM.create(h);
    }

    /**
     * Shuffles {@code values} in place (Fisher–Yates): for i from the last index down to 1, swaps
     * element i with element {@code rng.nextInt(i + 1)}. Every seeded shuffle in palsim draws this
     * way, so a seed gives the same order wherever it is used.
     */
    public static void shuffle(UniformRandomProvider rng, int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A uniformly random permutation of {@code 0 … n−1}: the identity {@linkplain #shuffle shuffled}. */
    public static int[] permutation(int n, UniformRandomProvider rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(rng, order);
        return order;
    }

    /**
     * The whole state of a generator made here, as bytes, for a checkpoint: a generator
     * {@linkplain #restoreState restored} from them continues with the same numbers.
     */
    public static byte[] saveState(UniformRandomProvider rng) {
        RandomProviderState state = restorable(rng).saveState();
        return ((RandomProviderDefaultState) state).getState();
    }

    /**
     * Sets a generator made here to a state {@link #saveState} returned.
     *
     * @throws StateMismatchException if the bytes are not a state of this kind of generator
     */
    public static void restoreState(UniformRandomProvider rng, byte[] state) {
        try {
            restorable(rng).restoreState(new RandomProviderDefaultState(state));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new StateMismatchException("generator state of " + state.length + " bytes does not fit: " + e.getMessage());
        }
    }

    private static RestorableUniformRandomProvider restorable(UniformRandomProvider rng) {
        if (rng instanceof RestorableUniformRandomProvider r) {
            return r;
        }
        throw new IllegalArgumentException("not a generator of RandomStreams: " + rng.getClass().getName());
    }

    /** SplitMix64's finaliser: a bijective scramble of a 64-bit value. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
