package palsim.app.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import palsim.app.metrics.SeedStatistics;

/**
 * One accuracy per rule, e.g. the final test accuracy: each rule at its own place on the x axis,
 * drawn as its mean over seeds (a horizontal bar) on a ± std whisker (population std, ddof 0), with
 * every seed as a dot beside it and the mean ± std written above. Accuracies are given as
 * fractions and drawn in percent; NaN marks a seed without a value (left out, see
 * {@link SeedStatistics}).
 *
 * <pre>
 *   RuleAccuracies test = new RuleAccuracies("Final test accuracy", "test accuracy (%)");
 *   test.panel("Yin-Yang 4-30-3").rule("pal", palPerSeed).rule("fa", faPerSeed);
 *   Figure figure = test.toFigure();
 * </pre>
 */
public final class RuleAccuracies {
    /** Half the width of a mean bar, and of the spread of the seed dots, in x units (one rule = 1). */
    private static final double BAR_HALF_WIDTH = 0.2;
    private static final double DOT_SPREAD = 0.14;
    private static final double DOT_OFFSET = 0.27;

    private final String title;
    private final String yAxisTitle;
    private final List<Panel> panels = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private int columns = 3;
    private int panelWidth = 440;
    private int panelHeight = 360;

    /**
     * @param title the figure title
     * @param yAxisTitle e.g. {@code "test accuracy (%)"}
     */
    public RuleAccuracies(String title, String yAxisTitle) {
        this.title = title;
        this.yAxisTitle = yAxisTitle;
    }

    /** Panels per row (default 3) and the size of one panel (default 440 × 360 px). */
    public RuleAccuracies layout(int columns, int panelWidth, int panelHeight) {
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        return this;
    }

    /** A dashed horizontal line at accuracy {@code fraction} in every panel (e.g. chance, 1/3), labelled in the legend. */
    public RuleAccuracies referenceLine(double fraction, String label) {
        Percent.requireFraction(label, fraction);
        references.add(new Reference(fraction, label));
        return this;
    }

    /** Adds a panel (e.g. a data set); add its rules to the returned panel. */
    public Panel panel(String panelTitle) {
        Panel p = new Panel(panelTitle);
        panels.add(p);
        return p;
    }

    /** One panel's rules, left to right in the order added. */
    public static final class Panel {
        private final String title;
        private final List<String> rules = new ArrayList<>();
        private final List<double[]> accuracies = new ArrayList<>();

        private Panel(String title) {
            this.title = title;
        }

        /**
         * Adds a rule.
         *
         * @param rule its name (x label, colour)
         * @param perSeed one accuracy per seed, as a fraction in [0, 1]; NaN = no value
         */
        public Panel rule(String rule, double[] perSeed) {
            if (perSeed.length == 0) {
                throw new IllegalArgumentException(rule + ": no seeds");
            }
            if (rules.contains(rule)) {
                throw new IllegalArgumentException(rule + ": added twice to panel " + title);
            }
            for (double a : perSeed) {
                Percent.requireFraction(rule, a);
            }
            rules.add(rule);
            accuracies.add(perSeed.clone());
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
            for (double[] seeds : panel.accuracies) {
                maxSeeds = Math.max(maxSeeds, seeds.length);
            }
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (String rule : rules) {
            legend.add(new LegendEntry(rule, PlotStyle.ruleColour(rule, rules.indexOf(rule)), LegendEntry.Style.LINE));
        }
        references.forEach(r -> legend.add(new LegendEntry(r.label(), PlotStyle.REFERENCE, LegendEntry.Style.DASHED_LINE)));
        List<LegendEntry> statistics = new ArrayList<>();
        if (maxSeeds > 1) {
            statistics.add(new LegendEntry("mean (bar) ± std (whisker) over seeds", PlotStyle.REFERENCE,
                    LegendEntry.Style.MEAN_STD));
        }
        statistics.add(new LegendEntry("single seeds (dots)", PlotStyle.REFERENCE, LegendEntry.Style.MARKER));
        return new PanelGrid(title, List.of(legend, statistics), charts, columns, panelWidth, panelHeight);
    }

