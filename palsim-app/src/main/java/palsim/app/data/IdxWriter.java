package palsim.app.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import palsim.core.data.Dataset;

/**
 * Writes IDX files in the layout {@link IdxReader} reads (unsigned bytes; images with 3
 * dimensions, labels with 1), gzip-compressed when the file name ends in {@code .gz}. Used to
 * make small MNIST-layout data sets for tests and smoke runs, and to export subsets.
 */
public final class IdxWriter {
    private IdxWriter() {}

    /**
     * Writes {@code pixels.length / (rows × columns)} images; each byte is one pixel (0..255,
     * stored as Java's signed byte), row-major per image.
     */
    public static void writeImages(Path file, int rows, int columns, byte[] pixels) {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("rows and columns must be > 0, got " + rows + " × " + columns);
        }
        if (pixels.length == 0 || pixels.length % (rows * columns) != 0) {
            throw new IllegalArgumentException("pixels: " + pixels.length + " bytes is not a positive whole number of "
                    + rows + " × " + columns + " images");
        }
        write(file, IdxReader.IMAGES_MAGIC, new int[] {pixels.length / (rows * columns), rows, columns}, pixels);
    }

    /** Writes one label (0..255) per sample. */
    public static void writeLabels(Path file, int[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels: need at least one");
        }
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " does not fit an unsigned byte");
            }
            bytes[i] = (byte) labels[i];
        }
        write(file, IdxReader.LABELS_MAGIC, new int[] {labels.length}, bytes);
    }

    /**
     * Writes a data set of {@code rows × columns} images with features in [0, 1] as an image and a
     * label file; pixels are quantised to {@code round(255·x)}, so reading back reproduces the
     * features to within 1/510.
     */
    public static void writeDataset(Path images, Path labels, Dataset dataset, int rows, int columns) {
        if (dataset.dimension() != rows * columns) {
            throw new IllegalArgumentException("dataset has " + dataset.dimension() + " features per sample, not "
                    + rows + " × " + columns);
        }
        float[] features = dataset.features();
        byte[] pixels = new byte[features.length];
        for (int i = 0; i < features.length; i++) {
            float x = features[i];
            if (!(x >= 0f && x <= 1f)) {
                throw new IllegalArgumentException("features[" + i + "] = " + x + " outside [0, 1]");
            }
            pixels[i] = (byte) Math.round(255f * x);
        }
        writeImages(images, rows, columns, pixels);
        writeLabels(labels, dataset.labels());
    }

    private static void write(Path file, int magic, int[] shape, byte[] elements) {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream stored = Files.newOutputStream(file);
                OutputStream body = gzip ? new GZIPOutputStream(stored, 1 << 16) : new BufferedOutputStream(stored, 1 << 16);
                DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(magic); // big-endian, as IDX requires
            for (int size : shape) {
                out.writeInt(size);
            }
            out.write(elements);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
