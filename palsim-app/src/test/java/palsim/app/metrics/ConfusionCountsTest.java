package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

    @Test
    void rowsAreTrueClassesColumnsPredictions() {
        ConfusionCounts c = ConfusionCounts.of(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 0, 2}, 3);
        assertThat(c.counts()).isEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}});
        assertThat(c.count(2, 0)).isEqualTo(1);
        assertThat(c.total()).isEqualTo(6);
        assertThat(c.rowTotal(2)).isEqualTo(3);
        assertThat(c.accuracy()).isEqualTo(4 / 6.0);
        assertThat(c.rowFractions()[2]).containsExactly(1 / 3.0, 0, 2 / 3.0);
    }

    @Test
    void seedsAddUp() {
        ConfusionCounts a = ConfusionCounts.of(new int[] {0, 1}, new int[] {0, 0}, 2);
        ConfusionCounts b = ConfusionCounts.of(new int[] {1, 1}, new int[] {1, 0}, 2);
        assertThat(ConfusionCounts.sum(List.of(a, b)).counts()).isEqualTo(new long[][] {{1, 0}, {2, 1}});
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
    }

    @Test
    void absentClassesHaveNanFractionsAndAnEmptyMatrixNanAccuracy() {
        ConfusionCounts c = ConfusionCounts.of(new int[] {0}, new int[] {0}, 2);
        assertThat(c.rowFractions()[1][0]).isNaN();
        assertThat(ConfusionCounts.of(new int[0], new int[0], 2).accuracy()).isNaN();
    }

    @Test
    void countsAreCopiedInAndOut() {
        long[][] raw = {{1, 2}, {3, 4}};
        ConfusionCounts c = new ConfusionCounts(raw);
        raw[0][0] = 99;
        c.counts()[0][0] = 99;
        assertThat(c.count(0, 0)).isEqualTo(1);
    }

    @Test
    void badShapesAndClassesAreRejected() {
        assertThatThrownBy(() -> ConfusionCounts.of(new int[] {0}, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 labels for 2 predictions");
        assertThatThrownBy(() -> ConfusionCounts.of(new int[] {0}, new int[] {2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample 0");
        assertThatThrownBy(() -> new ConfusionCounts(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> new ConfusionCounts(new long[][] {{-1}})).isInstanceOf(IllegalArgumentException.class);
        ConfusionCounts two = ConfusionCounts.of(new int[] {0}, new int[] {0}, 2);
        ConfusionCounts three = ConfusionCounts.of(new int[] {0}, new int[] {0}, 3);
        assertThatThrownBy(() -> two.plus(three)).isInstanceOf(IllegalArgumentException.class);
    }
}
