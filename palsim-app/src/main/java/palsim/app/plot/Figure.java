package palsim.app.plot;

import java.awt.Graphics2D;

/**
 * A drawing of a fixed size that can paint itself onto any {@link Graphics2D}: a bitmap for PNG, a
 * Batik SVG generator for SVG ({@link FigureEncoder}). Units are pixels at scale 1 (= points in SVG).
 */
public interface Figure {

    /** Width in pixels at scale 1. */
    int width();

    /** Height in pixels at scale 1. */
    int height();

    /** Paints the whole figure, background included, into {@code [0, width) × [0, height)}. */
    void paint(Graphics2D g);
}
