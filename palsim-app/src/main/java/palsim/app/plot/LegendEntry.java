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
    /**
     * LINE: a rule's mean; BAND: a filled ± std band behind its mean line; THIN_LINE: a single seed's
     * curve; MEAN_STD: a horizontal mean bar on a vertical ± std whisker; CROSS: a cross marking points
     * (e.g. misclassified ones).
     */
    enum Style { LINE, DASHED_LINE, MARKER, BAND, THIN_LINE, MEAN_STD, CROSS }
}
