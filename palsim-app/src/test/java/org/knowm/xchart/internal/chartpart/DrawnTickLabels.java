package org.knowm.xchart.internal.chartpart;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only window on the tick labels XChart drew on a chart's axes the last time it was painted.
 * XChart keeps them package-private; tests of palsim's axis formats read them here, so they check
 * the labels a reader sees rather than a pattern string.
 */
public final class DrawnTickLabels {
    private DrawnTickLabels() {}

    /** The labels XChart drew on the x axis (unlabelled ticks and ticks outside the axis left out). */
    public static List<String> x(Chart<?, ?> chart) {
        Axis<?, ?> axis = chart.getAxisPair().getXAxis();
        return labels(axis, axis.getBounds().getWidth());
    }

    /** The labels XChart drew on the (left, main) y axis (unlabelled ticks and ticks outside the axis left out). */
    public static List<String> y(Chart<?, ?> chart) {
        Axis<?, ?> axis = chart.getAxisPair().getYAxis();
        return labels(axis, axis.getBounds().getHeight());
    }

    /** XChart computes a tick beyond each end of the axis and skips it when painting; so do these. */
    private static List<String> labels(Axis<?, ?> axis, double length) {
        AxisTickCalculator ticks = axis.getAxisTickCalculator();
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < ticks.getTickLabels().size(); i++) {
            String label = ticks.getTickLabels().get(i);
            double at = ticks.getTickLocations().get(i);
            if (label != null && !label.isEmpty() && at >= -0.5 && at <= length + 0.5) {
                drawn.add(label);
            }
        }
        return drawn;
    }
}
