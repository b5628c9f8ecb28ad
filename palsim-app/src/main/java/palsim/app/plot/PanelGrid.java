package palsim.app.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Several XChart panels in one figure, row by row, under an optional title and optional legend
 * rows shared by all panels (e.g. the rules in one, what the bands and thin lines mean in the next;
 * a row whose entries do not fit the figure's width continues on the next).
 * XChart draws one chart per canvas; this paints each panel into its own region of a shared canvas,
 * which works for bitmaps and SVG alike.
 */
final class PanelGrid implements Figure {
    static final int TITLE_HEIGHT = 34;
    static final int LEGEND_HEIGHT = 24;
    private static final int SAMPLE_LENGTH = 22;
    private static final int LEGEND_GAP = 18;
    private static final FontMetrics LEGEND_METRICS =
            new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(PlotStyle.LEGEND_FONT);

    private final String title;
    private final List<List<LegendEntry>> legendRows;
    private final List<XYChart> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;

    /** @param legendRows legend rows from top to bottom; empty rows take no space */
    PanelGrid(String title, List<List<LegendEntry>> legendRows, List<XYChart> panels, int columns, int panelWidth,
            int panelHeight) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        this.title = title == null ? "" : title;
        this.panels = List.copyOf(panels);
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.legendRows = legendRows.stream().filter(row -> !row.isEmpty()).flatMap(row -> wrap(row).stream()).toList();
    }

    /**
     * A legend row split into rows that fit the figure's width (many rules in a one-panel figure do
     * not fit in one). Measured with a bitmap's font metrics, so that the figure's height is known
     * before it is painted.
     */
    private List<List<LegendEntry>> wrap(List<LegendEntry> legend) {
        List<List<LegendEntry>> rows = new ArrayList<>();
        List<LegendEntry> row = new ArrayList<>();
        int used = 0;
        for (LegendEntry e : legend) {
            int w = SAMPLE_LENGTH + 6 + LEGEND_METRICS.stringWidth(e.label());
            if (!row.isEmpty() && used + LEGEND_GAP + w > width() - 16) {
                rows.add(List.copyOf(row));
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : LEGEND_GAP) + w;
            row.add(e);
        }
        if (!row.isEmpty()) {
            rows.add(List.copyOf(row));
        }
        return rows;
    }

    /** The panels, for tests that inspect what XChart drew on their axes. */
    List<XYChart> panels() {
        return panels;
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private int titleHeight() {
        return (title.isEmpty() ? 0 : TITLE_HEIGHT) + legendRows.size() * LEGEND_HEIGHT;
    }

    @Override
    public int width() {
        return columns * panelWidth;
    }

    @Override
    public int height() {
        return titleHeight() + rows() * panelHeight;
    }

    /** The legend entries side by side, centred in a row starting at {@code top}. */
    private void paintLegend(Graphics2D g, List<LegendEntry> legend, int top) {
        g.setFont(PlotStyle.LEGEND_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int gap = LEGEND_GAP;
        int total = 0;
        for (LegendEntry e : legend) {
            total += SAMPLE_LENGTH + 6 + metrics.stringWidth(e.label()) + gap;
        }
        total -= gap;
        int x = Math.max(8, (width() - total) / 2);
        int middle = top + LEGEND_HEIGHT / 2;
        for (LegendEntry e : legend) {
            Graphics2D sample = (Graphics2D) g.create();
            sample.setColor(e.colour());
            switch (e.style()) {
                case LINE -> {
                    sample.setStroke(PlotStyle.solid(2.0f));
                    sample.draw(new Line2D.Double(x, middle, x + SAMPLE_LENGTH, middle));
                }
                case DASHED_LINE -> {
                    sample.setStroke(PlotStyle.dashed(1.3f));
                    sample.draw(new Line2D.Double(x, middle, x + SAMPLE_LENGTH, middle));
                }
                case MARKER -> sample.fill(new Ellipse2D.Double(x + SAMPLE_LENGTH / 2.0 - 4, middle - 4, 8, 8));
                case BAND -> {
                    sample.setColor(PlotStyle.withAlpha(e.colour(), PlotStyle.BAND_ALPHA));
                    sample.fill(new Rectangle2D.Double(x, middle - 6, SAMPLE_LENGTH, 12));
                    sample.setColor(e.colour());
                    sample.setStroke(PlotStyle.solid(2.0f));
                    sample.draw(new Line2D.Double(x, middle, x + SAMPLE_LENGTH, middle));
                }
                case THIN_LINE -> {
                    sample.setColor(PlotStyle.withAlpha(e.colour(), PlotStyle.SEED_ALPHA));
                    sample.setStroke(PlotStyle.solid(0.7f));
                    sample.draw(new Line2D.Double(x, middle - 3, x + SAMPLE_LENGTH, middle - 1));
                    sample.draw(new Line2D.Double(x, middle + 2, x + SAMPLE_LENGTH, middle + 3));
                }
                case MEAN_STD -> {
                    double centre = x + SAMPLE_LENGTH / 2.0;
                    sample.setStroke(PlotStyle.solid(1.2f));
                    sample.draw(new Line2D.Double(centre, middle - 7, centre, middle + 7));
                    sample.draw(new Line2D.Double(centre - 3, middle - 7, centre + 3, middle - 7));
                    sample.draw(new Line2D.Double(centre - 3, middle + 7, centre + 3, middle + 7));
                    sample.setStroke(PlotStyle.solid(2.5f));
                    sample.draw(new Line2D.Double(x + 3, middle, x + SAMPLE_LENGTH - 3, middle));
                }
                case CROSS -> {
                    double centre = x + SAMPLE_LENGTH / 2.0;
                    sample.setStroke(PlotStyle.solid(1.4f));
                    sample.draw(new Line2D.Double(centre - 4, middle - 4, centre + 4, middle + 4));
                    sample.draw(new Line2D.Double(centre - 4, middle + 4, centre + 4, middle - 4));
                }
            }
            sample.dispose();
            x += SAMPLE_LENGTH + 6;
            g.setColor(PlotStyle.TEXT);
            g.drawString(e.label(), x, middle + (metrics.getAscent() - metrics.getDescent()) / 2);
            x += metrics.stringWidth(e.label()) + gap;
        }
    }

    @Override
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        if (!title.isEmpty()) {
            g.setFont(PlotStyle.TITLE_FONT);
            g.setColor(PlotStyle.TEXT);
            FontMetrics metrics = g.getFontMetrics();
            int x = (width() - metrics.stringWidth(title)) / 2;
            int y = (TITLE_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2 + 4;
            g.drawString(title, Math.max(4, x), y);
        }
        for (int row = 0; row < legendRows.size(); row++) {
            paintLegend(g, legendRows.get(row), (title.isEmpty() ? 0 : TITLE_HEIGHT) + row * LEGEND_HEIGHT);
        }
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * panelWidth;
            int y = titleHeight() + (i / columns) * panelHeight;
            Graphics2D panel = (Graphics2D) g.create(x, y, panelWidth, panelHeight);
            try {
                panels.get(i).paint(panel, panelWidth, panelHeight);
            } finally {
                panel.dispose();
            }
        }
    }
}
