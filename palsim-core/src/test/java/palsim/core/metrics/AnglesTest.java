package palsim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnglesTest {

    @Test
    void parallelOrthogonalAndOppositeMatrices() {
        double[] a = {1, 2, 3, 4};
        assertThat(Angles.degrees(a, new double[] {2, 4, 6, 8})).isCloseTo(0, within(1e-6));
        assertThat(Angles.degrees(a, new double[] {-1, -2, -3, -4})).isCloseTo(180, within(1e-6));
        assertThat(Angles.degrees(new double[] {1, 0, 0, 1}, new double[] {0, 1, 1, 0})).isCloseTo(90, within(1e-12));
    }

    @Test
    void cosineIsTheFrobeniusInnerProductOverNorms() {
        double[] a = {1, 0, 2, -1};
        double[] b = {0.5, 1, 1, 1};
        double expected = (0.5 + 0 + 2 - 1) / (Math.sqrt(6) * Math.sqrt(3.25));
        assertThat(Angles.cosine(a, b)).isCloseTo(expected, within(1e-15));
        assertThat(Angles.cosine(new float[] {1, 0, 2, -1}, new float[] {0.5f, 1, 1, 1})).isCloseTo(expected, within(1e-7));
    }

    @Test
    void angleToTransposeComparesBWithTheTransposeOfW() {
        // B is 2×3, W is 3×2 with W = Bᵀ exactly ⇒ 0°
        double[] b = {1, 2, 3, 4, 5, 6};
        double[] w = {1, 4, 2, 5, 3, 6};
        assertThat(Angles.degreesToTranspose(b, w, 2, 3)).isCloseTo(0, within(1e-6));
        float[] bf = {1, 2, 3, 4, 5, 6};
        float[] wf = {-1, -4, -2, -5, -3, -6};
        assertThat(Angles.degreesToTranspose(bf, wf, 2, 3)).isCloseTo(180, within(1e-4));
        // W itself (not transposed) is a different matrix: the angle is not 0
        assertThat(Angles.degreesToTranspose(b, b, 2, 3)).isGreaterThan(1);
    }

    @Test
    void roundingBeyondOneIsClampedAndZeroMatricesGiveNaN() {
        assertThat(Angles.toDegrees(1.0000000000000002)).isEqualTo(0.0);
        assertThat(Angles.toDegrees(-1.0000000000000002)).isEqualTo(180.0);
        assertThat(Angles.degrees(new double[] {0, 0}, new double[] {1, 1})).isNaN();
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThatThrownBy(() -> Angles.cosine(new double[2], new double[3])).hasMessageContaining("2 vs 3");
        assertThatThrownBy(() -> Angles.degreesToTranspose(new double[6], new double[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
