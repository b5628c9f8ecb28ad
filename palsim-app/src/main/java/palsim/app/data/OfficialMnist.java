package palsim.app.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import palsim.core.data.Dataset;
import palsim.core.rng.RandomStreams;

/**
 * The official MNIST files in a directory the user names (le-network.md §3.2): the 60,000-image
 * training set and the 10,000-image test set, 28 × 28 pixels scaled to [0, 1] (no further
 * normalisation), 10 classes.
 *
 * <p>Each of {@link #FILE_NAMES} may be stored raw or gzip-compressed ({@code name} or
 * {@code name.gz}); when both exist the {@code .gz} is read, because that is what
 * {@code palsim data fetch mnist} downloads and checks. The counts are not required to be
 * 60,000 / 10,000, so a small directory in the same layout serves for tests (see
 * {@link #split(long)} for how the split scales).
 *
 * @param training the official training set, in file order
 * @param test the official test set, in file order
 * @param files provenance of the four files
 */
public record OfficialMnist(Dataset training, Dataset test, List<DataFile> files) {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four official files, without the {@code .gz} suffix. */
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    public static final int CLASSES = 10;
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    /** The reference's split of the 60,000 training images: 50,000 train + 10,000 validation. */
    public static final int OFFICIAL_TRAIN_SPLIT = 50_000;
    public static final int OFFICIAL_VALIDATION_SPLIT = 10_000;

    /** Seed purpose of the train/validation permutation (see {@link RandomStreams#derived}). */
    static final String SPLIT_STREAM = "mnist-validation-split";

    public OfficialMnist {
        files = List.copyOf(files);
    }

    /**
     * Reads the four files from {@code directory}.
     *
     * @throws DataFileException naming the file if one is missing (with a hint to fetch them),
     *     unreadable or malformed, not 28 × 28, or if image and label counts differ
     */
    public static OfficialMnist load(Path directory) {
        Path trainImages = locate(directory, TRAIN_IMAGES);
        Path trainLabels = locate(directory, TRAIN_LABELS);
        Path testImages = locate(directory, TEST_IMAGES);
        Path testLabels = locate(directory, TEST_LABELS);
        IdxImages trainX = requireMnistShape(IdxReader.readImages(trainImages));
        IdxLabels trainY = IdxReader.readLabels(trainLabels, CLASSES);
        IdxImages testX = requireMnistShape(IdxReader.readImages(testImages));
        IdxLabels testY = IdxReader.readLabels(testLabels, CLASSES);
        return new OfficialMnist(IdxReader.toDataset(trainX, trainY, CLASSES), IdxReader.toDataset(testX, testY, CLASSES),
                List.of(trainX.file(), trainY.file(), testX.file(), testY.file()));
    }

    /**
     * The reference's split (le-network.md §3.2): a seeded random permutation of the training set
     * whose first 5/6 are the training split and the rest the validation split — exactly 50,000 /
     * 10,000 for the official 60,000 images; the official test set is the test split. Like the
     * reference's {@code random_split}, both parts keep the permuted order. The permutation is a
     * Fisher–Yates shuffle driven by {@code RandomStreams.derived(seed, "mnist-validation-split", 0)},
     * so it is a pure function of the run seed (the reference's torch stream cannot be reproduced).
     */
    public DataSplit split(long seed) {
        return split(seed, Math.toIntExact(Math.round(training.size() * (double) OFFICIAL_TRAIN_SPLIT
                / (OFFICIAL_TRAIN_SPLIT + OFFICIAL_VALIDATION_SPLIT))));
    }

    /** As {@link #split(long)} with an explicit training-split size in {@code [1, training size)}. */
    public DataSplit split(long seed, int trainSize) {
        return split(seed, trainSize, true);
    }

    /**
     * As {@link #split(long, int)}; without {@code withValidation} the validation part is left out
     * (empty) instead of copied. The training split, the test split and the description are the
     * same either way.
     */
    public DataSplit split(long seed, int trainSize, boolean withValidation) {
        if (trainSize < 1 || trainSize >= training.size()) {
            throw new IllegalArgumentException("trainSize must be in [1, " + training.size() + "), got " + trainSize);
        }
        int[] order = RandomStreams.permutation(training.size(), RandomStreams.derived(seed, SPLIT_STREAM, 0));
        int[] trainRows = java.util.Arrays.copyOfRange(order, 0, trainSize);
        int[] validationRows = java.util.Arrays.copyOfRange(order, trainSize, order.length);
        String description = "official MNIST, seeded split " + trainSize + "/" + validationRows.length
                + " (seed " + seed + "), test " + test.size();
        Optional<Dataset> validation = withValidation ? Optional.of(training.select(validationRows)) : Optional.empty();
        return new DataSplit(description, training.select(trainRows), validation, test, files);
    }

    /**
     * Checks that the four files are in {@code directory} (compressed or not), without reading them.
     *
     * @throws DataFileException naming the first missing file, with a hint to fetch them
     */
    public static void requireFiles(Path directory) {
        FILE_NAMES.forEach(name -> locate(directory, name));
    }

    /** {@code name.gz} if present, else {@code name}; neither ⇒ an exception telling how to fetch them. */
    static Path locate(Path directory, String name) {
        Path gzip = directory.resolve(name + ".gz");
        if (Files.exists(gzip)) {
            return gzip;
        }
        Path raw = directory.resolve(name);
        if (Files.exists(raw)) {
            return raw;
        }
        throw new DataFileException(gzip.toString(), "not found (nor " + name + " uncompressed); download the "
                + "official MNIST files with: palsim data fetch mnist --dir " + directory);
    }

    static IdxImages requireMnistShape(IdxImages images) {
        if (images.rows() != ROWS || images.columns() != COLUMNS) {
            throw new DataFileException(images.file().source(), "images are " + images.rows() + " × " + images.columns()
                    + " pixels, MNIST needs " + ROWS + " × " + COLUMNS);
        }
        return images;
    }
}
