package palsim.app.experiment.autoencoder;

import java.nio.file.Path;
import java.util.Optional;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.app.data.BundledDigits;
import palsim.app.data.OfficialMnist;

/**
 * The {@code data} section: which digits the autoencoder learns and is scored on.
 *
 * <ul>
 *   <li>{@code source: official} — the official MNIST files in {@code dir} (le-network.md §3.2):
 *       per run seed, a seeded split of the 60,000 training images into {@code train_size}
 *       (50,000) training and the rest (10,000) validation images; the first {@code test_size}
 *       (10,000) official test images are the test set.
 *   <li>{@code source: bundled} — the 10,000 digits shipped with palsim: train = the first
 *       {@code train_size} (8,000), test = the last {@code test_size} (2,000), no validation.
 * </ul>
 *
 * @param source where the digits come from
 * @param directory the official files' directory (official only), as given (relative to the
 *     working directory)
 * @param trainSize training samples (before drop_last)
 * @param testSize test samples (before drop_last)
 */
public record DataSettings(Source source, Optional<Path> directory, int trainSize, int testSize) {

    /** Where the digits come from. */
    public enum Source {
        /** The 10,000 digits inside palsim ({@link BundledDigits}); no validation split. */
        BUNDLED,
        /** The official MNIST files in a directory ({@link OfficialMnist}); split per seed into train and validation. */
        OFFICIAL;

        /** Whether this source has a validation split. */
        public boolean hasValidation() {
            return this == OFFICIAL;
        }
    }

    /** The {@code source} key of the {@code data} section. */
    static Source parseSource(ConfigSection data) {
        return data.choice("source", Source.class);
    }

    /** The rest of the {@code data} section, for {@code source} and batches of {@code batchSize}. */
    static DataSettings parse(ConfigSection data, Source source, int batchSize) {
        Optional<Path> directory = Optional.empty();
        int trainSize;
        int testSize;
        if (source == Source.OFFICIAL) {
            directory = Optional.of(Path.of(data.string("dir", "data/mnist")));
            trainSize = data.integer("train_size", OfficialMnist.OFFICIAL_TRAIN_SPLIT, Bounds.atLeast(batchSize));
            testSize = data.integer("test_size", 10_000, Bounds.atLeast(batchSize));
        } else {
            if (data.has("dir")) {
                throw data.error("dir", "only used with source: official (the bundled digits are inside palsim)");
            }
            trainSize = data.integer("train_size", BundledDigits.SAMPLE_TRAIN_SIZE, Bounds.atLeast(batchSize));
            testSize = data.integer("test_size", BundledDigits.SAMPLE_TEST_SIZE, Bounds.atLeast(batchSize));
            if (trainSize + testSize > BundledDigits.SIZE) {
                throw data.error("train_size + test_size must not exceed the " + BundledDigits.SIZE
                        + " bundled digits, got " + trainSize + " + " + testSize);
            }
        }
        return new DataSettings(source, directory, trainSize, testSize);
    }

}
