package palsim.core.le;

import palsim.core.data.Dataset;

/**
 * Where the target y of each sample comes from during training and for the reconstruction error:
 * the input itself (autoencoder, le-network.md §3.2), one-hot labels, or rows supplied per sample.
 */
public interface Targets {

    /** n_K for samples of {@code data}. */
    int dimension(Dataset data);

    /** Writes the target of sample {@code sample} of {@code data} into dst from dstOffset. */
    void copy(Dataset data, int sample, float[] dst, int dstOffset);

    /** y = x: the autoencoder's target is its own input (raw pixels in [0, 1]). */
    static Targets reconstruction() {
        return new Targets() {
            @Override
            public int dimension(Dataset data) {
                return data.dimension();
            }

            @Override
            public void copy(Dataset data, int sample, float[] dst, int dstOffset) {
                System.arraycopy(data.features(), sample * data.dimension(), dst, dstOffset, data.dimension());
            }
        };
    }

    /** y = one-hot(label), {@code classes} wide. */
    static Targets oneHot() {
        return new Targets() {
            @Override
            public int dimension(Dataset data) {
                return data.classes();
            }

            @Override
            public void copy(Dataset data, int sample, float[] dst, int dstOffset) {
                java.util.Arrays.fill(dst, dstOffset, dstOffset + data.classes(), 0f);
                dst[dstOffset + data.labels()[sample]] = 1f;
            }
        };
    }

    /**
     * Targets given per sample: row s of {@code rows} (row-major, {@code dimension} wide) is the
     * target of sample s of whatever dataset is trained on.
     *
     * @throws IllegalArgumentException if rows is not a whole number of rows
     */
    static Targets perSample(float[] rows, int dimension) {
        if (dimension < 1 || rows == null || rows.length % dimension != 0) {
            throw new IllegalArgumentException("targets: need rows of " + dimension + " values, got "
                    + (rows == null ? "none" : rows.length + " values"));
        }
        float[] copy = rows.clone();
        return new Targets() {
            @Override
            public int dimension(Dataset data) {
                if (copy.length / dimension != data.size()) {
                    throw new IllegalArgumentException("targets: " + copy.length / dimension
                            + " rows for a dataset of " + data.size() + " samples");
                }
                return dimension;
            }

            @Override
            public void copy(Dataset data, int sample, float[] dst, int dstOffset) {
                System.arraycopy(copy, sample * dimension, dst, dstOffset, dimension);
            }
        };
    }
}
