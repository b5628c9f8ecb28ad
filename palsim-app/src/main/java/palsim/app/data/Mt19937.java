package palsim.app.data;

/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998) seeded with one 32-bit
 * integer ({@code init_genrand}), which is how numpy's legacy {@code RandomState(seed)} seeds it for
 * an integer seed. Commons RNG's {@code MersenneTwister} seeds through {@code init_by_array}, which
 * gives a different stream, so the Yin-Yang generator needs this one to draw the same samples as the
 * reference (microcircuit-classification.md §6.3).
 *
 * <p>Not thread-safe; one instance per stream.
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int index;

    /**
     * Seeds with {@code init_genrand(seed)}.
     *
     * @param seed in {@code [0, 2³²)}, as numpy accepts it
     */
    public Mt19937(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an MT19937 seed must lie in [0, 2^32), got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            // Unsigned 32-bit arithmetic: int multiplication and addition wrap exactly like uint32.
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        index = N;
    }

    /** The next output as an unsigned 32-bit value in {@code [0, 2³²)}. */
    public long nextUnsignedInt() {
        return Integer.toUnsignedLong(nextInt());
    }

    /** The next output's 32 bits (as a signed int; see {@link #nextUnsignedInt()}). */
    public int nextInt() {
        if (index >= N) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }
}
