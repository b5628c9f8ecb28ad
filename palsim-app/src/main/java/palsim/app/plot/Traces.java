package palsim.app.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figure kind (c): simple line traces, e.g. a student's output voltage against its teacher's over a
 * few samples, one panel per situation (first epoch, last epoch).
 *
 * <pre>
 *   Traces traces = new Traces("Output of student and teacher", "time (ms)", "ŭ_N (a.u.)");
 *   traces.panel("epoch 1").dashedLine("teacher", t, teacher).line("pal", t, student);
 *   Figure figure = traces.toFigure();
 * </pre>
 *
 * Lines named after a rule take the rule's colour; others the palette in order of appearance.
 */
public final class Traces {
    private final String title;
    private final String xAxisTitle;
    private final String yAxisTitle;
    private final List<Panel> panels = new ArrayList<>();
    private int columns = 2;
    private int panelWidth = 520;
    private int panelHeight = 320;

    public Traces(String title, String xAxisTitle, String yAxisTitle) {
        this.title = title;
        this.xAxisTitle = xAxisTitle;
        this.yAxisTitle = yAxisTitle;
    }

    /** Panels per row (default 2) and the panel size (default 520 × 320 px). */
    public Traces layout(int columns, int panelWidth, int panelHeight) {
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        return this;
    }

    /** Adds a panel; add its lines to the returned panel. */
    public Panel panel(String panelTitle) {
        Panel p = new Panel(panelTitle);
        panels.add(p);
        return p;
    }

    /** One panel's lines. */
    public static final class Panel {
        private final String title;
        private final List<Line> lines = new ArrayList<>();

        private Panel(String title) {
            this.title = title;
        }

        /** A solid line. */
        public Panel line(String label, double[] x, double[] y) {
            return add(label, x, y, false);
        }

        /** A dashed line (a reference such as the teacher). */
        public Panel dashedLine(String label, double[] x, double[] y) {
            return add(label, x, y, true);
        }

        private Panel add(String label, double[] x, double[] y, boolean dashed) {
            if (x.length != y.length) {
                throw new IllegalArgumentException(label + ": " + x.length + " x values for " + y.length + " y values");
            }
            lines.add(new Line(label, x.clone(), y.clone(), dashed));
            return this;
        }
    }

    private record Line(String label, double[] x, double[] y, boolean dashed) {}

    /** The figure. */
    public Figure toFigure() {
        List<XYChart> charts = new ArrayList<>();
        List<LegendEntry> legend = new ArrayList<>();
        for (Panel panel : panels) {
            charts.add(chart(panel));
            for (int i = 0; i < panel.lines.size(); i++) {
                Line line = panel.lines.get(i);
                LegendEntry entry = new LegendEntry(line.label(), colour(line, i),
                        line.dashed() ? LegendEntry.Style.DASHED_LINE : LegendEntry.Style.LINE);
                if (legend.stream().noneMatch(e -> e.label().equals(entry.label()))) {
                    legend.add(entry);
                }
            }
        }
        return new PanelGrid(title, List.of(legend), charts, columns, panelWidth, panelHeight);
    }

    private static Color colour(Line line, int index) {
        return line.dashed() ? PlotStyle.REFERENCE : PlotStyle.ruleColour(line.label(), index);
    }

    private XYChart chart(Panel panel) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(panelHeight).title(panel.title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        PlotStyle.apply(chart);
        boolean any = false;
        double xMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < panel.lines.size(); i++) {
            Line line = panel.lines.get(i);
            Points p = Points.of(line.x(), line.y(), Double.NEGATIVE_INFINITY);
            if (p.isEmpty()) {
                continue;
            }
            xMin = Math.min(xMin, p.x[0]);
            XYSeries s = chart.addSeries(i + " " + line.label(), p.x, p.y);
            s.setLabel(line.label());
            s.setLineColor(colour(line, i));
            s.setLineStyle(line.dashed() ? PlotStyle.dashed(1.6f) : PlotStyle.solid(1.6f));
            s.setMarker(SeriesMarkers.NONE);
            any = true;
        }
        if (any) {
            PlotStyle.roundXTicks(chart, xMin);
        } else {
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {0});
            s.setLineColor(PlotStyle.withAlpha(Color.WHITE, 0));
            s.setMarker(SeriesMarkers.NONE);
        }
        TickFormats.apply(chart, false);
        return chart;
    }
}
