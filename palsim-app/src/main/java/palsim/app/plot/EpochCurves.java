package palsim.app.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import palsim.app.metrics.SeedStatistics;

/**
 * Figure kind (a): a metric over epochs, one panel per layer, one colour per rule; each rule drawn as
 * the mean over seeds with a filled mean ± std band (population std, ddof 0), optionally with the
 * individual seed curves as thin lines, optional dashed horizontal reference lines (a teacher's
 * value, zero) and an optional logarithmic y axis.
 *
 * <pre>
 *   EpochCurves angles = new EpochCurves("Alignment of B with Wᵀ", "∠(B, Wᵀ) (°)").showSeeds(true);
 *   angles.panel("layer 1").rule("pal", epochs, perSeed).rule("fa", epochs, perSeedFa);
 *   Figure figure = angles.toFigure();
 * </pre>
 *
 * At each x the mean and std use the seeds that have a finite value there.
 */
public final class EpochCurves {
    private final String title;
    private final String yAxisTitle;
    private static final String X_AXIS_TITLE = "epoch";
    private String xAxisTitle = X_AXIS_TITLE;
    private boolean logY;
    private boolean showSeeds;
    private final List<Reference> references = new ArrayList<>();
    private final List<Panel> panels = new ArrayList<>();
    private int columns = 3;
    private int panelWidth = 440;
    private int panelHeight = 330;

    /**
     * @param title the figure title
     * @param yAxisTitle the quantity with its unit, e.g. {@code "∠(B, Wᵀ) (°)"}
     */
    public EpochCurves(String title, String yAxisTitle) {
        this.title = title;
        this.yAxisTitle = yAxisTitle;
    }

    /** The x axis's title (default "epoch"), for curves over another quantity such as a swept setting. */
    public EpochCurves xAxis(String title) {
        this.xAxisTitle = title;
        return this;
    }

    /** A logarithmic y axis; values ≤ 0 are drawn at the smallest positive value of the panel. */
    public EpochCurves logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Draws each seed's curve as a thin line behind the mean. */
    public EpochCurves showSeeds(boolean on) {
        this.showSeeds = on;
        return this;
    }

    /** A dashed horizontal line at {@code y} in every panel, labelled in the legend (e.g. zero). */
    public EpochCurves referenceLine(double y, String label) {
        references.add(new Reference(y, label));
        return this;
    }

    /** Panels per row (default 3) and the size of one panel in pixels (default 440 × 330). */
    public EpochCurves layout(int columns, int panelWidth, int panelHeight) {
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        return this;
    }

    /** Adds a panel, e.g. {@code "layer 1"}; add its rules to the returned panel. */
    public Panel panel(String panelTitle) {
        Panel p = new Panel(panelTitle);
        panels.add(p);
        return p;
    }

    /** One panel's curves. */
    public static final class Panel {
        private final String title;
        private final List<String> rules = new ArrayList<>();
        private final List<double[]> xs = new ArrayList<>();
        private final List<double[][]> ys = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();

        private Panel(String title) {
            this.title = title;
        }

        /** A dashed horizontal line at {@code y} in this panel only (e.g. the teacher's weight of this layer). */
        public Panel referenceLine(double y, String label) {
            references.add(new Reference(y, label));
            return this;
        }

        /**
         * Adds a rule's curves.
         *
         * @param rule the rule name (legend label, colour)
         * @param x the epochs
         * @param perSeed {@code perSeed[s][i]} = seed s at {@code x[i]}; NaN = no value
         */
        public Panel rule(String rule, double[] x, double[][] perSeed) {
            for (double[] seed : perSeed) {
                if (seed.length != x.length) {
                    throw new IllegalArgumentException(rule + ": a seed curve has " + seed.length + " values for "
                            + x.length + " x values");
                }
            }
            rules.add(rule);
            xs.add(x.clone());
            ys.add(perSeed.clone());
            return this;
        }
    }

    /** The figure. */
    public Figure toFigure() {
        List<XYChart> charts = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Panel panel : panels) {
            charts.add(chart(panel));
            panel.rules.stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (String rule : rules) {
            legend.add(new LegendEntry(rule, PlotStyle.ruleColour(rule, rules.indexOf(rule)), LegendEntry.Style.LINE));
        }
        List<String> referenceLabels = new ArrayList<>();
        references.forEach(r -> referenceLabels.add(r.label()));
        panels.forEach(p -> p.references.forEach(r -> referenceLabels.add(r.label())));
        referenceLabels.stream().distinct().forEach(label ->
                legend.add(new LegendEntry(label, PlotStyle.REFERENCE, LegendEntry.Style.DASHED_LINE)));
        return new PanelGrid(title, List.of(legend, statisticsLegend()), charts, columns, panelWidth, panelHeight);
    }

