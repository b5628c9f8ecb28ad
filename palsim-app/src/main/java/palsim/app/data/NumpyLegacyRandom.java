package palsim.app.data;

/**
 * The two draws of numpy's legacy {@code RandomState} that the Yin-Yang generator uses, on an
 * {@link Mt19937} seeded as {@code RandomState(seed)} seeds it for an integer seed, so that the
 * generated sets are the reference's, sample for sample (microcircuit-classification.md §6.3).
 * Both algorithms are the ones legacy numpy has always used (its results are frozen for
 * reproducibility):
 * <ul>
 *   <li>{@link #randint(int)}: masked rejection sampling on single 32-bit outputs — keep
 *       {@code output & mask}, where mask is the smallest {@code 2^k − 1} ≥ {@code high − 1}, and
 *       draw again while it exceeds {@code high − 1};</li>
 *   <li>{@link #randomSample()} ({@code rand}): a double from two outputs {@code a}, {@code b} as
 *       {@code ((a >>> 5) · 2²⁶ + (b >>> 6)) / 2⁵³}, uniform on the 53-bit grid of [0, 1).</li>
 * </ul>
 */
public final class NumpyLegacyRandom {
    private final Mt19937 bits;

    /** {@code numpy.random.RandomState(seed)} for an integer seed in {@code [0, 2³²)}. */
    public NumpyLegacyRandom(long seed) {
        this.bits = new Mt19937(seed);
    }

    /** {@code randint(high)}: a uniform integer in {@code [0, high)}, {@code 1 ≤ high ≤ 2³¹ − 1}. */
    public int randint(int high) {
        if (high < 1) {
            throw new IllegalArgumentException("randint needs high >= 1, got " + high);
        }
        long range = high - 1L;
        if (range == 0) {
            // numpy returns low without drawing.
            return 0;
        }
        long mask = range;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = bits.nextUnsignedInt() & mask;
        } while (value > range);
        return (int) value;
    }

    /** {@code random_sample()} / one value of {@code rand(n)}: a double in [0, 1) with 53 random bits. */
    public double randomSample() {
        long a = bits.nextUnsignedInt() >>> 5;
        long b = bits.nextUnsignedInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
