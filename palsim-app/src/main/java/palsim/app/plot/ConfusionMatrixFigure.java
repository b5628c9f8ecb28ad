package palsim.app.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import palsim.app.metrics.ConfusionCounts;

/**
 * Confusion matrices, one panel each (e.g. one per rule, summed over seeds): rows are the true
 * classes, columns the predicted ones, both labelled with the class names. Each cell is shaded by
 * its share of the row (the fraction of that true class predicted as that column, white 0 → blue
 * 1), so classes of different sizes compare; it shows either the count or that share in percent.
 *
 * <pre>
 *   ConfusionMatrixFigure confusion = new ConfusionMatrixFigure("Test confusion, summed over 10 seeds",
 *           List.of("yang", "yin", "dot"));
 *   confusion.panel("pal", palCounts).panel("fa", faCounts);
 *   Figure figure = confusion.toFigure();
 * </pre>
 *
 * Painted directly (no chart library): XChart's charts have no matrix view that fits palsim's panels.
 */
public final class ConfusionMatrixFigure {
    /** What each cell's text says. */
    public enum CellText {
        /** The number of samples. */
        COUNT,
        /** The share of the row (true class), in percent. */
        ROW_PERCENT
    }

    /** Colour of a cell holding its whole row. */
    static final Color FULL = new Color(0x0072B2);
    private static final int TITLE_HEIGHT = 34;
    private static final int LEGEND_HEIGHT = 24;
    private static final int PANEL_TITLE_HEIGHT = 28;
    private static final int MARGIN = 12;
    private static final int AXIS_TITLE = 20;
    private static final int GRADIENT = 60;
    private static final String SHADE_FROM = "shade = share of the true class (row):  0 %";
    private static final String SHADE_TO = "100 %";
    private static final FontMetrics TICK_METRICS =
            new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(PlotStyle.TICK_FONT);
    private static final FontMetrics LEGEND_METRICS =
            new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(PlotStyle.LEGEND_FONT);

    private final String title;
    private final List<String> classNames;
    private final List<String> panelTitles = new ArrayList<>();
    private final List<ConfusionCounts> matrices = new ArrayList<>();
    private CellText cellText = CellText.COUNT;
    private int columns = 3;

    /**
     * @param title the figure title
     * @param classNames the name of each class, in label order (axis labels)
     */
    public ConfusionMatrixFigure(String title, List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        this.title = title == null ? "" : title;
        this.classNames = List.copyOf(classNames);
    }

    /** What the cells say (default {@link CellText#COUNT}). */
    public ConfusionMatrixFigure cellText(CellText text) {
        this.cellText = text;
        return this;
    }

    /** Panels per row (default 3). */
    public ConfusionMatrixFigure columns(int columns) {
        this.columns = Math.max(1, columns);
        return this;
    }

    /** Adds a panel; the matrix must have one row and column per class name. */
    public ConfusionMatrixFigure panel(String panelTitle, ConfusionCounts counts) {
        if (counts.classes() != classNames.size()) {
            throw new IllegalArgumentException(panelTitle + ": " + counts.classes() + " classes for "
                    + classNames.size() + " class names");
        }
        panelTitles.add(panelTitle);
        matrices.add(counts);
        return this;
    }

    /** As {@link #panel(String, ConfusionCounts)}, {@code counts[label][predicted]}. */
    public ConfusionMatrixFigure panel(String panelTitle, long[][] counts) {
        return panel(panelTitle, new ConfusionCounts(counts));
    }

    /** The figure. */
    public Figure toFigure() {
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        return new Painted();
    }

