package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureStandardisationTest {

    @Test
    void standardisedTrainingFeaturesHaveZeroMeanAndUnitPopulationVariance() {
        float[] x = {1, 10, 2, 20, 3, 30, 6, 0};
        FeatureStandardisation s = FeatureStandardisation.fit(x, 2);
        assertThat(s.mean()).containsExactly(3.0, 15.0);
        // population (ddof 0) std of {1, 2, 3, 6} = sqrt(3.5); of {10, 20, 30, 0} = sqrt(125)
        assertThat(s.scale()[0]).isCloseTo(Math.sqrt(3.5), within(1e-12));
        assertThat(s.scale()[1]).isCloseTo(Math.sqrt(125), within(1e-12));
        double[] z = s.apply(x);
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double square = 0;
            for (int r = 0; r < 4; r++) {
                mean += z[2 * r + j] / 4;
                square += z[2 * r + j] * z[2 * r + j] / 4;
            }
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(square - mean * mean).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void testDataIsTransformedWithTheTrainingStatistics() {
        FeatureStandardisation s = FeatureStandardisation.fit(new float[] {0, 2}, 1); // μ = 1, s = 1
        assertThat(s.apply(new float[] {5, 1})).containsExactly(4.0, 0.0);
    }

    @Test
    void constantFeatureMapsToZeroInsteadOfDividingByZero() {
        FeatureStandardisation s = FeatureStandardisation.fit(new float[] {7, 1, 7, 2, 7, 3}, 2);
        assertThat(s.scale()[0]).isEqualTo(1.0);
        double[] z = s.apply(new float[] {7, 2});
        assertThat(z[0]).isZero();
        assertThat(z[1]).isZero();
    }

    @Test
    void standardisationUndoesPerFeatureScaleAndOffset() {
        var latents = LatentFixtures.noise(500, 3, 10, 5);
        float[] moved = latents.x().clone();
        float[] scale = {1e-3f, 250f, -4f};
        float[] offset = {0.02f, -3e3f, 0.5f};
        for (int i = 0; i < moved.length; i++) {
            moved[i] = scale[i % 3] * moved[i] + offset[i % 3];
        }
        double[] a = FeatureStandardisation.fit(latents.x(), 3).apply(latents.x());
        double[] b = FeatureStandardisation.fit(moved, 3).apply(moved);
        for (int i = 0; i < a.length; i++) {
            // A negative scale flips the feature's sign; the moved floats are rounded to ~1e-6 of their spread.
            assertThat(b[i] * Math.signum(scale[i % 3])).isCloseTo(a[i], within(1e-4));
        }
    }

    @Test
    void raggedInputIsRejected() {
        assertThatThrownBy(() -> FeatureStandardisation.fit(new float[] {1, 2, 3}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x: 3 values");
    }
}
