package palsim.app.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * "Fewer neurons" in one number per rule: the smallest hidden-layer size whose <b>mean</b> accuracy
 * over seeds reaches a target accuracy. A size counts when its mean is at least the target (sizes
 * with a NaN mean, where no seed finished, never count); it does not require every larger size to
 * reach it too. Accuracies and the target are fractions in [0, 1], like the metrics.
 */
public final class SmallestSufficientSize {
    private SmallestSufficientSize() {}

    /**
     * The smallest of {@code sizes} whose mean accuracy is ≥ {@code target}, or empty if none is.
     *
     * @param sizes the hidden sizes, distinct and positive, in any order
     * @param meanAccuracy the mean accuracy at each size (same order)
     * @throws IllegalArgumentException if the lengths differ, a size repeats or is ≤ 0, or the target is not finite
     */
    public static OptionalInt of(int[] sizes, double[] meanAccuracy, double target) {
        if (sizes.length != meanAccuracy.length) {
            throw new IllegalArgumentException(sizes.length + " sizes for " + meanAccuracy.length + " accuracies");
        }
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target accuracy must be finite, got " + target);
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException("hidden size must be > 0, got " + sizes[i]);
            }
            for (int j = 0; j < i; j++) {
                if (sizes[j] == sizes[i]) {
                    throw new IllegalArgumentException("hidden size " + sizes[i] + " given twice");
                }
            }
        }
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < sizes.length; i++) {
            // NaN >= target is false: a size without a finished seed never counts.
            if (meanAccuracy[i] >= target && sizes[i] < best) {
                best = sizes[i];
            }
        }
        return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /**
     * As {@link #of(int[], double[], double)} from the accuracy of every seed:
     * {@code perSeed[s][i]} = seed s at {@code sizes[i]} (seed-major, like the figures take curves);
     * the mean at each size is {@link SeedStatistics}'s (finite seeds only).
     */
    public static OptionalInt ofSeeds(int[] sizes, double[][] perSeed, double target) {
        double[] means = new double[sizes.length];
        for (double[] seed : perSeed) {
            if (seed.length != sizes.length) {
                throw new IllegalArgumentException("a seed has " + seed.length + " accuracies for " + sizes.length
                        + " sizes");
            }
        }
        for (int i = 0; i < sizes.length; i++) {
            means[i] = SeedStatistics.ofColumn(perSeed, i).mean();
        }
        return of(sizes, means, target);
    }

    /** {@link #of} for each rule of {@code meanAccuracyPerRule}, in the map's order. */
    public static Map<String, OptionalInt> perRule(int[] sizes, Map<String, double[]> meanAccuracyPerRule,
            double target) {
        Map<String, OptionalInt> result = new LinkedHashMap<>();
        meanAccuracyPerRule.forEach((rule, means) -> result.put(rule, of(sizes, means, target)));
        return result;
    }

    /**
     * One summary line, e.g. {@code "pal: 10 hidden units reach a mean accuracy of 90.0 %"} or
     * {@code "fa: no hidden size up to 120 reaches a mean accuracy of 90.0 %"}.
     */
    public static String describe(String rule, OptionalInt smallest, int[] sizes, double target) {
        String accuracy = String.format(Locale.ROOT, "a mean accuracy of %.1f %%", 100 * target);
        if (smallest.isPresent()) {
            return rule + ": " + smallest.getAsInt() + " hidden units reach " + accuracy;
        }
        int largest = 0;
        for (int s : sizes) {
            largest = Math.max(largest, s);
        }
        return rule + ": no hidden size up to " + largest + " reaches " + accuracy;
    }
}