    /**
     * The second legend row, saying what the band and the thin lines are: "mean (line) ± std (band)
     * over N seeds" and, where seeds are drawn, "single seeds (thin lines)". Empty for one seed, where
     * neither is drawn apart from the mean.
     */
    private List<LegendEntry> statisticsLegend() {
        IntSummaryStatistics seeds = panels.stream().flatMap(p -> p.ys.stream()).mapToInt(perSeed -> perSeed.length)
                .summaryStatistics();
        if (seeds.getCount() == 0 || seeds.getMax() < 2) {
            return List.of();
        }
        String over = seeds.getMin() == seeds.getMax() ? seeds.getMax() + " seeds" : "seeds";
        List<LegendEntry> row = new ArrayList<>();
        row.add(new LegendEntry("mean (line) ± std (band) over " + over, PlotStyle.REFERENCE, LegendEntry.Style.BAND));
        if (showSeeds) {
            row.add(new LegendEntry("single seeds (thin lines)", PlotStyle.REFERENCE, LegendEntry.Style.THIN_LINE));
        }
        return row;
    }

    /**
     * Points drawn per curve at most (each line keeps its envelope, {@link Points#envelope}): about
     * one per pixel of a panel. Runs of up to this many epochs are drawn point for point.
     */
    static final int MAX_POINTS = 1002;

    private XYChart chart(Panel panel) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(panelHeight).title(panel.title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        PlotStyle.apply(chart);
        chart.getStyler().setYAxisLogarithmic(logY);
        double floor = logY ? smallestPositive(panel) : Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        boolean empty = true;
        for (int r = 0; r < panel.rules.size(); r++) {
            String rule = panel.rules.get(r);
            Color colour = PlotStyle.ruleColour(rule, r);
            double[] x = panel.xs.get(r);
            double[][] perSeed = panel.ys.get(r);
            double[] mean = new double[x.length];
            double[] std = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                SeedStatistics column = SeedStatistics.ofColumn(perSeed, i);
                mean[i] = column.mean();
                std[i] = column.std();
            }
            Points line = Points.of(x, mean, floor).envelope(MAX_POINTS);
            if (line.isEmpty()) {
                continue;
            }
            empty = false;
            xMin = Math.min(xMin, line.x[0]);
            xMax = Math.max(xMax, line.x[line.x.length - 1]);
            if (perSeed.length > 1) {
                Points band = Points.band(x, mean, std, floor, MAX_POINTS);
                if (!band.isEmpty()) {
                    XYSeries s = chart.addSeries(rule + " ± std", band.x, band.y);
                    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setFillColor(PlotStyle.withAlpha(colour, PlotStyle.BAND_ALPHA));
                    s.setLineColor(PlotStyle.withAlpha(colour, 0));
                    s.setShowInLegend(false);
                }
            }
            if (showSeeds) {
                for (int seed = 0; seed < perSeed.length; seed++) {
                    Points p = Points.of(x, perSeed[seed], floor).envelope(MAX_POINTS);
                    if (!p.isEmpty()) {
                        XYSeries s = chart.addSeries(rule + " seed " + seed, p.x, p.y);
                        s.setLineColor(PlotStyle.withAlpha(colour, PlotStyle.SEED_ALPHA));
                        s.setLineStyle(PlotStyle.solid(0.7f));
                        s.setMarker(SeriesMarkers.NONE);
                        s.setShowInLegend(false);
                    }
                }
            }
            XYSeries s = chart.addSeries(rule, line.x, line.y);
            s.setLineColor(colour);
            s.setLineStyle(PlotStyle.solid(2.0f));
            s.setMarker(SeriesMarkers.NONE);
        }
        if (!empty) {
            List<Reference> lines = new ArrayList<>(references);
            lines.addAll(panel.references);
            for (int i = 0; i < lines.size(); i++) {
                double y = lines.get(i).y();
                if ((logY && !(y > 0)) || !Double.isFinite(y)) {
                    continue;
                }
                XYSeries s = chart.addSeries("ref " + i, new double[] {xMin, xMax}, new double[] {y, y});
                s.setLabel(lines.get(i).label());
                s.setLineColor(PlotStyle.REFERENCE);
                s.setLineStyle(PlotStyle.dashed(1.3f));
                s.setMarker(SeriesMarkers.NONE);
            }
            PlotStyle.roundXTicks(chart, xMin);
        } else {
            // XChart cannot draw an empty chart; a single invisible point keeps the axes.
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {logY ? 1 : 0});
            s.setLineColor(PlotStyle.withAlpha(Color.WHITE, 0));
            s.setMarker(SeriesMarkers.NONE);
        }
        TickFormats.apply(chart, true);
        return chart;
    }

    private record Reference(double y, String label) {}

    private static double smallestPositive(Panel panel) {
        double min = Double.POSITIVE_INFINITY;
        for (double[][] perSeed : panel.ys) {
            for (double[] seed : perSeed) {
                for (double v : seed) {
                    if (v > 0 && v < min) {
                        min = v;
                    }
                }
            }
        }
        return min == Double.POSITIVE_INFINITY ? 1.0 : min;
    }
}
