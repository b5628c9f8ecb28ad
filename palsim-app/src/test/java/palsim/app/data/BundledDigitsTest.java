package palsim.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.core.data.Dataset;

class BundledDigitsTest {

    private static int[] classCounts(Dataset data) {
        int[] counts = new int[data.classes()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void bundledDigitsAreTenThousand28x28ImagesWithPixelsInUnitInterval() {
        Dataset digits = BundledDigits.all();
        assertThat(digits.size()).isEqualTo(10_000);
        assertThat(digits.dimension()).isEqualTo(784);
        assertThat(digits.classes()).isEqualTo(10);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : digits.features()) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void firstEightThousandDigitsHaveTheReadmeClassCounts() {
        assertThat(classCounts(BundledDigits.all().slice(0, 8_000)))
                .containsExactly(804, 882, 804, 815, 772, 701, 818, 852, 760, 792);
    }

    @Test
    void sampleSplitIsTheFirst8000ForTrainingAndTheLast2000ForTesting() {
        DataSplit split = BundledDigits.sampleSplit();
        Dataset all = BundledDigits.all();
        assertThat(split.train().size()).isEqualTo(8_000);
        assertThat(split.test().size()).isEqualTo(2_000);
        assertThat(split.validation()).isEmpty();
        assertThat(split.train().labels()).isEqualTo(all.slice(0, 8_000).labels());
        assertThat(split.test().features()).isEqualTo(all.slice(8_000, 10_000).features());
        assertThat(classCounts(split.train())).containsExactly(804, 882, 804, 815, 772, 701, 818, 852, 760, 792);
    }

    @Test
    void splitTakesTheFirstDigitsForTrainingAndTheLastForTesting() {
        DataSplit split = BundledDigits.split(300, 100);
        Dataset all = BundledDigits.all();
        assertThat(split.description()).isEqualTo("bundled MNIST digits, train = first 300, test = last 100");
        assertThat(split.validation()).isEmpty();
        assertThat(split.train().features()).isEqualTo(all.slice(0, 300).features());
        assertThat(split.train().labels()).isEqualTo(all.slice(0, 300).labels());
        assertThat(split.test().features()).isEqualTo(all.slice(9_900, 10_000).features());
        assertThat(split.test().labels()).isEqualTo(all.slice(9_900, 10_000).labels());
        assertThat(split.files()).isEqualTo(BundledDigits.sampleSplit().files());
        assertThat(BundledDigits.sampleSplit().description())
                .isEqualTo("bundled MNIST digits, train = first 8000, test = last 2000");
        assertThatThrownBy(() -> BundledDigits.split(8_001, 2_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bundledFilesHaveTheReadmeChecksums() {
        assertThat(BundledDigits.sampleSplit().files()).extracting(DataFile::sha256).containsExactly(
                "e5231945737a88e9ef12b88ff0a92838504741d18ddafb5530a545d1320c8935",
                "98c415f5018cf576588fc6516918c9786c4ac1ed54182a41094c1abe6d88ada6");
    }
}
