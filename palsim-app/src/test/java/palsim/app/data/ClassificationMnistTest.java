package palsim.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.core.data.Dataset;

class ClassificationMnistTest {
    @TempDir
    Path dir;

    private static int[] classCounts(Dataset data) {
        int[] counts = new int[data.classes()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** Images of two pixels whose bytes spell the sample's index (high byte, low byte), stored /255 as the reader does. */
    private static Dataset indexed(int size) {
        float[] pixels = new float[2 * size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            pixels[2 * i] = (i >>> 8) / 255f;
            pixels[2 * i + 1] = (i & 0xFF) / 255f;
            labels[i] = i % 10;
        }
        return new Dataset(pixels, labels, 2, 10);
    }

    private static int[] indices(Dataset part) {
        int[] indices = new int[part.size()];
        for (int i = 0; i < indices.length; i++) {
            // Pixels are b/256 now: 256 · p is the byte again, exactly.
            indices[i] = (int) (part.features()[2 * i] * 256) * 256 + (int) (part.features()[2 * i + 1] * 256);
        }
        return indices;
    }

    @Test
    void officialSplitIsTheFirst50000TrainingImagesThenTheLast10000InFileOrder() {
        DataSplit split = ClassificationMnist.split(new OfficialMnist(indexed(60_000), indexed(10_000), List.of()));
        int[] train = indices(split.train());
        int[] validation = indices(split.validation().orElseThrow());
        assertThat(train).hasSize(50_000);
        assertThat(validation).hasSize(10_000);
        for (int i = 0; i < train.length; i++) {
            assertThat(train[i]).isEqualTo(i);
        }
        for (int i = 0; i < validation.length; i++) {
            assertThat(validation[i]).isEqualTo(50_000 + i);
        }
        int[] test = indices(split.test());
        assertThat(test).hasSize(10_000);
        assertThat(test[9_999]).isEqualTo(9_999);
        assertThat(split.validation().orElseThrow().labels()[0]).isEqualTo(0);
        assertThat(split.description()).isEqualTo("official MNIST (pixels / 256), train = training images 0..49999, "
                + "validation = training images 50000..59999, test 10000");
    }

    @Test
    void pixelsAreBytesOver256NotOver255() {
        FakeMnistDirectory.create(dir, 60, 20, 1);
        OfficialMnist raw = OfficialMnist.load(dir);
        DataSplit split = ClassificationMnist.official(dir);
        assertThat(split.train().size()).isEqualTo(50);
        assertThat(split.validation()).get().extracting(Dataset::size).isEqualTo(10);
        assertThat(split.test().size()).isEqualTo(20);
        assertThat(split.files()).isEqualTo(raw.files());
        float max = 0;
        for (int i = 0; i < split.test().features().length; i++) {
            float over255 = raw.test().features()[i];
            float over256 = split.test().features()[i];
            assertThat(over256 * 256f).isEqualTo(Math.round(over255 * 255f));
            max = Math.max(max, over256);
        }
        // The fake digits' bright squares reach byte 255.
        assertThat(max).isEqualTo(255f / 256f);
        assertThat(split.validation().orElseThrow().features())
                .isEqualTo(ClassificationMnist.rescaled(raw.training().slice(50, 60)).features());
    }

    @Test
    void rescalingRecoversEveryByteExactly() {
        float[] over255 = new float[256];
        for (int b = 0; b < 256; b++) {
            over255[b] = b / 255f;
        }
        float[] over256 = ClassificationMnist.rescaled(new Dataset(over255, new int[] {3}, 256, 10)).features();
        for (int b = 0; b < 256; b++) {
            assertThat(over256[b]).isEqualTo(b / 256f);
            assertThat((double) over256[b]).isEqualTo(b / 256.0);
        }
    }

    @Test
    void valuesThatAreNotPixelBytesAreRejected() {
        assertThatThrownBy(() -> ClassificationMnist.rescaled(new Dataset(new float[] {0.5f}, new int[] {0}, 1, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 0");
        assertThatThrownBy(() -> ClassificationMnist.rescaled(new Dataset(new float[] {1.5f}, new int[] {0}, 1, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingFileIsNamedAsForTheOtherMnistExperiments() throws Exception {
        FakeMnistDirectory.create(dir, 30, 10, 3);
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        assertThatThrownBy(() -> ClassificationMnist.official(dir)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(dir.resolve("train-images-idx3-ubyte.gz") + ": not found");
    }

    @Test
    void tooFewTrainingImagesToSplitAreRejected() {
        Dataset one = indexed(1);
        assertThatThrownBy(() -> ClassificationMnist.split(new OfficialMnist(one, one, List.of())))
                .isInstanceOf(DataFileException.class).hasMessageContaining("1 training images");
    }

    @Test
    void bundledSampleIs8000TrainThen1000ValidationThen1000TestInFileOrder() {
        DataSplit split = ClassificationMnist.bundledSample();
        Dataset all = ClassificationMnist.rescaled(BundledDigits.all());
        assertThat(split.train().features()).isEqualTo(all.slice(0, 8_000).features());
        assertThat(split.validation().orElseThrow().features()).isEqualTo(all.slice(8_000, 9_000).features());
        assertThat(split.test().features()).isEqualTo(all.slice(9_000, 10_000).features());
        assertThat(split.test().labels()).isEqualTo(all.slice(9_000, 10_000).labels());
        assertThat(classCounts(split.train())).containsExactly(804, 882, 804, 815, 772, 701, 818, 852, 760, 792);
        assertThat(classCounts(split.validation().orElseThrow())).containsExactly(88, 123, 86, 126, 101, 84, 105, 105, 93, 89);
        assertThat(classCounts(split.test())).containsExactly(109, 122, 101, 91, 107, 78, 91, 113, 91, 97);
        assertThat(split.files()).hasSize(2);
        float max = 0;
        for (float p : split.train().features()) {
            max = Math.max(max, p);
        }
        assertThat(max).isEqualTo(255f / 256f);
    }

    @Test
    void supervisorTargetsAreHighForTheLabelAndLowElsewhere() {
        assertThat(SupervisorTargets.REFERENCE.of(2, 4)).containsExactly(0.1, 0.1, 1.0, 0.1);
        float[] f = new float[3];
        new SupervisorTargets(0.9, 0.05).fill(0, f);
        assertThat(f).containsExactly(0.9f, 0.05f, 0.05f);
        double[] d = {7, 7};
        new SupervisorTargets(2, -1).fill(1, d);
        assertThat(d).containsExactly(-1, 2);
        assertThatThrownBy(() -> SupervisorTargets.REFERENCE.of(3, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 3");
        assertThatThrownBy(() -> new SupervisorTargets(Double.NaN, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
