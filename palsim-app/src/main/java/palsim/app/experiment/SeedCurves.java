package palsim.app.experiment;

import java.util.Arrays;

/**
 * One metric of one rule and layer over epochs, one row per seed.
 *
 * @param seeds the seeds, in config order
 * @param epochs the epochs recorded by any seed, ascending
 * @param values {@code values[s][e]} = value of seed {@code seeds[s]} at {@code epochs[e]}; NaN where
 *     that seed has no value at that epoch
 */
public record SeedCurves(long[] seeds, int[] epochs, double[][] values) {

    /** The epochs as doubles, for plotting. */
    public double[] epochAxis() {
        return Arrays.stream(epochs).asDoubleStream().toArray();
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return seeds.length == 0 || epochs.length == 0;
    }
}