    /** The text of cell (i, j) of matrix {@code m}. */
    String cellLabel(ConfusionCounts m, int i, int j) {
        return switch (cellText) {
            case COUNT -> Long.toString(m.count(i, j));
            case ROW_PERCENT -> {
                double f = m.rowFractions()[i][j];
                yield Double.isNaN(f) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * f);
            }
        };
    }

    /** White for 0, {@link #FULL} for 1, linearly between; light grey for a row without samples. */
    static Color shade(double fraction) {
        if (Double.isNaN(fraction)) {
            return new Color(0xF2F2F2);
        }
        double f = Math.max(0, Math.min(1, fraction));
        return new Color(mix(255, FULL.getRed(), f), mix(255, FULL.getGreen(), f), mix(255, FULL.getBlue(), f));
    }

    private static int mix(int from, int to, double f) {
        return (int) Math.round(from + (to - from) * f);
    }

    private final class Painted implements Figure {
        private final int classes = classNames.size();
        private final int cell = Math.max(40, Math.min(90, 420 / classes));
        private final int nameWidth = classNames.stream().mapToInt(TICK_METRICS::stringWidth).max().orElse(0);
        private final int left = MARGIN + AXIS_TITLE + nameWidth + 14;
        private final int panelWidth = left + classes * cell + MARGIN;
        private final int panelHeight = PANEL_TITLE_HEIGHT + classes * cell + 8 + TICK_METRICS.getHeight() + AXIS_TITLE
                + MARGIN;
        private final int gridColumns = Math.min(columns, matrices.size());
        private final String numbers = cellText == CellText.COUNT ? "numbers = samples" : "numbers = % of the row";
        private final int legendWidth = LEGEND_METRICS.stringWidth(SHADE_FROM) + 6 + GRADIENT + 6
                + LEGEND_METRICS.stringWidth(SHADE_TO) + 24 + LEGEND_METRICS.stringWidth(numbers);
        /** Left edge of the panels: centred when the legend is wider than they are. */
        private final int panelsLeft = Math.max(0, (legendWidth + 16 - gridColumns * panelWidth) / 2);

        private int header() {
            return (title.isEmpty() ? 0 : TITLE_HEIGHT) + LEGEND_HEIGHT;
        }

        @Override
        public int width() {
            return Math.max(gridColumns * panelWidth, legendWidth + 16);
        }

        @Override
        public int height() {
            int rows = (matrices.size() + gridColumns - 1) / gridColumns;
            return header() + rows * panelHeight;
        }

        @Override
        public void paint(Graphics2D g) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            if (!title.isEmpty()) {
                g.setFont(PlotStyle.TITLE_FONT);
                g.setColor(PlotStyle.TEXT);
                centre(g, title, width() / 2.0, TITLE_HEIGHT / 2.0 + 4);
            }
            paintLegend(g, title.isEmpty() ? 0 : TITLE_HEIGHT);
            for (int p = 0; p < matrices.size(); p++) {
                int x = panelsLeft + (p % gridColumns) * panelWidth;
                int y = header() + (p / gridColumns) * panelHeight;
                Graphics2D panel = (Graphics2D) g.create(x, y, panelWidth, panelHeight);
                try {
                    paintPanel(panel, panelTitles.get(p), matrices.get(p));
                } finally {
                    panel.dispose();
                }
            }
        }

        /** "shade: share of the true class, 0 % … 100 %" with a small gradient, and what the numbers are. */
        private void paintLegend(Graphics2D g, int top) {
            g.setFont(PlotStyle.LEGEND_FONT);
            FontMetrics m = g.getFontMetrics();
            int x = Math.max(8, (width() - legendWidth) / 2);
            int middle = top + LEGEND_HEIGHT / 2;
            int baseline = middle + (m.getAscent() - m.getDescent()) / 2;
            g.setColor(PlotStyle.TEXT);
            g.drawString(SHADE_FROM, x, baseline);
            x += m.stringWidth(SHADE_FROM) + 6;
            for (int i = 0; i < GRADIENT; i++) {
                g.setColor(shade(i / (GRADIENT - 1.0)));
                g.fill(new Rectangle2D.Double(x + i, middle - 6, 1.2, 12));
            }
            g.setColor(PlotStyle.AXES);
            g.draw(new Rectangle2D.Double(x, middle - 6, GRADIENT, 12));
            x += GRADIENT + 6;
            g.setColor(PlotStyle.TEXT);
            g.drawString(SHADE_TO, x, baseline);
            x += m.stringWidth(SHADE_TO) + 24;
            g.drawString(numbers, x, baseline);
        }

        private void paintPanel(Graphics2D g, String panelTitle, ConfusionCounts m) {
            int top = PANEL_TITLE_HEIGHT;
            g.setFont(PlotStyle.PANEL_TITLE_FONT);
            g.setColor(PlotStyle.TEXT);
            centre(g, panelTitle, left + classes * cell / 2.0, PANEL_TITLE_HEIGHT / 2.0 + 2);
            double[][] fractions = m.rowFractions();
            g.setFont(PlotStyle.TICK_FONT);
            for (int i = 0; i < classes; i++) {
                for (int j = 0; j < classes; j++) {
                    double f = fractions[i][j];
                    int x = left + j * cell;
                    int y = top + i * cell;
                    g.setColor(shade(f));
                    g.fillRect(x, y, cell, cell);
                    g.setColor(f > 0.55 ? Color.WHITE : PlotStyle.TEXT);
                    centre(g, cellLabel(m, i, j), x + cell / 2.0, y + cell / 2.0);
                }
            }
            g.setColor(PlotStyle.AXES);
            g.drawRect(left, top, classes * cell, classes * cell);
            FontMetrics metrics = g.getFontMetrics();
            g.setColor(PlotStyle.TEXT);
            for (int k = 0; k < classes; k++) {
                String name = classNames.get(k);
                // Row names right-aligned left of the grid, column names centred below it.
                int baseline = top + k * cell + cell / 2 + (metrics.getAscent() - metrics.getDescent()) / 2;
                g.drawString(name, left - 6 - metrics.stringWidth(name), baseline);
                g.drawString(name, left + k * cell + (cell - metrics.stringWidth(name)) / 2,
                        top + classes * cell + 6 + metrics.getAscent());
            }
            g.setFont(PlotStyle.AXIS_TITLE_FONT);
            int gridBottom = top + classes * cell + 8 + metrics.getHeight();
            centre(g, "predicted class", left + classes * cell / 2.0, gridBottom + AXIS_TITLE / 2.0);
            Graphics2D rotated = (Graphics2D) g.create();
            try {
                rotated.translate(MARGIN + AXIS_TITLE / 2.0, top + classes * cell / 2.0);
                rotated.transform(AffineTransform.getRotateInstance(-Math.PI / 2));
                centre(rotated, "true class", 0, 0);
            } finally {
                rotated.dispose();
            }
        }

        /** Draws {@code text} centred on (x, y). */
        private static void centre(Graphics2D g, String text, double x, double y) {
            FontMetrics m = g.getFontMetrics();
            g.drawString(text, (float) (x - m.stringWidth(text) / 2.0), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
        }
    }
}
