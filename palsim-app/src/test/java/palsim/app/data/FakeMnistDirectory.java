package palsim.app.data;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.rng.RandomStreams;

/**
 * Writes a small directory in the official MNIST layout (the four {@code *-ubyte.gz} files of
 * {@link OfficialMnist#FILE_NAMES}) with synthetic 28 × 28 digits, so the full-protocol
 * {@code fig1fgh} preset can be smoke-tested in seconds without the real data.
 *
 * <p>Sample {@code i} has label {@code i mod 10}; its image is a bright 7 × 7 square at a
 * position that depends on the label (a 4 × 3 grid of positions, so classes are easy to tell
 * apart: an autoencoder's latents separate them), plus seeded uniform background noise.
 */
public final class FakeMnistDirectory {
    private FakeMnistDirectory() {}

    /** Writes {@code trainCount} training and {@code testCount} test digits into {@code directory} (which must exist). */
    public static Path create(Path directory, int trainCount, int testCount, long seed) {
        UniformRandomProvider random = RandomStreams.derived(seed, "fake-mnist", 0);
        IdxWriter.writeImages(directory.resolve(OfficialMnist.TRAIN_IMAGES + ".gz"), 28, 28, images(trainCount, random));
        IdxWriter.writeLabels(directory.resolve(OfficialMnist.TRAIN_LABELS + ".gz"), labels(trainCount));
        IdxWriter.writeImages(directory.resolve(OfficialMnist.TEST_IMAGES + ".gz"), 28, 28, images(testCount, random));
        IdxWriter.writeLabels(directory.resolve(OfficialMnist.TEST_LABELS + ".gz"), labels(testCount));
        return directory;
    }

    static int[] labels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % OfficialMnist.CLASSES;
        }
        return labels;
    }

    static byte[] images(int count, UniformRandomProvider random) {
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            int label = i % OfficialMnist.CLASSES;
            int top = 2 + 8 * (label / 3);
            int left = 2 + 8 * (label % 3);
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                int column = p % 28;
                boolean square = row >= top && row < top + 7 && column >= left && column < left + 7;
                pixels[i * 784 + p] = (byte) (square ? 200 + random.nextInt(56) : random.nextInt(40));
            }
        }
        return pixels;
    }
}
