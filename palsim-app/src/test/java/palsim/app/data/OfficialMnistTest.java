package palsim.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.core.data.Dataset;
import palsim.core.rng.RandomStreams;

class OfficialMnistTest {
    @TempDir
    Path dir;

    /** A training set whose feature value is the sample's original index, so splits can be traced. */
    private static OfficialMnist indexed(int trainingSize) {
        float[] features = new float[trainingSize];
        int[] labels = new int[trainingSize];
        for (int i = 0; i < trainingSize; i++) {
            features[i] = i;
            labels[i] = i % 10;
        }
        Dataset test = new Dataset(new float[] {0f}, new int[] {0}, 1, 10);
        return new OfficialMnist(new Dataset(features, labels, 1, 10), test, List.of());
    }

    private static int[] originalIndices(Dataset part) {
        int[] indices = new int[part.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (int) part.features()[i];
        }
        return indices;
    }

    @Test
    void loadsTheFourOfficialFilesFromADirectory() {
        FakeMnistDirectory.create(dir, 60, 20, 1);
        OfficialMnist mnist = OfficialMnist.load(dir);
        assertThat(mnist.training().size()).isEqualTo(60);
        assertThat(mnist.test().size()).isEqualTo(20);
        assertThat(mnist.training().dimension()).isEqualTo(784);
        assertThat(mnist.training().labels()).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0);
        assertThat(mnist.files()).extracting(DataFile::source).containsExactly(
                dir.resolve("train-images-idx3-ubyte.gz").toString(), dir.resolve("train-labels-idx1-ubyte.gz").toString(),
                dir.resolve("t10k-images-idx3-ubyte.gz").toString(), dir.resolve("t10k-labels-idx1-ubyte.gz").toString());
    }

    @Test
    void uncompressedFilesAreReadLikeCompressedOnes() throws IOException {
        Path gz = Files.createDirectory(dir.resolve("gz"));
        Path raw = Files.createDirectory(dir.resolve("raw"));
        FakeMnistDirectory.create(gz, 30, 10, 2);
        for (String name : OfficialMnist.FILE_NAMES) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz.resolve(name + ".gz")))) {
                Files.write(raw.resolve(name), in.readAllBytes());
            }
        }
        OfficialMnist fromGzip = OfficialMnist.load(gz);
        OfficialMnist fromRaw = OfficialMnist.load(raw);
        assertThat(fromRaw.training().features()).isEqualTo(fromGzip.training().features());
        assertThat(fromRaw.test().labels()).isEqualTo(fromGzip.test().labels());
    }

    @Test
    void missingFileIsNamedWithAHintToFetchIt() throws IOException {
        FakeMnistDirectory.create(dir, 30, 10, 3);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> OfficialMnist.load(dir)).isInstanceOf(DataFileException.class)
                .hasMessage(dir.resolve("t10k-labels-idx1-ubyte.gz") + ": not found (nor t10k-labels-idx1-ubyte "
                        + "uncompressed); download the official MNIST files with: palsim data fetch mnist --dir " + dir);
    }

    @Test
    void imagesOtherThan28x28AreRejected() {
        FakeMnistDirectory.create(dir, 30, 10, 4);
        IdxWriter.writeImages(dir.resolve("t10k-images-idx3-ubyte.gz"), 14, 56, new byte[10 * 784]);
        assertThatThrownBy(() -> OfficialMnist.load(dir)).isInstanceOf(DataFileException.class)
                .hasMessage(dir.resolve("t10k-images-idx3-ubyte.gz") + ": images are 14 × 56 pixels, MNIST needs 28 × 28");
    }

    @Test
    void imageAndLabelCountMismatchIsRejected() {
        FakeMnistDirectory.create(dir, 30, 10, 5);
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), new int[29]);
        assertThatThrownBy(() -> OfficialMnist.load(dir)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("29 labels for 30 images");
    }

    @Test
    void officialTrainingSetSplitsInto50000TrainAnd10000Validation() {
        DataSplit split = indexed(60_000).split(1);
        assertThat(split.train().size()).isEqualTo(50_000);
        assertThat(split.validation()).get().extracting(Dataset::size).isEqualTo(10_000);
        assertThat(split.test().size()).isEqualTo(1);
    }

    @Test
    void splitPartitionsTheTrainingSetWithoutLosingOrRepeatingSamples() {
        DataSplit split = indexed(600).split(7);
        assertThat(split.train().size()).isEqualTo(500);
        int[] all = new int[600];
        int[] train = originalIndices(split.train());
        int[] validation = originalIndices(split.validation().orElseThrow());
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(validation, 0, all, train.length, validation.length);
        Arrays.sort(all);
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
        // Labels travel with their images.
        for (int i = 0; i < train.length; i++) {
            assertThat(split.train().labels()[i]).isEqualTo(train[i] % 10);
        }
    }

    @Test
    void splitWithoutValidationHasTheSameTrainingSplitAndNoValidationCopy() {
        OfficialMnist mnist = indexed(600);
        DataSplit with = mnist.split(7, 500);
        DataSplit without = mnist.split(7, 500, false);
        assertThat(without.validation()).isEmpty();
        assertThat(without.description()).isEqualTo(with.description());
        assertThat(without.train().features()).isEqualTo(with.train().features());
        assertThat(without.train().labels()).isEqualTo(with.train().labels());
        assertThat(without.test()).isSameAs(with.test());
        assertThat(mnist.split(7, 500, true).validation().orElseThrow().features())
                .isEqualTo(with.validation().orElseThrow().features());
    }

    @Test
    void splitIsAPureFunctionOfTheSeed() {
        OfficialMnist mnist = indexed(600);
        assertThat(originalIndices(mnist.split(3).train())).isEqualTo(originalIndices(mnist.split(3).train()));
        assertThat(originalIndices(mnist.split(3).train())).isNotEqualTo(originalIndices(mnist.split(4).train()));
    }

    @Test
    void splitIsShuffledNotTheFirstRowsInFileOrder() {
        int[] train = originalIndices(indexed(600).split(1).train());
        int[] firstRows = new int[500];
        Arrays.setAll(firstRows, i -> i);
        assertThat(train).isNotEqualTo(firstRows);
        // Validation draws from the whole file, not just its tail: its mean index is near the middle.
        double mean = Arrays.stream(originalIndices(indexed(600).split(1).validation().orElseThrow())).average().orElseThrow();
        assertThat(mean).isBetween(200.0, 400.0);
    }

    @Test
    void permutationIsUniform() {
        // Position of element 0 after 20,000 shuffles of 5 elements: each position ~4,000 times.
        int[] counts = new int[5];
        var random = RandomStreams.derived(11, "test", 0);
        for (int r = 0; r < 20_000; r++) {
            int[] p = RandomStreams.permutation(5, random);
            for (int i = 0; i < 5; i++) {
                if (p[i] == 0) {
                    counts[i]++;
                }
            }
        }
        for (int c : counts) {
            assertThat(c).isBetween(3_700, 4_300); // ±5 binomial standard deviations (σ ≈ 57)
        }
    }

    @Test
    void trainSizeOutsideTheTrainingSetIsRejected() {
        assertThatThrownBy(() -> indexed(10).split(1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trainSize");
        assertThatThrownBy(() -> indexed(10).split(1, 0)).hasMessageContaining("trainSize");
    }
}
