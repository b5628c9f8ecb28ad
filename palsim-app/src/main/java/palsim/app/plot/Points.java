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

    /**
     * At most {@code maxPoints} of these points that keep the line's envelope: where there are more,
     * consecutive points are grouped into buckets and each bucket keeps its lowest and its highest
     * point, in their order (the first and last points always stay). A panel a few hundred pixels wide
     * cannot show more, and a vector file of a 5000-epoch run stays small instead of drawing every
     * segment; spikes and sign changes survive, unlike with plain thinning.
     */
    Points envelope(int maxPoints) {
        int n = x.length;
        if (n <= maxPoints || maxPoints < 4) {
            return this;
        }
        int buckets = (maxPoints - 2) / 2;
        double[] ex = new double[maxPoints];
        double[] ey = new double[maxPoints];
        int m = 0;
        ex[m] = x[0];
        ey[m++] = y[0];
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) b * (n - 2) / buckets);
            int to = 1 + (int) ((long) (b + 1) * (n - 2) / buckets);
            int low = from;
            int high = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[low]) {
                    low = i;
                }
                if (y[i] > y[high]) {
                    high = i;
                }
            }
            if (to > from) {
                int first = Math.min(low, high);
                int second = Math.max(low, high);
                ex[m] = x[first];
                ey[m++] = y[first];
                if (second != first) {
                    ex[m] = x[second];
                    ey[m++] = y[second];
                }
            }
        }
        ex[m] = x[n - 1];
        ey[m++] = y[n - 1];
        return new Points(Arrays.copyOf(ex, m), Arrays.copyOf(ey, m));
    }

    /** The closed outline of the band mean ± std: upper edge left to right, lower edge back. */
    static Points band(double[] x, double[] mean, double[] std, double floor, int maxPointsPerEdge) {
        double[] upper = new double[x.length];
        double[] lower = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            upper[i] = mean[i] + std[i];
            lower[i] = mean[i] - std[i];
        }
        Points top = of(x, upper, floor).envelope(maxPointsPerEdge);
        Points bottom = of(x, lower, floor).envelope(maxPointsPerEdge);
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
