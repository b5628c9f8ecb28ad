package palsim.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import palsim.core.data.Dataset;

class YinYangTest {

    private static final int YANG = 0;
    private static final int YIN = 1;
    private static final int DOT = 2;

    // -- numpy's legacy RandomState ---------------------------------------------------------------

    @Test
    void randomSampleIsNumpysRandomStateRand() {
        // numpy.random.RandomState(0).rand(3)
        NumpyLegacyRandom random = new NumpyLegacyRandom(0);
        assertThat(random.randomSample()).isEqualTo(0.5488135039273248);
        assertThat(random.randomSample()).isEqualTo(0.7151893663724195);
        assertThat(random.randomSample()).isEqualTo(0.6027633760716439);
    }

    @Test
    void randintIsNumpysLegacyMaskedRejection() {
        // [numpy.random.RandomState(0).randint(3) for _ in range(20)]
        NumpyLegacyRandom random = new NumpyLegacyRandom(0);
        int[] expected = {0, 1, 0, 1, 1, 2, 0, 2, 0, 0, 0, 2, 1, 2, 2, 0, 1, 1, 1, 1};
        for (int e : expected) {
            assertThat(random.randint(3)).isEqualTo(e);
        }
    }

    @Test
    void randintUsesOneOutputPerAcceptedDrawAndRejectsAboveTheRange() {
        // mask 3 for high = 3: an output whose two low bits are 11 is rejected and the next one used.
        Mt19937 bits = new Mt19937(7);
        NumpyLegacyRandom random = new NumpyLegacyRandom(7);
        for (int i = 0; i < 200; i++) {
            long low;
            do {
                low = bits.nextUnsignedInt() & 3;
            } while (low == 3);
            assertThat(random.randint(3)).isEqualTo((int) low);
        }
        assertThat(new NumpyLegacyRandom(7).randint(1)).isZero();
    }

    // -- the class rule ---------------------------------------------------------------------------

    @Test
    void dotsAreClassTwo() {
        assertThat(YinYang.classOf(0.75, 0.5)).isEqualTo(DOT);
        assertThat(YinYang.classOf(0.25, 0.5)).isEqualTo(DOT);
        assertThat(YinYang.classOf(0.80, 0.52)).isEqualTo(DOT);
        assertThat(YinYang.classOf(0.22, 0.45)).isEqualTo(DOT);
    }

    @Test
    void yinIsTheLeftHalfDiscWithoutItsDotAndTheUpperHalfOutsideTheRightOne() {
        assertThat(YinYang.classOf(0.25, 0.9)).as("upper left").isEqualTo(YIN);
        assertThat(YinYang.classOf(0.75, 0.8)).as("upper right, outside the right half-disc").isEqualTo(YIN);
        assertThat(YinYang.classOf(0.25, 0.3)).as("lower part of the left half-disc").isEqualTo(YIN);
        assertThat(YinYang.classOf(0.1, 0.5)).as("left of the left dot").isEqualTo(YIN);
        assertThat(YinYang.classOf(0.4, 0.5)).as("right of the left dot").isEqualTo(YIN);
    }

    @Test
    void yangIsTheRest() {
        assertThat(YinYang.classOf(0.75, 0.2)).as("lower right").isEqualTo(YANG);
        assertThat(YinYang.classOf(0.25, 0.1)).as("lower left, outside the left half-disc").isEqualTo(YANG);
        assertThat(YinYang.classOf(0.75, 0.7)).as("inside the right half-disc, above its dot").isEqualTo(YANG);
        assertThat(YinYang.classOf(0.95, 0.5)).as("right of the right dot").isEqualTo(YANG);
    }

