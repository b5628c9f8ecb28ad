package palsim.app.experiment.classification;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.app.data.ClassificationMnist;
import palsim.app.data.DataSplit;
import palsim.app.data.OfficialMnist;
import palsim.app.data.YinYang;
import palsim.core.data.Dataset;

/**
 * The {@code data} section of a classification run: which task and which samples.
 *
 * <ul>
 *   <li>{@code yinyang}: the Yin-Yang task generated from its seeds ({@code train_size},
 *       {@code validation_size}, {@code test_size}, {@code seeds: [train, validation, test]});
 *   <li>{@code mnist}: the official MNIST files in {@code dir} (training images 0–49 999 train,
 *       50 000–59 999 validate, the test images test), pixels / 256;
 *   <li>{@code mnist_sample}: the 10 000 bundled digits split 8000 / 1000 / 1000, pixels / 256.
 * </ul>
 * For the MNIST tasks {@code train_size}, {@code validation_size} and {@code test_size} keep only the
 * first samples of each split (file order; 0 or absent = all), for shortened runs.
 *
 * @param dataset the task name
 * @param sizes train, validation and test sizes: generated for {@code yinyang}, limits for MNIST (0 = all)
 * @param seeds the Yin-Yang generator's seeds per split
 * @param directory the MNIST directory
 */
public record ClassificationData(String dataset, int[] sizes, long[] seeds, Path directory) {
    public static final String YINYANG = "yinyang";
    public static final String MNIST = "mnist";
    public static final String MNIST_SAMPLE = "mnist_sample";

    static ClassificationData parse(ConfigSection data) {
        String dataset = data.choice("dataset", List.of(YINYANG, MNIST, MNIST_SAMPLE));
        int[] sizes = {YinYang.TRAIN_SIZE, YinYang.VALIDATION_SIZE, YinYang.TEST_SIZE};
        long[] seeds = {YinYang.TRAIN_SEED, YinYang.VALIDATION_SEED, YinYang.TEST_SEED};
        Path directory = null;
        switch (dataset) {
            case YINYANG -> {
                sizes[0] = data.integer("train_size", YinYang.TRAIN_SIZE, Bounds.atLeast(1));
                sizes[1] = data.integer("validation_size", YinYang.VALIDATION_SIZE, Bounds.atLeast(1));
                sizes[2] = data.integer("test_size", YinYang.TEST_SIZE, Bounds.atLeast(1));
                double[] given = data.numbers("seeds", new double[] {seeds[0], seeds[1], seeds[2]}, Bounds.nonNegative());
                if (given.length != 3) {
                    throw data.error("seeds", "needs 3 entries [train, validation, test], got " + given.length);
                }
                for (int i = 0; i < 3; i++) {
                    if (given[i] != Math.rint(given[i]) || given[i] > 0xFFFF_FFFFL) {
                        throw data.error("seeds", "entries must be whole numbers from 0 to 2^32 − 1, got " + given[i]);
                    }
                    seeds[i] = (long) given[i];
                }
            }
            default -> {
                if (dataset.equals(MNIST)) {
                    directory = Path.of(data.string("dir", "data/mnist"));
                }
                sizes[0] = data.integer("train_size", 0, Bounds.nonNegative());
                sizes[1] = data.integer("validation_size", 0, Bounds.nonNegative());
                sizes[2] = data.integer("test_size", 0, Bounds.nonNegative());
            }
        }
        return new ClassificationData(dataset, sizes, seeds, directory);
    }

    /** The feature count of the task. */
    int features() {
        return dataset.equals(YINYANG) ? YinYang.FEATURES : OfficialMnist.ROWS * OfficialMnist.COLUMNS;
    }

    /** The class count of the task. */
    int classes() {
        return dataset.equals(YINYANG) ? YinYang.CLASSES : OfficialMnist.CLASSES;
    }

    /** Class names for figures. */
    List<String> classNames() {
        return dataset.equals(YINYANG) ? YinYang.CLASS_NAMES
                : List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    /** Checks that the files exist (before a run directory is made). */
    void checkFiles() {
        if (dataset.equals(MNIST)) {
            OfficialMnist.requireFiles(directory);
        }
    }

    /** Generates or reads the samples. */
    DataSplit load() {
        return switch (dataset) {
            case YINYANG -> YinYang.split(sizes[0], seeds[0], sizes[1], seeds[1], sizes[2], seeds[2]);
            case MNIST -> limited(ClassificationMnist.official(directory));
            default -> limited(ClassificationMnist.bundledSample());
        };
    }

    /** The first {@code sizes[i]} samples of each split (0 = all). */
    private DataSplit limited(DataSplit split) {
        if (sizes[0] == 0 && sizes[1] == 0 && sizes[2] == 0) {
            return split;
        }
        Dataset train = first(split.train(), sizes[0]);
        Optional<Dataset> validation = split.validation().map(v -> first(v, sizes[1]));
        Dataset test = first(split.test(), sizes[2]);
        String description = split.description() + String.format(java.util.Locale.ROOT, ", shortened to %d / %d / %d",
                train.size(), validation.map(Dataset::size).orElse(0), test.size());
        return new DataSplit(description, train, validation, test, split.files());
    }

    private static Dataset first(Dataset data, int limit) {
        return limit == 0 || limit >= data.size() ? data : data.slice(0, limit);
    }
}
