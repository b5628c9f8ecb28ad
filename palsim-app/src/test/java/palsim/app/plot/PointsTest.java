package palsim.app.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Thinning long curves for drawing: the envelope (every bucket's extremes, both ends) survives. */
class PointsTest {

    @Test
    void shortCurvesAreDrawnPointForPoint() {
        double[] x = {0, 1, 2, 3};
        double[] y = {3, 1, 4, 1};
        Points p = Points.of(x, y, Double.NEGATIVE_INFINITY).envelope(10);
        assertThat(p.x).containsExactly(x);
        assertThat(p.y).containsExactly(y);
    }

    @Test
    void longCurvesKeepTheirEndsTheirExtremesAndTheirOrder() {
        int n = 5001;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 50.0);
        }
        y[1234] = 7; // a one-epoch spike
        y[4321] = -7;
        Points p = Points.of(x, y, Double.NEGATIVE_INFINITY).envelope(402);
        assertThat(p.x.length).isLessThanOrEqualTo(402).isGreaterThan(300);
        assertThat(p.x[0]).isEqualTo(0);
        assertThat(p.x[p.x.length - 1]).isEqualTo(n - 1);
        for (int i = 1; i < p.x.length; i++) {
            assertThat(p.x[i]).isGreaterThan(p.x[i - 1]);
        }
        assertThat(p.y).contains(7.0, -7.0);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : p.y) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertThat(max).isEqualTo(7);
        assertThat(min).isEqualTo(-7);
        // every kept point is one of the curve's own
        for (int i = 0; i < p.x.length; i++) {
            assertThat(p.y[i]).isEqualTo(y[(int) p.x[i]]);
        }
    }
}
