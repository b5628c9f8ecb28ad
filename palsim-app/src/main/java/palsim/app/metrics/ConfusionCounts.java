package palsim.app.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * A confusion matrix of counts: {@code counts[label][predicted]} = how many samples of class
 * {@code label} were predicted as class {@code predicted}. Rows are the true classes, so the
 * diagonal holds the correct predictions. Counts of several seeds add up ({@link #plus}).
 *
 * @param counts {@code classes × classes} non-negative counts
 */
public record ConfusionCounts(long[][] counts) {

    public ConfusionCounts {
        if (counts.length == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " entries, expected "
                        + counts.length);
            }
            for (long c : counts[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c + " in row " + i);
                }
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /**
     * Counts the pairs ({@code labels[i]}, {@code predicted[i]}).
     *
     * @throws IllegalArgumentException if the lengths differ or a class lies outside {@code [0, classes)}
     */
    public static ConfusionCounts of(int[] labels, int[] predicted, int classes) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + predicted.length + " predictions");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("sample " + i + ": label " + labels[i] + ", prediction "
                        + predicted[i] + " outside [0, " + classes + ")");
            }
            counts[labels[i]][predicted[i]]++;
        }
        return new ConfusionCounts(counts);
    }

    /** The element-wise sum of several matrices of the same size (e.g. one per seed). */
    public static ConfusionCounts sum(List<ConfusionCounts> matrices) {
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum");
        }
        ConfusionCounts total = matrices.getFirst();
        for (int i = 1; i < matrices.size(); i++) {
            total = total.plus(matrices.get(i));
        }
        return total;
    }

    /** The element-wise sum with {@code other}, which must have as many classes. */
    public ConfusionCounts plus(ConfusionCounts other) {
        if (other.classes() != classes()) {
            throw new IllegalArgumentException(other.classes() + " classes added to " + classes());
        }
        long[][] sum = new long[classes()][classes()];
        for (int i = 0; i < classes(); i++) {
            for (int j = 0; j < classes(); j++) {
                sum[i][j] = Math.addExact(counts[i][j], other.counts[i][j]);
            }
        }
        return new ConfusionCounts(sum);
    }

    public int classes() {
        return counts.length;
    }

    /** {@code counts[label][predicted]}. */
    public long count(int label, int predicted) {
        return counts[label][predicted];
    }

    /** A copy of the counts. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** All samples counted. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            total += Arrays.stream(row).sum();
        }
        return total;
    }

    /** Samples of class {@code label}. */
    public long rowTotal(int label) {
        return Arrays.stream(counts[label]).sum();
    }

    /** The fraction on the diagonal; NaN when nothing was counted. */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < classes(); i++) {
            correct += counts[i][i];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Each row divided by its total: the fraction of class {@code label} predicted as each class (NaN rows for absent classes). */
    public double[][] rowFractions() {
        double[][] fractions = new double[classes()][classes()];
        for (int i = 0; i < classes(); i++) {
            long total = rowTotal(i);
            for (int j = 0; j < classes(); j++) {
                fractions[i][j] = total == 0 ? Double.NaN : (double) counts[i][j] / total;
            }
        }
        return fractions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionCounts other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionCounts" + Arrays.deepToString(counts);
    }
}
