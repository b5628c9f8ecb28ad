package palsim.app.experiment;

import java.util.Arrays;
import java.util.List;
import palsim.app.metrics.SeedStatistics;
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

    /**
     * Mean ± std over seeds of {@code metric} at the given epoch (finite values only, as everywhere),
     * or statistics over no seed when nothing was recorded then.
     */
    public static SeedStatistics meanAndStd(MetricsSink metrics, String rule, String metric, int layer, int epoch) {
        SeedCurves c = metrics.curves(rule, metric, layer);
        int e = Arrays.binarySearch(c.epochs(), epoch);
        if (c.isEmpty() || e < 0) {
            return SeedStatistics.of(new double[0]);
        }
        return SeedStatistics.ofColumn(c.values(), e);
    }
}
