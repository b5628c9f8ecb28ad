package palsim.app.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import palsim.app.metrics.SeedStatistics;

/**
 * Accuracy against the size of the hidden layer ("fewer neurons"): one line per rule through its
 * mean over seeds at each size, with a filled mean ± std band (population std, ddof 0) and, if
 * asked, every seed as a dot. The sizes are categories, evenly spaced, each marked by a faint
 * vertical line and its value (the usual sizes 5, 10, 20, 30, 60, 120 are roughly log-spaced, so this reads like a
 * log axis). Accuracies are given as fractions and drawn in percent; NaN marks a seed without a
 * value.
 *
 * <pre>
 *   HiddenSizeCurves sizes = new HiddenSizeCurves("Test accuracy against hidden-layer size", "test accuracy (%)");
 *   sizes.panel("Yin-Yang").rule("pal", new int[] {5, 10, 20}, perSeed)   // perSeed[seed][size index]
 *           .rule("fa", new int[] {5, 10, 20}, perSeedFa);
 *   Figure figure = sizes.referenceLine(0.9, "target 90 %").toFigure();
 * </pre>
 */
public final class HiddenSizeCurves {
    private final String title;
    private final String yAxisTitle;
    private String xAxisTitle = "hidden units";
    private boolean showSeeds;
    private final List<Panel> panels = new ArrayList<>();
    private final List<double[]> referenceValues = new ArrayList<>();
    private final List<String> referenceLabels = new ArrayList<>();
    private int columns = 3;
    private int panelWidth = 460;
    private int panelHeight = 340;

    /**
     * @param title the figure title
     * @param yAxisTitle e.g. {@code "test accuracy (%)"}
     */
    public HiddenSizeCurves(String title, String yAxisTitle) {
        this.title = title;
        this.yAxisTitle = yAxisTitle;
    }

    /** The x axis's title (default "hidden units"). */
    public HiddenSizeCurves xAxis(String axisTitle) {
        this.xAxisTitle = axisTitle;
        return this;
    }

    /** Draws every seed's accuracy as a dot at its size. */
    public HiddenSizeCurves showSeeds(boolean on) {
        this.showSeeds = on;
        return this;
    }

    /** A dashed horizontal line at accuracy {@code fraction} in every panel (e.g. the target accuracy), labelled in the legend. */
    public HiddenSizeCurves referenceLine(double fraction, String label) {
        Percent.requireFraction(label, fraction);
        referenceValues.add(new double[] {fraction});
        referenceLabels.add(label);
        return this;
    }

    /** Panels per row (default 3) and the size of one panel (default 460 × 340 px). */
    public HiddenSizeCurves layout(int columns, int panelWidth, int panelHeight) {
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        return this;
    }

    /** Adds a panel (e.g. a data set); add its rules to the returned panel. */
    public Panel panel(String panelTitle) {
        Panel p = new Panel(panelTitle);
        panels.add(p);
        return p;
    }

    /** One panel's rules. */
    public static final class Panel {
        private final String title;
        private final List<String> rules = new ArrayList<>();
        private final List<int[]> sizes = new ArrayList<>();
        private final List<double[][]> accuracies = new ArrayList<>();

        private Panel(String title) {
            this.title = title;
        }