    private XYChart chart(Panel panel) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(panelHeight).title(panel.title)
                .xAxisTitle("").yAxisTitle(yAxisTitle).build();
        PlotStyle.apply(chart);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setAnnotationTextFont(PlotStyle.LEGEND_FONT);
        chart.getStyler().setAnnotationTextFontColor(PlotStyle.TEXT);
        int n = panel.rules.size();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<double[]> labels = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String rule = panel.rules.get(r);
            Color colour = PlotStyle.ruleColour(rule, r);
            double[] percent = Percent.of(panel.accuracies.get(r));
            SeedStatistics stats = SeedStatistics.of(percent);
            Points dots = Points.of(dotPositions(r, percent.length), percent, Double.NEGATIVE_INFINITY);
            if (!dots.isEmpty()) {
                XYSeries s = chart.addSeries(rule + " seeds", dots.x, dots.y);
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(PlotStyle.withAlpha(colour, 150));
                for (double y : dots.y) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
            if (stats.finite() == 0) {
                continue;
            }
            double mean = stats.mean();
            double std = stats.std();
            line(chart, rule + " std", new double[] {r, r}, new double[] {mean - std, mean + std}, colour, 1.4f);
            line(chart, rule + " std low", new double[] {r - 0.06, r + 0.06}, new double[] {mean - std, mean - std},
                    colour, 1.4f);
            line(chart, rule + " std high", new double[] {r - 0.06, r + 0.06}, new double[] {mean + std, mean + std},
                    colour, 1.4f);
            line(chart, rule, new double[] {r - BAR_HALF_WIDTH, r + BAR_HALF_WIDTH}, new double[] {mean, mean}, colour,
                    3f);
            low = Math.min(low, mean - std);
            high = Math.max(high, mean + std);
            labels.add(new double[] {r, mean, std, mean + std});
        }
        if (!(low <= high)) {
            // XChart cannot draw an empty chart; an invisible point keeps the axes.
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {0});
            s.setLineColor(PlotStyle.withAlpha(Color.WHITE, 0));
            s.setMarker(SeriesMarkers.NONE);
            low = 0;
            high = 100;
        }
        double bottom = low;
        for (Reference r : references) {
            bottom = Math.min(bottom, Percent.of(r.fraction()));
        }
        double span = Math.max(high - bottom, 1.0);
        // Room below for the rule names and above the whiskers for the mean ± std labels.
        double top = high + 0.16 * span;
        bottom -= 0.14 * span;
        for (int i = 0; i < references.size(); i++) {
            double y = Percent.of(references.get(i).fraction());
            line(chart, "ref " + i, new double[] {-0.5, n - 0.5}, new double[] {y, y}, PlotStyle.REFERENCE, 1.3f)
                    .setLineStyle(PlotStyle.dashed(1.3f));
        }
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        for (double[] l : labels) {
            String text = String.format(Locale.ROOT, "%.1f ± %.1f", l[1], l[2]);
            chart.addAnnotation(new AnnotationText(text, l[0], l[3] + 0.07 * span, false));
        }
        // The rule names are written inside the plot's foot rather than as x tick labels: XChart
        // places number-axis ticks where it likes, not one per rule.
        for (int r = 0; r < n; r++) {
            chart.addAnnotation(new AnnotationText(panel.rules.get(r), r, bottom + 0.06 * span, false));
        }
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(n - 0.5);
        chart.getStyler().setXAxisTicksVisible(false);
        TickFormats.apply(chart, false);
        return chart;
    }

    /** x of each seed's dot: spread evenly right of the rule's whisker. */
    private static double[] dotPositions(int rule, int seeds) {
        double[] x = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            x[s] = rule + DOT_OFFSET + (seeds == 1 ? DOT_SPREAD / 2 : DOT_SPREAD * s / (seeds - 1));
        }
        return x;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(colour);
        s.setLineStyle(PlotStyle.solid(width));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        return s;
    }

    private record Reference(double fraction, String label) {}
}
