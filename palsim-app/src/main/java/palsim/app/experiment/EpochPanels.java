package palsim.app.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import palsim.app.plot.EpochCurves;

/** Fills epoch-curve figures from what a run recorded: one panel per layer, one line (mean ± std band) per rule. */
public final class EpochPanels {
    private EpochPanels() {}

    /** Adds a panel with every rule's curves of {@code metric} at {@code layer}. */
    public static EpochCurves.Panel add(EpochCurves figure, String panelTitle, MetricsSink metrics, List<String> rules,
            String metric, int layer) {
        EpochCurves.Panel panel = figure.panel(panelTitle);
        for (String rule : rules) {
            SeedCurves c = metrics.curves(rule, metric, layer);
            if (!c.isEmpty()) {
                panel.rule(rule, c.epochAxis(), c.values());
            }
        }
        return panel;
    }

    /** The update-angle figure (∠(ΔW, ΔW_BP), one panel per forward projection W_1 … W_N) of the microcircuit experiments. */
    public static EpochCurves updateAngles(MetricsSink metrics, List<String> rules, int pyramidalLayers) {
        EpochCurves figure = new EpochCurves("Forward updates against backpropagation", "∠(ΔW, ΔW_BP) (°)")
                .showSeeds(true).referenceLine(0, "0° (aligned)");
        for (int l = 1; l <= pyramidalLayers; l++) {
            add(figure, "W_" + l + " (layer " + l + ")", metrics, rules, MetricNames.ANGLE_DW_BP, l);
        }
        return figure;
    }

    /** The mean and population std over seeds of {@code metric} at the given epoch, or null when nothing was recorded. */
    public static double[] meanAndStd(MetricsSink metrics, String rule, String metric, int layer, int epoch) {
        SeedCurves c = metrics.curves(rule, metric, layer);
        int e = Arrays.binarySearch(c.epochs(), epoch);
        if (c.isEmpty() || e < 0) {
            return null;
        }
        double sum = 0;
        int n = 0;
        for (double[] seed : c.values()) {
            if (!Double.isNaN(seed[e])) {
                sum += seed[e];
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] seed : c.values()) {
            if (!Double.isNaN(seed[e])) {
                squares += (seed[e] - mean) * (seed[e] - mean);
            }
        }
        return new double[] {mean, Math.sqrt(squares / n)};
    }

    /** {@code 12.3 ± 0.4} with {@code digits} decimals, or {@code n/a}. */
    public static String format(double[] meanAndStd, int digits) {
        if (meanAndStd == null) {
            return "n/a";
        }
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " ± " + f, meanAndStd[0], meanAndStd[1]);
    }
}