    @Test
    void boundariesFollowTheRuleAsWritten() {
        // d_L == 0.1 exactly (0.15 − 0.25 is exactly the double 0.1): not a dot (strict <), not yin
        // either (0.1 < d_L is strict), and y is not above 0.5 → yang.
        assertThat(0.15 - 0.25).isEqualTo(-0.1);
        assertThat(YinYang.classOf(0.15, 0.5)).isEqualTo(YANG);
        // d_R == 0.1 exactly: not a dot, but yin by the first criterion d_R <= 0.1.
        double x = 0.8468760032206119;
        double y = 0.5248;
        assertThat(Math.sqrt((x - 0.75) * (x - 0.75) + (y - 0.5) * (y - 0.5))).isEqualTo(0.1);
        assertThat(YinYang.classOf(x, y)).isEqualTo(YIN);
        // d_L == 0.25 exactly belongs to the left half-disc (<=): the disc's left edge and its centre.
        assertThat(YinYang.classOf(0.0, 0.5)).isEqualTo(YIN);
        assertThat(YinYang.classOf(0.5, 0.5)).isEqualTo(YIN);
        assertThat(YinYang.classOf(0.25, 0.25)).isEqualTo(YIN);
        // d_R == 0.25 exactly in the upper half is not outside the right half-disc (strict >).
        assertThat(YinYang.classOf(0.75, 0.75)).isEqualTo(YANG);
        // y > 0.5 is strict.
        assertThat(YinYang.classOf(-0.1, 0.5)).isEqualTo(YANG);
        assertThat(YinYang.classOf(-0.1, Math.nextUp(0.5))).isEqualTo(YIN);
    }

    @Test
    void classNamesFollowTheRuleNotTheReferencesNameList() {
        assertThat(YinYang.CLASS_NAMES).containsExactly("yang", "yin", "dot");
        assertThat(YinYang.CLASS_NAMES.get(YinYang.classOf(0.25, 0.9))).isEqualTo("yin");
    }

    // -- the generated sets -----------------------------------------------------------------------

    @Test
    void referenceSetsHaveTheSpecifiedClassCounts() {
        assertThat(YinYang.generate(6000, 9_876_543).classCounts()).containsExactly(1983, 2007, 2010);
        assertThat(YinYang.generate(900, 9_876_544).classCounts()).containsExactly(311, 300, 289);
        assertThat(YinYang.generate(900, 9_876_545).classCounts()).containsExactly(300, 307, 293);
    }

    @Test
    void referenceSetsAreNumpysBitForBit() throws Exception {
        // SHA-256 of the features as little-endian float64 (row-major) and of the labels as int32, from
        // the same algorithm run with numpy 2.4 (legacy RandomState).
        assertSha(YinYang.generate(6000, 9_876_543),
                "cc40d0c8d185da514a29c4790e9707557b1e9e910330690e0eb0ecd6ced2d604",
                "4ab2e0e385b829ff9d09c18c6038760cb556374dd0851e1381d12177d1aa13ee");
        assertSha(YinYang.generate(900, 9_876_544),
                "19eed32d81a2afaabbe37873f99b189d80c306382771d76375f6423f06fa7af7",
                "7cb1de6a1dd6a23cde75e872ed03ea465bed5667d49253cfc798bca6c07cd5d6");
        assertSha(YinYang.generate(900, 9_876_545),
                "87d8e36da3a2cf8ba20497dc2650fdfcc7ed55c799da9b574fdfeb4acd5d0cb6",
                "52e0aa20a1b44346af1a443fc8dbfcb5eb869cdb758882a758b241c0e27d6f38");
    }

    @Test
    void firstTrainingSamplesAreNumpys() {
        YinYangSet train = YinYang.generate(3, 9_876_543);
        assertThat(train.x(0)).isEqualTo(0.19665303788524024);
        assertThat(train.y(0)).isEqualTo(0.7645611552071782);
        assertThat(train.labels()).containsExactly(YIN, YinYang.classOf(train.x(1), train.y(1)),
                YinYang.classOf(train.x(2), train.y(2)));
    }

    @Test
    void everySampleLiesInTheDiscHasItsRulesClassAndTheMirroredFeatures() {
        YinYangSet set = YinYang.generate(2000, 12345);
        double[] f = set.features();
        for (int i = 0; i < set.size(); i++) {
            double x = set.x(i);
            double y = set.y(i);
            assertThat(Math.hypot(x - 0.5, y - 0.5)).isLessThanOrEqualTo(0.5 + 1e-15);
            assertThat(set.labels()[i]).isEqualTo(YinYang.classOf(x, y));
            assertThat(f[4 * i + 2]).isEqualTo(1 - x);
            assertThat(f[4 * i + 3]).isEqualTo(1 - y);
        }
    }

