package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    /**
     * Points spread 10 : 3 : 0.1 along three orthonormal directions that are not the coordinate
     * axes: PCA finds the first two, in that order, and their share of the variance.
     */
    @Test
    void recoversTheTwoWidestDirectionsOfARotatedCloud() {
        double[] u = {0.6, 0.8, 0};
        double[] v = {-0.48, 0.36, 0.8};
        double[] w = {0.64, -0.48, 0.6};
        int n = 400;
        float[] x = new float[3 * n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 10 * Math.sin(i * 0.37);
            b[i] = 3 * Math.cos(i * 1.13);
            double c = 0.1 * Math.sin(i * 2.71 + 1);
            for (int j = 0; j < 3; j++) {
                x[3 * i + j] = (float) (5 + a[i] * u[j] + b[i] * v[j] + c * w[j]);
            }
        }
        PrincipalComponents pca = PrincipalComponents.firstTwo(x, 3);
        double meanA = java.util.Arrays.stream(a).average().orElseThrow();
        double meanB = java.util.Arrays.stream(b).average().orElseThrow();
        // The loadings' signs are fixed by their largest entry: u's (0.8) and v's (0.8) are positive.
        for (int i = 0; i < n; i++) {
            assertThat(pca.projected()[2 * i]).isCloseTo(a[i] - meanA, within(0.05));
            assertThat(pca.projected()[2 * i + 1]).isCloseTo(b[i] - meanB, within(0.05));
        }
        assertThat(pca.explained()[0]).isGreaterThan(0.9);
        assertThat(pca.explained()[0] + pca.explained()[1]).isGreaterThan(0.999).isLessThanOrEqualTo(1.0 + 1e-12);
    }

    @Test
    void twoDimensionsAreOnlyRotatedAndConstantDataProjectToZero() {
        float[] line = {0, 0, 1, 1, 2, 2, 3, 3};
        PrincipalComponents pca = PrincipalComponents.firstTwo(line, 2);
        assertThat(pca.projected()[0]).isCloseTo(-1.5 * Math.sqrt(2), within(1e-6));
        assertThat(pca.projected()[1]).isCloseTo(0, within(1e-6));
        assertThat(pca.explained()[0]).isCloseTo(1, within(1e-9));
        PrincipalComponents constant = PrincipalComponents.firstTwo(new float[] {1, 2, 3, 1, 2, 3}, 3);
        assertThat(constant.projected()).containsOnly(0.0);
        assertThat(constant.explained()).containsOnly(0.0);
    }

    @Test
    void oneDimensionIsRejected() {
        assertThatThrownBy(() -> PrincipalComponents.firstTwo(new float[] {1, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 dimensions");
    }
}
