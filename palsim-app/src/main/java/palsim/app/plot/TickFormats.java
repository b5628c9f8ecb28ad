package palsim.app.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * One number format per axis. Left alone, XChart formats each tick label on its own, so one axis
 * could read {@code 0.1} beside {@code .09}, or {@code 0.001} beside {@code 1E-4}, and an epoch
 * axis of a one-epoch run read {@code 0.5}. Here each axis gets one decimal pattern, chosen from the
 * range of the data drawn on it; XChart then only places ticks that the pattern shows exactly (it
 * widens the tick spacing rather than chop decimals), so every label of an axis has the same form.
 */
final class TickFormats {
    /** Beyond these magnitudes a linear axis switches to scientific notation. */
    private static final double LARGE = 1e5;
    private static final double SMALL = 1e-3;
    /** XChart places roughly this many ticks on an axis; the pattern keeps the decimals their spacing needs. */
    private static final int TICKS = 5;
    private static final int MAX_DECIMALS = 8;

    private TickFormats() {}

    /**
     * Sets the patterns of both axes of a finished panel from its series' data.
     *
     * @param integerX whether the x axis counts whole units (epochs): integer labels only
     */
    static void apply(XYChart chart, boolean integerX) {
        double[] x = range(chart, true, false);
        double[] y = range(chart, false, chart.getStyler().isYAxisLogarithmic());
        chart.getStyler().setXAxisDecimalPattern(integerX ? "0" : linear(x[0], x[1]));
        chart.getStyler().setYAxisDecimalPattern(chart.getStyler().isYAxisLogarithmic()
                ? logarithmic(y[0], y[1]) : linear(y[0], y[1]));
    }

    /**
     * The pattern of a linear axis from {@code min} to {@code max}: plain decimals with as many
     * places as a tick spacing of about a fifth of the range needs ({@code 0.05 … 0.12} →
     * {@code 0.00}, {@code 0 … 100} → {@code 0}), or scientific notation with one decimal
     * ({@code 0.0E0}) when the values reach 10⁵ or all stay below 10⁻³.
     */
    static String linear(double min, double max) {
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (!(magnitude > 0) || !Double.isFinite(magnitude)) {
            return "0";
        }
        if (magnitude >= LARGE || magnitude < SMALL) {
            return "0.0E0";
        }
        double span = max > min ? max - min : magnitude;
        // The slack keeps a range just short of a round number (0 … 4.99) from asking for a decimal more.
        int decimals = (int) Math.max(0, Math.min(MAX_DECIMALS, -Math.floor(Math.log10(span / TICKS) + 0.03)));
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    /**
     * The pattern of a logarithmic axis, which XChart labels at the powers of ten within the range:
     * plain ({@code 0.001}, {@code 0.01}, … {@code 1000}) while every labelled power lies within
     * 10⁻³ … 10³, else scientific for all ({@code 1E-5}, {@code 1E-4}, …).
     */
    static String logarithmic(double min, double max) {
        if (!(min > 0) || !Double.isFinite(max)) {
            return "0.###";
        }
        double lowestPower = Math.ceil(Math.log10(min) - 1e-9);
        double highestPower = Math.floor(Math.log10(max) + 1e-9);
        return lowestPower >= -3 && highestPower <= 3 ? "0.###" : "0E0";
    }

    /** Minimum and maximum of the finite x or y values of every series (positive ones only on a log axis). */
    private static double[] range(XYChart chart, boolean x, boolean positiveOnly) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {0, 0};
    }
}
