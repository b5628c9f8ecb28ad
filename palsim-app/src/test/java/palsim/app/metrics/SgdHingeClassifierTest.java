package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SgdHingeClassifierTest {

    /**
     * 300 points with rational coordinates and three classes (a little label noise), the same in
     * Java and Python so the result can be compared with scikit-learn.
     */
    private static double[] points(int n) {
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = ((i * 37) % 101) / 50.0 - 1.0;
            x[2 * i + 1] = ((i * 53) % 97) / 48.0 - 1.0;
        }
        return x;
    }

    private static int[] labels(double[] x) {
        int n = x.length / 2;
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double a = x[2 * i];
            double b = x[2 * i + 1];
            y[i] = a + b > 0.3 ? 0 : a - b > 0.2 ? 1 : 2;
            if (i % 17 == 0) {
                y[i] = (y[i] + 1) % 3;
            }
        }
        return y;
    }

    @Test
    void withoutShufflingReproducesScikitLearnsSgdClassifier() {
        // scikit-learn 1.2.1: SGDClassifier(max_iter=1000, tol=1e-3, shuffle=False).fit(X, y) on
        // the same points gives these coefficients and intercepts (printed with 17 digits). Our
        // implementation performs the same floating-point operations in the same order.
        double[] x = points(300);
        OneVsRestLinearModel model = SgdHingeClassifier.fit(x, labels(x), 2, 1e-4, 0, false);
        double[] expectedWeights = {4.137059845254969, 5.03315963998102, 2.7812296585596954, -4.7833205120618265,
            -4.546775975347392, 1.150745198364235};
        double[] expectedIntercepts = {-1.9091750367537603, -1.6579324934682522, -2.4055398957500778};
        assertThat(model.classes()).containsExactly(0, 1, 2);
        for (int i = 0; i < expectedWeights.length; i++) {
            assertThat(model.weights()[i]).isCloseTo(expectedWeights[i], within(1e-12 * Math.abs(expectedWeights[i])));
        }
        for (int c = 0; c < 3; c++) {
            assertThat(model.intercepts()[c]).isCloseTo(expectedIntercepts[c], within(1e-12 * Math.abs(expectedIntercepts[c])));
        }
    }

    @Test
    void sameSeedGivesTheSameModelAndDifferentSeedsShuffleDifferently() {
        double[] x = points(300);
        int[] y = labels(x);
        OneVsRestLinearModel a = SgdHingeClassifier.fit(x, y, 2, 1e-4, 3);
        OneVsRestLinearModel b = SgdHingeClassifier.fit(x, y, 2, 1e-4, 3);
        OneVsRestLinearModel c = SgdHingeClassifier.fit(x, y, 2, 1e-4, 4);
        assertThat(a.weights()).isEqualTo(b.weights());
        assertThat(a.intercepts()).isEqualTo(b.intercepts());
        assertThat(a.weights()).isNotEqualTo(c.weights());
    }

    @Test
    void onlyClassesSeenInTrainingArePredicted() {
        double[] x = points(300);
        int[] y = labels(x);
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] == 1 ? 7 : y[i]; // classes 0, 2, 7
        }
        OneVsRestLinearModel model = SgdHingeClassifier.fit(x, y, 2, 1e-4, 1);
        assertThat(model.classes()).containsExactly(0, 2, 7);
        for (int r = 0; r < 300; r++) {
            assertThat(model.predict(x, r)).isIn(0, 2, 7);
        }
    }
}
