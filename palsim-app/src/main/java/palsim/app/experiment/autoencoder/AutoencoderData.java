package palsim.app.experiment.autoencoder;

import java.nio.file.Path;
import java.util.List;
import palsim.app.InputException;
import palsim.app.data.BundledDigits;
import palsim.app.data.DataFile;
import palsim.app.data.DataSplit;
import palsim.app.data.OfficialMnist;
import palsim.core.data.Dataset;

/**
 * The digits of one run, loaded once and split per run seed (le-network.md §3.2): the official
 * training set is split anew for every seed, as the reference seeds its {@code random_split} with
 * the run seed; the bundled digits are split the same way for every seed.
 */
abstract sealed class AutoencoderData {

    /**
     * Loads what {@code settings} names; the official data's validation split is copied for each
     * seed only if {@code validationPasses} (protocol.validation_passes), its only use.
     *
     * @throws InputException (exit code 2) naming a missing or malformed file, with a hint to fetch
     *     the official files, or naming a size the files cannot serve
     */
    static AutoencoderData load(DataSettings settings, boolean validationPasses) {
        return switch (settings.source()) {
            case BUNDLED -> new Bundled(settings);
            case OFFICIAL -> new Official(settings, validationPasses);
        };
    }

    /**
     * Checks that the files {@code settings} names are there, without reading them.
     *
     * @throws InputException naming the first missing file, with a hint to fetch the official files
     */
    static void requireFiles(DataSettings settings) {
        if (settings.source() == DataSettings.Source.OFFICIAL) {
            OfficialMnist.requireFiles(directory(settings));
        }
    }

    /** The official files' directory, as the run reads it. */
    private static Path directory(DataSettings settings) {
        return settings.directory().orElseThrow().toAbsolutePath().normalize();
    }

    /** The train / validation / test samples of run seed {@code seed}. */
    abstract DataSplit forSeed(long seed);

    /** One line for the terminal summary and data.json. */
    abstract String description();

    /** Provenance of the files read. */
    abstract List<DataFile> files();

    private static final class Bundled extends AutoencoderData {
        private final DataSplit split;

        Bundled(DataSettings settings) {
            split = BundledDigits.split(settings.trainSize(), settings.testSize());
        }

        @Override
        DataSplit forSeed(long seed) {
            return split;
        }

        @Override
        String description() {
            return split.description();
        }

        @Override
        List<DataFile> files() {
            return split.files();
        }
    }

    private static final class Official extends AutoencoderData {
        private final OfficialMnist mnist;
        private final int trainSize;
        private final Dataset test;
        private final boolean validation;

        Official(DataSettings settings, boolean validation) {
            this.validation = validation;
            Path directory = directory(settings);
            mnist = OfficialMnist.load(directory);
            trainSize = settings.trainSize();
            if (trainSize >= mnist.training().size()) {
                throw new InputException("data.train_size: must be less than the " + mnist.training().size()
                        + " training images in " + directory + " (the rest is the validation split), got " + trainSize);
            }
            if (settings.testSize() > mnist.test().size()) {
                throw new InputException("data.test_size: must be at most the " + mnist.test().size()
                        + " test images in " + directory + ", got " + settings.testSize());
            }
            test = mnist.test().slice(0, settings.testSize());
        }

        @Override
        DataSplit forSeed(long seed) {
            DataSplit split = mnist.split(seed, trainSize, validation);
            return new DataSplit(split.description(), split.train(), split.validation(), test, split.files());
        }

        @Override
        List<DataFile> files() {
            return mnist.files();
        }

        @Override
        String description() {
            return "official MNIST, per-seed split " + trainSize + "/" + (mnist.training().size() - trainSize)
                    + ", test " + test.size();
        }
    }
}
