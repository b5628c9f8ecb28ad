package palsim.app.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The Yin-Yang plane: test points at their coordinates (x, y), coloured by the class the network
 * predicted, misclassified points crossed out, over the true class boundaries (thin grey lines:
 * the disc, the S-shaped line between the two large regions and the two dots). One panel per rule (or
 * seed); each panel's title gets the share of correct predictions.
 *
 * <pre>
 *   YinYangPlane plane = new YinYangPlane("Yin-Yang test points by predicted class", YinYang.CLASS_NAMES);
 *   plane.panel("pal, seed 123456", xy, labels, predicted);   // xy = n × 2 row-major
 *   Figure figure = plane.toFigure();
 * </pre>
 */
public final class YinYangPlane {
    /** Radius of the disc, centred at (0.5, 0.5); the dots sit at (0.25, 0.5) and (0.75, 0.5). */
    private static final double R_BIG = 0.5;
    private static final double R_SMALL = 0.1;
    private static final int CIRCLE_POINTS = 181;
    private static final Color MISCLASSIFIED = new Color(0x000000);

    private final String title;
    private final List<String> classNames;
    private final List<String> panelTitles = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    private final List<int[]> labels = new ArrayList<>();
    private final List<int[]> predictions = new ArrayList<>();
    private int columns = 3;
    private int panelSize = 420;
    private int markerSize = 5;

    /**
     * @param title the figure title
     * @param classNames the name of each class in label order, for the legend
     */
    public YinYangPlane(String title, List<String> classNames) {
        this.title = title;
        this.classNames = List.copyOf(classNames);
    }

    /** Panels per row (default 3), the side of a square panel (default 420 px) and the marker size (default 5). */
    public YinYangPlane layout(int columns, int panelSize, int markerSize) {
        this.columns = columns;
        this.panelSize = panelSize;
        this.markerSize = markerSize;
        return this;
    }

    /**
     * Adds a panel.
     *
     * @param panelTitle e.g. the rule; "— 93.1 % correct" is appended
     * @param xy {@code n × 2} coordinates (x, y), row-major
     * @param trueClass each point's label
     * @param predicted each point's predicted class
     */
    public YinYangPlane panel(String panelTitle, double[] xy, int[] trueClass, int[] predicted) {
        if (xy.length != 2 * trueClass.length || predicted.length != trueClass.length) {
            throw new IllegalArgumentException(panelTitle + ": " + xy.length + " coordinates, " + trueClass.length
                    + " labels and " + predicted.length + " predictions; expected 2 coordinates per point");
        }
        for (int i = 0; i < trueClass.length; i++) {
            if (outside(trueClass[i]) || outside(predicted[i])) {
                throw new IllegalArgumentException(panelTitle + ": point " + i + " has label " + trueClass[i]
                        + " and prediction " + predicted[i] + ", outside the " + classNames.size() + " classes");
            }
        }
        panelTitles.add(panelTitle);
        points.add(xy.clone());
        labels.add(trueClass.clone());
        predictions.add(predicted.clone());
        return this;
    }

    private boolean outside(int c) {
        return c < 0 || c >= classNames.size();
    }

    /** The figure. */
    public Figure toFigure() {
        List<XYChart> charts = new ArrayList<>();
        for (int p = 0; p < panelTitles.size(); p++) {
            charts.add(chart(p));
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            legend.add(new LegendEntry("predicted " + classNames.get(c), PlotStyle.classColour(c), LegendEntry.Style.MARKER));
        }
        legend.add(new LegendEntry("misclassified", MISCLASSIFIED, LegendEntry.Style.CROSS));
        legend.add(new LegendEntry("true class boundaries", PlotStyle.REFERENCE, LegendEntry.Style.LINE));
        return new PanelGrid(title, List.of(legend), charts, columns, panelSize, panelSize);
    }

    private XYChart chart(int p) {
        double[] xy = points.get(p);
        int[] trueClass = labels.get(p);
        int[] predicted = predictions.get(p);
        int correct = 0;
        for (int i = 0; i < trueClass.length; i++) {
            correct += trueClass[i] == predicted[i] ? 1 : 0;
        }
        String panelTitle = trueClass.length == 0 ? panelTitles.get(p) : String.format(Locale.ROOT,
                "%s — %.1f %% correct", panelTitles.get(p), 100.0 * correct / trueClass.length);
        XYChart chart = new XYChartBuilder().width(panelSize).height(panelSize).title(panelTitle)
                .xAxisTitle("x").yAxisTitle("y").build();
        PlotStyle.apply(chart);
        chart.getStyler().setMarkerSize(markerSize);
        boundaries(chart);
        for (int c = 0; c < classNames.size(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == c) {
                    members.add(i);
                }
            }
            scatter(chart, "predicted " + c, xy, members, PlotStyle.withAlpha(PlotStyle.classColour(c), 190),
                    SeriesMarkers.CIRCLE);
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != trueClass[i]) {
                wrong.add(i);
            }
        }
        scatter(chart, "misclassified", xy, wrong, MISCLASSIFIED, SeriesMarkers.CROSS);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        TickFormats.apply(chart, false);
        return chart;
    }

    private static void scatter(XYChart chart, String name, double[] xy, List<Integer> members, Color colour,
            org.knowm.xchart.style.markers.Marker marker) {
        double[] x = new double[members.size()];
        double[] y = new double[members.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = xy[2 * members.get(k)];
            y[k] = xy[2 * members.get(k) + 1];
        }
        Points finite = Points.of(x, y, Double.NEGATIVE_INFINITY);
        if (finite.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, finite.x, finite.y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
        s.setShowInLegend(false);
    }

    /**
     * The true class boundaries: the disc, both dots and the S-line between the two large regions —
     * the lower half of the circle of radius 0.25 around the left dot's centre joined to the upper
     * half of the one around the right dot's centre.
     */
    private static void boundaries(XYChart chart) {
        arc(chart, "disc", R_BIG, R_BIG, R_BIG, 0, 2 * Math.PI);
        arc(chart, "left dot", 0.5 * R_BIG, R_BIG, R_SMALL, 0, 2 * Math.PI);
        arc(chart, "right dot", 1.5 * R_BIG, R_BIG, R_SMALL, 0, 2 * Math.PI);
        arc(chart, "s-line left", 0.5 * R_BIG, R_BIG, 0.5 * R_BIG, Math.PI, 2 * Math.PI);
        arc(chart, "s-line right", 1.5 * R_BIG, R_BIG, 0.5 * R_BIG, Math.PI, 0);
    }

    private static void arc(XYChart chart, String name, double cx, double cy, double r, double from, double to) {
        double[] x = new double[CIRCLE_POINTS];
        double[] y = new double[CIRCLE_POINTS];
        for (int i = 0; i < CIRCLE_POINTS; i++) {
            double angle = from + (to - from) * i / (CIRCLE_POINTS - 1);
            x[i] = cx + r * Math.cos(angle);
            y[i] = cy + r * Math.sin(angle);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(PlotStyle.REFERENCE);
        // Solid: a dash pattern restarts on each of the many short segments and would not show.
        s.setLineStyle(PlotStyle.solid(1.0f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }
}
