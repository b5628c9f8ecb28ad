package palsim.app.plot;

import java.awt.Color;

/**
 * One entry of a figure-level legend.
 *
 * @param label the text
 * @param colour the line or marker colour
 * @param style how the entry's sample is drawn
 */
record LegendEntry(String label, Color colour, Style style) {
    enum Style { LINE, DASHED_LINE, MARKER }
}
