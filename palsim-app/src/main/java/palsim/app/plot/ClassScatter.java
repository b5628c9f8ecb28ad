package palsim.app.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figure kind (b): 2-D points coloured by class (e.g. the autoencoder's latent codes of the test
 * digits), one panel per rule, classes in a legend.
 *
 * <pre>
 *   ClassScatter latents = new ClassScatter("Latent space of the test digits", "latent 1", "latent 2");
 *   latents.panel("bp", xy, labels);       // xy = n × 2 row-major, labels in [0, classes)
 *   Figure figure = latents.toFigure();
 * </pre>
 */
public final class ClassScatter {
    private final String title;
    private final String xAxisTitle;
    private final String yAxisTitle;
    private final List<String> panelTitles = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    private final List<int[]> labels = new ArrayList<>();
    private int columns = 3;
    private int panelSize = 420;
    private int markerSize = 3;

    public ClassScatter(String title, String xAxisTitle, String yAxisTitle) {
        this.title = title;
        this.xAxisTitle = xAxisTitle;
        this.yAxisTitle = yAxisTitle;
    }

    /** Panels per row (default 3), the side of a square panel (default 420 px) and the marker size (default 3). */
    public ClassScatter layout(int columns, int panelSize, int markerSize) {
        this.columns = columns;
        this.panelSize = panelSize;
        this.markerSize = markerSize;
        return this;
    }

    /**
     * Adds a panel.
     *
     * @param panelTitle e.g. the rule
     * @param xy {@code n × 2} coordinates, row-major
     * @param classOf the class of each point, ≥ 0
     */
    public ClassScatter panel(String panelTitle, double[] xy, int[] classOf) {
        if (xy.length != 2 * classOf.length) {
            throw new IllegalArgumentException(panelTitle + ": " + xy.length + " coordinates for " + classOf.length + " points");
        }
        panelTitles.add(panelTitle);
        points.add(xy.clone());
        labels.add(classOf.clone());
        return this;
    }

    /** Float coordinates, as the LE engine produces them. */
    public ClassScatter panel(String panelTitle, float[] xy, int[] classOf) {
        double[] d = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            d[i] = xy[i];
        }
        return panel(panelTitle, d, classOf);
    }

    /** The figure. */
    public Figure toFigure() {
        List<XYChart> charts = new ArrayList<>();
        int classes = 0;
        for (int p = 0; p < panelTitles.size(); p++) {
            charts.add(chart(p));
            for (int c : labels.get(p)) {
                classes = Math.max(classes, c + 1);
            }
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            legend.add(new LegendEntry(Integer.toString(c), PlotStyle.classColour(c), LegendEntry.Style.MARKER));
        }
        return new PanelGrid(title, List.of(legend), charts, columns, panelSize, panelSize);
    }

    private XYChart chart(int p) {
        XYChart chart = new XYChartBuilder().width(panelSize).height(panelSize).title(panelTitles.get(p))
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        PlotStyle.apply(chart);
        chart.getStyler().setMarkerSize(markerSize);
        double[] xy = points.get(p);
        int[] classOf = labels.get(p);
        int classes = 0;
        for (int c : classOf) {
            if (c < 0) {
                throw new IllegalArgumentException(panelTitles.get(p) + ": negative class " + c);
            }
            classes = Math.max(classes, c + 1);
        }
        boolean any = false;
        for (int c = 0; c < classes; c++) {
            int count = 0;
            for (int label : classOf) {
                count += label == c ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            double[] x = new double[count];
            double[] y = new double[count];
            int k = 0;
            for (int i = 0; i < classOf.length; i++) {
                if (classOf[i] == c) {
                    x[k] = xy[2 * i];
                    y[k] = xy[2 * i + 1];
                    k++;
                }
            }
            Points finite = Points.of(x, y, Double.NEGATIVE_INFINITY);
            if (finite.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(Integer.toString(c), finite.x, finite.y);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(PlotStyle.withAlpha(PlotStyle.classColour(c), 170));
            any = true;
        }
        if (!any) {
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {0});
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarkerColor(PlotStyle.withAlpha(java.awt.Color.WHITE, 0));
        }
        TickFormats.apply(chart, false);
        return chart;
    }
}
