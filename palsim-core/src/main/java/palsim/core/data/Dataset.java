package palsim.core.data;

import java.util.Arrays;

/**
 * Labelled samples held in memory: {@code size} rows of {@code dimension} features, row-major, and
 * one class label in {@code [0, classes)} per row. Immutable by convention: nothing in palsim writes
 * to the arrays after construction.
 *
 * @param features {@code size × dimension} values, row-major
 * @param labels one label per row
 * @param dimension features per row
 * @param classes number of classes
 */
public record Dataset(float[] features, int[] labels, int dimension, int classes) {

    public Dataset {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if (features.length != (long) labels.length * dimension) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + labels.length + " rows × " + dimension);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
            }
        }
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Rows {@code [from, to)} as a new dataset. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size() + " samples");
        }
        return new Dataset(Arrays.copyOfRange(features, from * dimension, to * dimension),
                Arrays.copyOfRange(labels, from, to), dimension, classes);
    }

    /** The rows at {@code indices}, in that order, as a new dataset. */
    public Dataset select(int[] indices) {
        float[] f = new float[indices.length * dimension];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * dimension, f, i * dimension, dimension);
            l[i] = labels[indices[i]];
        }
        return new Dataset(f, l, dimension, classes);
    }
}