        /**
         * Adds a rule's accuracies.
         *
         * @param rule the rule name (legend label, colour)
         * @param sizes the hidden sizes, positive and distinct, in any order
         * @param perSeed {@code perSeed[s][i]} = seed s at {@code sizes[i]}, a fraction in [0, 1]; NaN = no value
         */
        public Panel rule(String rule, int[] sizes, double[][] perSeed) {
            if (perSeed.length == 0) {
                throw new IllegalArgumentException(rule + ": no seeds");
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] <= 0) {
                    throw new IllegalArgumentException(rule + ": hidden size must be > 0, got " + sizes[i]);
                }
                for (int j = 0; j < i; j++) {
                    if (sizes[i] == sizes[j]) {
                        throw new IllegalArgumentException(rule + ": hidden size " + sizes[i] + " given twice");
                    }
                }
            }
            for (double[] seed : perSeed) {
                if (seed.length != sizes.length) {
                    throw new IllegalArgumentException(rule + ": a seed has " + seed.length + " accuracies for "
                            + sizes.length + " sizes");
                }
                for (double a : seed) {
                    Percent.requireFraction(rule, a);
                }
            }
            rules.add(rule);
            this.sizes.add(sizes.clone());
            double[][] copy = new double[perSeed.length][];
            for (int s = 0; s < perSeed.length; s++) {
                copy[s] = perSeed[s].clone();
            }
            accuracies.add(copy);
            return this;
        }
    }

    /** The figure. */
    public Figure toFigure() {
        List<XYChart> charts = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        int maxSeeds = 0;
        for (Panel panel : panels) {
            charts.add(chart(panel));
            panel.rules.stream().filter(r -> !rules.contains(r)).forEach(rules::add);
            for (double[][] perSeed : panel.accuracies) {
                maxSeeds = Math.max(maxSeeds, perSeed.length);
            }
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (String rule : rules) {
            legend.add(new LegendEntry(rule, PlotStyle.ruleColour(rule, rules.indexOf(rule)), LegendEntry.Style.LINE));
        }
        referenceLabels.stream().distinct().forEach(label ->
                legend.add(new LegendEntry(label, PlotStyle.REFERENCE, LegendEntry.Style.DASHED_LINE)));
        List<LegendEntry> statistics = new ArrayList<>();
        if (maxSeeds > 1) {
            statistics.add(new LegendEntry("mean (line) ± std (band) over seeds", PlotStyle.REFERENCE,
                    LegendEntry.Style.BAND));
            if (showSeeds) {
                statistics.add(new LegendEntry("single seeds (dots)", PlotStyle.REFERENCE, LegendEntry.Style.MARKER));
            }
        }
        return new PanelGrid(title, List.of(legend, statistics), charts, columns, panelWidth, panelHeight);
    }

    private XYChart chart(Panel panel) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(panelHeight).title(panel.title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        PlotStyle.apply(chart);
        chart.getStyler().setMarkerSize(6);
        // Every size of the panel, ascending: size k is drawn at x = k's index.
        int[] all = panel.sizes.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        boolean empty = true;
        for (int r = 0; r < panel.rules.size(); r++) {
            String rule = panel.rules.get(r);
            Color colour = PlotStyle.ruleColour(rule, r);
            int[] sizes = panel.sizes.get(r);
            double[][] perSeed = panel.accuracies.get(r);
            // This rule's sizes in ascending order, as positions on the shared axis.
            Integer[] order = new Integer[sizes.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(sizes[a], sizes[b]));
            double[] x = new double[sizes.length];
            double[] mean = new double[sizes.length];
            double[] std = new double[sizes.length];
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                x[k] = Arrays.binarySearch(all, sizes[i]);
                SeedStatistics stats = SeedStatistics.ofColumn(perSeed, i);
                mean[k] = Percent.of(stats.mean());
                std[k] = Percent.of(stats.std());
            }
            Points line = Points.of(x, mean, Double.NEGATIVE_INFINITY);
            if (line.isEmpty()) {
                continue;
            }
            empty = false;
            if (perSeed.length > 1) {
                Points band = Points.band(x, mean, std, Double.NEGATIVE_INFINITY, Integer.MAX_VALUE);
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
                List<double[]> dots = new ArrayList<>();
                for (double[] seed : perSeed) {
                    for (int k = 0; k < order.length; k++) {
                        dots.add(new double[] {x[k], Percent.of(seed[order[k]])});
                    }
                }
                Points p = Points.of(dots.stream().mapToDouble(d -> d[0]).toArray(),
                        dots.stream().mapToDouble(d -> d[1]).toArray(), Double.NEGATIVE_INFINITY);
                if (!p.isEmpty()) {
                    XYSeries s = chart.addSeries(rule + " seeds", p.x, p.y);
                    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    s.setMarkerColor(PlotStyle.withAlpha(colour, PlotStyle.SEED_ALPHA));
                    s.setShowInLegend(false);
                }
            }
            XYSeries s = chart.addSeries(rule, line.x, line.y);
            s.setLineColor(colour);
            s.setLineStyle(PlotStyle.solid(2.0f));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colour);
        }
        if (empty) {
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {0});
            s.setLineColor(PlotStyle.withAlpha(Color.WHITE, 0));
            s.setMarker(SeriesMarkers.NONE);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                if (Double.isFinite(y)) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        for (double[] reference : referenceValues) {
            low = Math.min(low, Percent.of(reference[0]));
            high = Math.max(high, Percent.of(reference[0]));
        }
        double span = Math.max(high - low, 1.0);
        double bottom = low - 0.14 * span;
        double top = high + 0.06 * span;
        double left = -0.5;
        double right = Math.max(all.length, 1) - 0.5;
        for (int i = 0; i < referenceValues.size(); i++) {
            double y = Percent.of(referenceValues.get(i)[0]);
            XYSeries s = chart.addSeries("ref " + i, new double[] {left, right}, new double[] {y, y});
            s.setLineColor(PlotStyle.REFERENCE);
            s.setLineStyle(PlotStyle.dashed(1.3f));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        // The sizes are categories: a faint vertical line and the size's value at each position, written
        // inside the plot's foot. (XChart's number-axis ticks cannot be pinned to the positions, and
        // its tick search does not end with labels that are blank between positions.)
        for (int k = 0; k < all.length; k++) {
            XYSeries s = chart.addSeries("size " + all[k], new double[] {k, k}, new double[] {bottom, top});
            s.setLineColor(PlotStyle.GRID);
            s.setLineStyle(PlotStyle.solid(0.8f));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
            chart.addAnnotation(new AnnotationText(Integer.toString(all[k]), k, bottom + 0.06 * span, false));
        }
        chart.getStyler().setAnnotationTextFont(PlotStyle.TICK_FONT);
        chart.getStyler().setAnnotationTextFontColor(PlotStyle.TEXT);
        chart.getStyler().setXAxisMin(left);
        chart.getStyler().setXAxisMax(right);
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        TickFormats.apply(chart, true);
        return chart;
    }
}
