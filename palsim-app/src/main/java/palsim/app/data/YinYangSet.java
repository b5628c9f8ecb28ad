package palsim.app.data;

import palsim.core.data.Dataset;

/**
 * One generated Yin-Yang set in double precision (see {@link YinYang}).
 *
 * @param features {@code size × 4} doubles, row-major: x, y, 1 − x, 1 − y
 * @param labels the class of each sample, in {@code [0, 3)}
 * @param seed the seed it was generated from
 */
public record YinYangSet(double[] features, int[] labels, long seed) {

    public YinYangSet {
        if (features.length != (long) labels.length * YinYang.FEATURES) {
            throw new IllegalArgumentException(features.length + " features for " + labels.length + " samples");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The first coordinate of sample {@code i}. */
    public double x(int i) {
        return features[i * YinYang.FEATURES];
    }

    /** The second coordinate of sample {@code i}. */
    public double y(int i) {
        return features[i * YinYang.FEATURES + 1];
    }

    /** The points as {@code size × 2} coordinates (x, y), row-major, for plotting. */
    public double[] points() {
        double[] xy = new double[2 * size()];
        for (int i = 0; i < size(); i++) {
            xy[2 * i] = x(i);
            xy[2 * i + 1] = y(i);
        }
        return xy;
    }

    /** Samples per class. */
    public int[] classCounts() {
        int[] counts = new int[YinYang.CLASSES];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The set as float features, each double rounded to the nearest float (what a float32 network receives). */
    public Dataset dataset() {
        float[] f = new float[features.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) features[i];
        }
        return new Dataset(f, labels.clone(), YinYang.FEATURES, YinYang.CLASSES);
    }
}
