package palsim.app.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Several XChart panels in one figure, row by row, under an optional title. XChart draws one chart
 * per canvas; this paints each panel into its own region of a shared canvas, which works for bitmaps
 * and SVG alike.
 */
final class PanelGrid implements Figure {
    static final int TITLE_HEIGHT = 34;

    private final String title;
    private final List<XYChart> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;

    PanelGrid(String title, List<XYChart> panels, int columns, int panelWidth, int panelHeight) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        this.title = title == null ? "" : title;
        this.panels = List.copyOf(panels);
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private int titleHeight() {
        return title.isEmpty() ? 0 : TITLE_HEIGHT;
    }

    @Override
    public int width() {
        return columns * panelWidth;
    }

    @Override
    public int height() {
        return titleHeight() + rows() * panelHeight;
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
