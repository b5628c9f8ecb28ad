package palsim.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import palsim.app.experiment.SeedCurves;
import palsim.app.plot.EpochCurves;
import palsim.app.plot.Figure;
import palsim.app.run.MetricsTable;

/**
 * Runs of one experiment side by side: for every metric, one figure with a panel per layer and one
 * curve (mean, ± std band, single seeds) per run and rule, labelled {@code run: rule}.
 */
final class OverlayFigures {
    private OverlayFigures() {}

    /** Metric name → its overlay figure, in the order the metrics first appear. */
    static Map<String, Figure> of(List<ReportRun> runs) {
        Map<String, TreeSet<Integer>> layers = new LinkedHashMap<>();
        for (ReportRun run : runs) {
            for (MetricsTable.Row row : run.metrics().rows()) {
                layers.computeIfAbsent(row.metric(), m -> new TreeSet<>()).add(row.layer());
            }
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<Integer>> metric : layers.entrySet()) {
            EpochCurves curves = new EpochCurves(metric.getKey() + ": " + names(runs), metric.getKey());
            for (int layer : metric.getValue()) {
                EpochCurves.Panel panel = curves.panel(layer == MetricsTable.NETWORK ? "network" : "layer " + layer);
                for (ReportRun run : runs) {
                    for (String rule : run.metrics().rules()) {
                        SeedCurves c = run.metrics().curves(rule, metric.getKey(), layer);
                        if (!c.isEmpty()) {
                            panel.rule(run.name() + ": " + rule, c.epochAxis(), c.values());
                        }
                    }
                }
            }
            figures.put(metric.getKey(), curves.toFigure());
        }
        return figures;
    }

    private static String names(List<ReportRun> runs) {
        List<String> names = new ArrayList<>();
        runs.forEach(r -> names.add(r.name()));
        return String.join(" vs ", names);
    }
}
