package palsim.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private final Dataset three = new Dataset(new float[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2}, 2, 3);

    @Test
    void sliceAndSelectKeepRowsAndLabelsTogether() {
        Dataset tail = three.slice(1, 3);
        assertThat(tail.size()).isEqualTo(2);
        assertThat(tail.features()).containsExactly(2, 3, 4, 5);
        assertThat(tail.labels()).containsExactly(1, 2);
        Dataset picked = three.select(new int[] {2, 0});
        assertThat(picked.features()).containsExactly(4, 5, 0, 1);
        assertThat(picked.labels()).containsExactly(2, 0);
    }

    @Test
    void inconsistentShapesAndLabelsAreRejected() {
        assertThatThrownBy(() -> new Dataset(new float[5], new int[] {0, 1, 2}, 2, 3)).hasMessageContaining("3 rows × 2");
        assertThatThrownBy(() -> new Dataset(new float[2], new int[] {3}, 2, 3)).hasMessageContaining("label 3");
        assertThatThrownBy(() -> new Dataset(new float[0], new int[0], 0, 3)).hasMessageContaining("dimension");
        assertThatThrownBy(() -> three.slice(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
