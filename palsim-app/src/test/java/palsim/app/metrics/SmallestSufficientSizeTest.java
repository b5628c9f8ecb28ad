package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SmallestSufficientSizeTest {
    private static final int[] SIZES = {5, 10, 20, 30, 60, 120};

    @Test
    void smallestSizeWhoseMeanReachesTheTarget() {
        double[] pal = {0.60, 0.88, 0.93, 0.95, 0.96, 0.97};
        double[] fa = {0.55, 0.70, 0.85, 0.90, 0.93, 0.95};
        assertThat(SmallestSufficientSize.of(SIZES, pal, 0.9)).hasValue(20);
        assertThat(SmallestSufficientSize.of(SIZES, fa, 0.9)).hasValue(30);
        assertThat(SmallestSufficientSize.of(SIZES, fa, 0.99)).isEmpty();
        // "Reaches" includes equality.
        assertThat(SmallestSufficientSize.of(SIZES, fa, 0.93)).hasValue(60);
    }

    @Test
    void sizesMayComeInAnyOrderAndADipDoesNotMatter() {
        int[] sizes = {120, 5, 30, 10};
        double[] means = {0.95, 0.5, 0.91, 0.92};
        // 10 reaches 0.9 although 30 is lower than 10 would suggest; the smallest size that reaches it wins.
        assertThat(SmallestSufficientSize.of(sizes, means, 0.9)).hasValue(10);
    }

    @Test
    void nanMeansNeverCount() {
        assertThat(SmallestSufficientSize.of(new int[] {5, 10}, new double[] {Double.NaN, 0.95}, 0.9)).hasValue(10);
    }

    @Test
    void meansOverSeedsUseTheFiniteSeeds() {
        // perSeed[seed][size]; means over seeds: 0.89, 0.92, 0.95 (the NaN seed left out at size 20)
        double[][] perSeed = {{0.80, 0.91, Double.NaN}, {0.98, 0.93, 0.95}};
        assertThat(SmallestSufficientSize.ofSeeds(new int[] {5, 10, 20}, perSeed, 0.9)).hasValue(10);
        assertThat(SmallestSufficientSize.ofSeeds(new int[] {5, 10, 20}, perSeed, 0.89)).hasValue(5);
        assertThatThrownBy(() -> SmallestSufficientSize.ofSeeds(new int[] {5, 10}, perSeed, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 accuracies for 2 sizes");
    }

    @Test
    void perRuleKeepsTheRulesOrderAndDescribesEachResult() {
        Map<String, double[]> means = new LinkedHashMap<>();
        means.put("pal", new double[] {0.6, 0.88, 0.93, 0.95, 0.96, 0.97});
        means.put("fa", new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.89});
        Map<String, OptionalInt> smallest = SmallestSufficientSize.perRule(SIZES, means, 0.9);
        assertThat(smallest.keySet()).containsExactly("pal", "fa");
        assertThat(SmallestSufficientSize.describe("pal", smallest.get("pal"), SIZES, 0.9))
                .isEqualTo("pal: 20 hidden units reach a mean accuracy of 90.0 %");
        assertThat(SmallestSufficientSize.describe("fa", smallest.get("fa"), SIZES, 0.9))
                .isEqualTo("fa: no hidden size up to 120 reaches a mean accuracy of 90.0 %");
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> SmallestSufficientSize.of(new int[] {5}, new double[] {0.5, 0.6}, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 sizes for 2 accuracies");
        assertThatThrownBy(() -> SmallestSufficientSize.of(new int[] {5, 5}, new double[] {0.5, 0.6}, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> SmallestSufficientSize.of(new int[] {0}, new double[] {0.5}, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmallestSufficientSize.of(SIZES, new double[6], Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