    @Test
    void floatDatasetRoundsEachDoubleIncludingTheMirroredOnes() throws Exception {
        YinYangSet set = YinYang.generate(900, 9_876_545);
        Dataset data = set.dataset();
        assertThat(data.dimension()).isEqualTo(4);
        assertThat(data.classes()).isEqualTo(3);
        assertThat(data.labels()).isEqualTo(set.labels());
        int differs = 0;
        for (int i = 0; i < set.features().length; i++) {
            assertThat(data.features()[i]).isEqualTo((float) set.features()[i]);
        }
        for (int i = 0; i < set.size(); i++) {
            // 1 − x is taken in double and then rounded, as numpy's float64 array cast to float32;
            // rounding x first would give a different float for some samples.
            differs += (float) (1 - set.x(i)) != 1f - (float) set.x(i) ? 1 : 0;
        }
        assertThat(differs).as("samples where the order of rounding matters").isPositive();
        // numpy: X.astype('<f4').tobytes()
        ByteBuffer bytes = ByteBuffer.allocate(4 * data.features().length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data.features()) {
            bytes.putFloat(v);
        }
        assertThat(sha(bytes.array())).isEqualTo("bea5bc2d85ba105907cb465cc4a772386a22f0dc619c54ee87648713f065e2da");
    }

    @Test
    void defaultSplitIsTheReferencesThreeSets() {
        DataSplit split = YinYang.split();
        assertThat(split.train().size()).isEqualTo(6000);
        assertThat(split.validation()).hasValueSatisfying(v -> assertThat(v.size()).isEqualTo(900));
        assertThat(split.test().size()).isEqualTo(900);
        assertThat(split.test().features()).isEqualTo(YinYang.generate(900, 9_876_545).dataset().features());
        assertThat(split.files()).isEmpty();
        assertThat(split.description()).isEqualTo("Yin-Yang, generated: train 6000 (seed 9876543), "
                + "validation 900 (seed 9876544), test 900 (seed 9876545)");
    }

    @Test
    void configurableSplitDrawsEachSetFromItsOwnSeed() {
        DataSplit split = YinYang.split(30, 1, 0, 2, 20, 3);
        assertThat(split.validation()).isEmpty();
        assertThat(split.train().labels()).isEqualTo(YinYang.generate(30, 1).labels());
        assertThat(split.test().labels()).isEqualTo(YinYang.generate(20, 3).labels());
        // A longer set starts with the shorter one's samples (samples are drawn one after another).
        assertThat(YinYang.generate(50, 1).dataset().slice(0, 30).features()).isEqualTo(split.train().features());
    }

    @Test
    void pointsOfAFloatDatasetAreItsFirstTwoFeatures() {
        YinYangSet set = YinYang.generate(5, 77);
        double[] xy = YinYang.points(set.dataset());
        assertThat(xy).hasSize(10);
        assertThat(xy[2]).isEqualTo((float) set.x(1));
        assertThat(xy[3]).isEqualTo((float) set.y(1));
        assertThat(set.points()[2]).isEqualTo(set.x(1));
        assertThatThrownBy(() -> YinYang.points(new Dataset(new float[2], new int[] {0}, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 features");
    }

    @Test
    void badSizesAndSeedsAreRejected() {
        assertThatThrownBy(() -> YinYang.generate(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> YinYang.generate(10, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> YinYang.generate(10, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSha(YinYangSet set, String features, String labels) throws Exception {
        ByteBuffer f = ByteBuffer.allocate(8 * set.features().length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : set.features()) {
            f.putDouble(v);
        }
        ByteBuffer l = ByteBuffer.allocate(4 * set.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : set.labels()) {
            l.putInt(v);
        }
        assertThat(sha(f.array())).as("features of seed " + set.seed()).isEqualTo(features);
        assertThat(sha(l.array())).as("labels of seed " + set.seed()).isEqualTo(labels);
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
