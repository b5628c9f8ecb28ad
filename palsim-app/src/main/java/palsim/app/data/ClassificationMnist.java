package palsim.app.data;

import java.nio.file.Path;
import java.util.Optional;
import palsim.core.data.Dataset;

/**
 * MNIST as the microcircuit classification protocol uses it (microcircuit-classification.md §6.3):
 * pixel bytes divided by <b>256</b> (not 255), so the 784 input rates lie in [0, 255/256]; no other
 * normalisation; a fixed split in file order, no shuffling.
 *
 * <ul>
 *   <li>{@link #official(Path)}: train = training images 0 … 49,999, validation = training images
 *       50,000 … 59,999, test = the 10,000 official test images;</li>
 *   <li>{@link #bundledSample()}: the 10,000 bundled digits split 8,000 / 1,000 / 1,000 in file
 *       order, for the short preset and tests.</li>
 * </ul>
 *
 * Every value b/256 is exact in float and in double, so both precisions see the same inputs.
 */
public final class ClassificationMnist {
    /** What a pixel byte is divided by. */
    public static final float PIXEL_DIVISOR = 256f;
    /** Bundled sample split: train = the first 8,000 digits, validation = the next 1,000, test = the last 1,000. */
    public static final int SAMPLE_TRAIN_SIZE = 8_000;
    public static final int SAMPLE_VALIDATION_SIZE = 1_000;
    public static final int SAMPLE_TEST_SIZE = 1_000;

    private ClassificationMnist() {}

    /**
     * The official files in {@code directory}: train = the first 50,000 training images, validation
     * = the remaining 10,000, test = the official test set, all in file order. A directory with
     * another number of training images (a small test directory) is split in the same proportion,
     * 5/6 for training, rounded.
     *
     * @throws DataFileException naming the first missing or malformed file
     */
    public static DataSplit official(Path directory) {
        return split(OfficialMnist.load(directory));
    }

    /** The split of {@link #official(Path)} of files already read. */
    public static DataSplit split(OfficialMnist mnist) {
        Dataset training = rescaled(mnist.training());
        int total = training.size();
        int trainSize = Math.toIntExact(Math.round(total * (double) OfficialMnist.OFFICIAL_TRAIN_SPLIT
                / (OfficialMnist.OFFICIAL_TRAIN_SPLIT + OfficialMnist.OFFICIAL_VALIDATION_SPLIT)));
        if (trainSize < 1 || trainSize >= total) {
            throw new DataFileException(mnist.files().isEmpty() ? "training images" : mnist.files().getFirst().source(),
                    "holds " + total + " training images, too few to split into training and validation images");
        }
        Dataset test = rescaled(mnist.test());
        String description = "official MNIST (pixels / 256), train = training images 0.." + (trainSize - 1)
                + ", validation = training images " + trainSize + ".." + (total - 1) + ", test " + test.size();
        return new DataSplit(description, training.slice(0, trainSize), Optional.of(training.slice(trainSize, total)),
                test, mnist.files());
    }

    /** The bundled digits (pixels / 256): train = digits 0 … 7,999, validation = 8,000 … 8,999, test = 9,000 … 9,999. */
    public static DataSplit bundledSample() {
        DataSplit bundled = BundledDigits.split(SAMPLE_TRAIN_SIZE + SAMPLE_VALIDATION_SIZE, SAMPLE_TEST_SIZE);
        Dataset first = rescaled(bundled.train());
        return new DataSplit("bundled MNIST digits (pixels / 256), train = digits 0..7999, validation = digits "
                + "8000..8999, test = digits 9000..9999", first.slice(0, SAMPLE_TRAIN_SIZE),
                Optional.of(first.slice(SAMPLE_TRAIN_SIZE, first.size())), rescaled(bundled.test()), bundled.files());
    }

    /**
     * The same images with each pixel byte divided by 256 instead of 255. The readers store b/255
     * as a float; {@code round(255 · p)} recovers b exactly (the float's error is far below 1/2),
     * and b/256 is exact.
     */
    public static Dataset rescaled(Dataset imagesOver255) {
        float[] in = imagesOver255.features();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            float scaled = in[i] * 255f;
            int b = Math.round(scaled);
            if (b < 0 || b > 255 || Math.abs(scaled - b) > 1e-3f) {
                throw new IllegalArgumentException("feature " + i + " = " + in[i] + " is not a pixel byte / 255");
            }
            out[i] = b / PIXEL_DIVISOR;
        }
        return new Dataset(out, imagesOver255.labels(), imagesOver255.dimension(), imagesOver255.classes());
    }
}
