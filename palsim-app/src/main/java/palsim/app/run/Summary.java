package palsim.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.MetricsSink;
import palsim.app.metrics.SeedStatistics;

/**
 * The last-epoch statistics of a run (summary.json, docs/metrics.md): for every rule, metric and
 * layer, the values of the seeds at the last epoch recorded for that rule, metric and layer, their
 * mean ± std over seeds ({@link SeedStatistics}: finite values, population std), plus the
 * experiment's extras.
 */
public final class Summary {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** summary.json's key for network-wide metrics in place of a layer number. */
    public static final String NETWORK_KEY = "network";

    private final List<FinalValue> finals;
    private final SummaryExtrasTable extras;
    private final List<String> rules;
    private final List<Long> seeds;

    /**
     * One rule, metric and layer at its last epoch.
     *
     * @param seeds the seeds with a value at {@code epoch}, config order
     * @param values their values
     * @param statistics mean ± std of the finite ones
     */
    public record FinalValue(String rule, String metric, int layer, int epoch, long[] seeds, double[] values,
            SeedStatistics statistics) {
        /** The mean over the seeds with a finite value (NaN without one). */
        public double mean() {
            return statistics.mean();
        }

        /** Their population standard deviation. */
        public double std() {
            return statistics.std();
        }
    }

    private Summary(List<FinalValue> finals, SummaryExtrasTable extras, List<String> rules, List<Long> seeds) {
        this.finals = List.copyOf(finals);
        this.extras = extras;
        this.rules = rules;
        this.seeds = seeds;
    }

    /** The summary of everything in {@code table}. */
    public static Summary of(MetricsTable table, SummaryExtrasTable extras) {
        // rows() is sorted by rule, seed, epoch, metric, layer; regroup by (rule, metric, layer).
        record Group(String rule, String metric, int layer) {}
        Map<Group, List<MetricsTable.Row>> groups = new LinkedHashMap<>();
        for (MetricsTable.Row row : table.rows()) {
            groups.computeIfAbsent(new Group(row.rule(), row.metric(), row.layer()), k -> new ArrayList<>()).add(row);
        }
        List<FinalValue> finals = new ArrayList<>();
        for (List<MetricsTable.Row> rows : groups.values()) {
            int last = 0;
            for (MetricsTable.Row r : rows) {
                last = Math.max(last, r.epoch());
            }
            int lastEpoch = last;
            List<MetricsTable.Row> atLast = rows.stream().filter(r -> r.epoch() == lastEpoch).toList();
            long[] seedArray = atLast.stream().mapToLong(MetricsTable.Row::seed).toArray();
            double[] values = atLast.stream().mapToDouble(MetricsTable.Row::value).toArray();
            MetricsTable.Row first = atLast.getFirst();
            finals.add(new FinalValue(first.rule(), first.metric(), first.layer(), lastEpoch, seedArray, values,
                    SeedStatistics.of(values)));
        }
        finals.sort((a, b) -> {
            int c = Integer.compare(table.rules().indexOf(a.rule()), table.rules().indexOf(b.rule()));
            c = c != 0 ? c : a.metric().compareTo(b.metric());
            return c != 0 ? c : Integer.compare(a.layer(), b.layer());
        });
        return new Summary(finals, extras, table.rules(), table.seeds());
    }

    /** All last-epoch values: rules in config order, then metric names, then layers. */
    public List<FinalValue> finals() {
        return finals;
    }

    /** summary.json. */
    public String toJson(CommonSettings common) {
        ObjectNode root = JSON.createObjectNode();
        root.put("task", common.task());
        root.put("epochs", common.epochs());
        var seedList = root.putArray("seeds");
        seeds.forEach(seedList::add);
        var ruleList = root.putArray("rules");
        rules.forEach(ruleList::add);
        ObjectNode last = root.putObject("final");
        for (FinalValue f : finals) {
            ObjectNode byMetric = last.has(f.rule()) ? (ObjectNode) last.get(f.rule()) : last.putObject(f.rule());
            ObjectNode byLayer = byMetric.has(f.metric()) ? (ObjectNode) byMetric.get(f.metric()) : byMetric.putObject(f.metric());
            ObjectNode entry = byLayer.putObject(f.layer() == MetricsSink.NETWORK ? NETWORK_KEY : Integer.toString(f.layer()));
            entry.put("epoch", f.epoch());
            putNumber(entry, "mean", f.mean());
            putNumber(entry, "std", f.std());
            entry.put("n", f.statistics().finite());
            ObjectNode perSeed = entry.putObject("per_seed");
            for (int i = 0; i < f.seeds().length; i++) {
                putNumber(perSeed, Long.toString(f.seeds()[i]), f.values()[i]);
            }
        }
        ObjectNode extrasNode = root.putObject("extras");
        for (String name : extras.names()) {
            ObjectNode byRule = extrasNode.putObject(name);
            for (String rule : rules) {
                ObjectNode bySeed = null;
                for (long seed : seeds) {
                    if (extras.has(name, rule, seed)) {
                        bySeed = bySeed != null ? bySeed : byRule.putObject(rule);
                        Number v = extras.get(name, rule, seed);
                        String key = Long.toString(seed);
                        if (v == null) {
                            bySeed.putNull(key);
                        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                            bySeed.put(key, v.longValue());
                        } else {
                            putNumber(bySeed, key, v.doubleValue());
                        }
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The headline table for the terminal: one row per metric and layer, one column per rule, cells
     * "mean ± std"; at most {@code maxRows} rows (a last line says how many were left out).
     */
    public List<String> headlineTable(int maxRows) {
        Map<String, Map<String, FinalValue>> rows = new LinkedHashMap<>();
        List<FinalValue> ordered = new ArrayList<>(finals);
        ordered.sort((a, b) -> {
            int c = a.metric().compareTo(b.metric());
            return c != 0 ? c : Integer.compare(a.layer(), b.layer());
        });
        for (FinalValue f : ordered) {
            rows.computeIfAbsent(f.metric() + "\u0000" + f.layer(), k -> new LinkedHashMap<>()).put(f.rule(), f);
        }
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[2 + rules.size()];
        header[0] = "metric";
        header[1] = "layer";
        for (int r = 0; r < rules.size(); r++) {
            header[2 + r] = rules.get(r);
        }
        cells.add(header);
        for (Map<String, FinalValue> row : rows.values()) {
            FinalValue any = row.values().iterator().next();
            String[] line = new String[header.length];
            line[0] = any.metric();
            line[1] = any.layer() == MetricsSink.NETWORK ? "" : Integer.toString(any.layer());
            for (int r = 0; r < rules.size(); r++) {
                FinalValue f = row.get(rules.get(r));
                line[2 + r] = f == null ? "–" : f.statistics().finite() == 0 ? "n/a"
                        : format(f.mean()) + " ± " + format(f.std()) + (f.statistics().complete() ? ""
                        : " (" + f.statistics().finite() + "/" + f.statistics().seeds() + ")");
            }
            cells.add(line);
        }
        int[] widths = new int[header.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        List<String> out = new ArrayList<>();
        int shown = Math.min(cells.size(), maxRows + 1);
        for (int i = 0; i < shown; i++) {
            StringBuilder s = new StringBuilder("  ");
            for (int c = 0; c < widths.length; c++) {
                String cell = cells.get(i)[c];
                s.append(pad(cell, widths[c], c >= 2)).append("   ");
            }
            out.add(s.toString().stripTrailing());
        }
        if (cells.size() > shown) {
            out.add("  … " + (cells.size() - shown) + " more rows in summary.json");
        }
        return out;
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    private static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
