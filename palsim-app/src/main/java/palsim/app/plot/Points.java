package palsim.app.plot;

import java.util.Arrays;

/** Plottable points: non-finite values dropped, values clamped to a floor (for log axes). */
final class Points {
    final double[] x;
    final double[] y;

    private Points(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    boolean isEmpty() {
        return x.length == 0;
    }

    /** The points (x[i], y[i]) with both finite, y raised to at least {@code floor}. */
    static Points of(double[] x, double[] y, double floor) {
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                px[n] = x[i];
                py[n] = Math.max(y[i], floor);
                n++;
            }
        }
        return new Points(Arrays.copyOf(px, n), Arrays.copyOf(py, n));
    }

    /** The closed outline of the band mean ± std: upper edge left to right, lower edge back. */
    static Points band(double[] x, double[] mean, double[] std, double floor) {
        double[] upper = new double[x.length];
        double[] lower = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            upper[i] = mean[i] + std[i];
            lower[i] = mean[i] - std[i];
        }
        Points top = of(x, upper, floor);
        Points bottom = of(x, lower, floor);
        double[] bx = new double[top.x.length + bottom.x.length];
        double[] by = new double[bx.length];
        System.arraycopy(top.x, 0, bx, 0, top.x.length);
        System.arraycopy(top.y, 0, by, 0, top.y.length);
        for (int i = 0; i < bottom.x.length; i++) {
            bx[top.x.length + i] = bottom.x[bottom.x.length - 1 - i];
            by[top.x.length + i] = bottom.y[bottom.x.length - 1 - i];
        }
        return new Points(bx, by);
    }
}
