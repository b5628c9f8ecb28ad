package palsim.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * palsim's figure style: white background, light grid, sans-serif fonts sized for print, and fixed
 * colours so that a rule looks the same in every figure (BP black, FA blue, DFA green, PAL vermillion,
 * sign-symmetry orange, Kolen–Pollack sky blue, weight mirror reddish purple, from the colour-blind-safe Okabe–Ito palette).
 */
public final class PlotStyle {
    /** Okabe–Ito: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple. */
    private static final Color BLACK = new Color(0x000000);
    private static final Color ORANGE = new Color(0xE69F00);
    private static final Color SKY_BLUE = new Color(0x56B4E9);
    private static final Color BLUISH_GREEN = new Color(0x009E73);
    private static final Color BLUE = new Color(0x0072B2);
    private static final Color VERMILLION = new Color(0xD55E00);
    private static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    private static final Color YELLOW = new Color(0xF0E442);

    private static final Map<String, Color> RULE_COLOURS = Map.of(
            "bp", BLACK, "fa", BLUE, "dfa", BLUISH_GREEN, "pal", VERMILLION, "sign_symmetry", ORANGE,
            "kolen_pollack", SKY_BLUE, "weight_mirror", REDDISH_PURPLE);
    private static final List<Color> OTHER_COLOURS = List.of(YELLOW, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLUE,
            BLUISH_GREEN, VERMILLION, BLACK);
    /** Ten distinguishable class colours (the common "tab10" set), for digits 0–9. */
    private static final List<Color> CLASS_COLOURS = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf));

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 15);
    static final Font PANEL_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Color GRID = new Color(0xE6E6E6);
    static final Color AXES = new Color(0x808080);
    static final Color TEXT = new Color(0x202020);
    /** Dashed reference lines (a teacher's value, zero). */
    static final Color REFERENCE = new Color(0x555555);
    /** Opacity of a mean ± std band. */
    static final int BAND_ALPHA = 56;
    /** Opacity of individual seed curves. */
    static final int SEED_ALPHA = 90;

    private PlotStyle() {}

    /**
     * The colour of a rule: fixed for the rules palsim ships; other names take the remaining palette
     * colours by their position {@code index} among the plotted rules.
     */
    public static Color ruleColour(String rule, int index) {
        Color fixed = RULE_COLOURS.get(rule);
        return fixed != null ? fixed : OTHER_COLOURS.get(Math.floorMod(index, OTHER_COLOURS.size()));
    }

    /** The colour of class {@code label} (cycles after ten). */
    public static Color classColour(int label) {
        return CLASS_COLOURS.get(Math.floorMod(label, CLASS_COLOURS.size()));
    }

    /** {@code colour} with opacity {@code alpha} (0–255). */
    static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    /**
     * Makes XChart place the x ticks at round numbers. When every series' x values are equally
     * spaced (epochs, time steps), XChart puts its ticks on every k-th data point instead, which
     * gives labels such as 0, 457, 914. An invisible two-point series whose spacing differs from
     * the data's switches that off; it has no legend entry and draws nothing (its y values are NaN).
     */
    static void roundXTicks(XYChart chart, double xMin) {
        XYSeries s = chart.addSeries("round x ticks", new double[] {xMin, xMin + 1e-9 * Math.max(1, Math.abs(xMin))},
                new double[] {Double.NaN, Double.NaN});
        s.setShowInLegend(false);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(withAlpha(Color.WHITE, 0));
    }

    /** Applies the style to a panel. */
    static void apply(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(TEXT);
        s.setChartTitleFont(PANEL_TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(6);
        s.setChartPadding(8);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTickLabelsColor(TEXT);
        s.setAxisTickMarksColor(AXES);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(AXES);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(0.8f));
        s.setPlotMargin(4);
        s.setAxisTicksLineVisible(false);
        s.setLegendVisible(false);
        s.setLegendFont(LEGEND_FONT);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendSeriesLineLength(18);
        s.setMarkerSize(0);
        s.setToolTipsEnabled(false);
        s.setZoomEnabled(false);
        s.setCursorEnabled(false);
    }
}
