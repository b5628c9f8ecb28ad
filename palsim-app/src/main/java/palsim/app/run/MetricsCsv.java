package palsim.app.run;

import java.util.ArrayList;
import java.util.List;
import palsim.app.InputException;
import palsim.app.experiment.MetricsSink;

/**
 * Reads metrics.csv (or metrics.partial.csv) back into a {@link MetricsTable}. Rules and seeds are
 * taken in order of first appearance, which for a complete metrics.csv is the config order, so the
 * table writes the file back byte for byte.
 */
final class MetricsCsv {
    private MetricsCsv() {}

    /**
     * Parses the lines of a metrics file, header first.
     *
     * @param shownAs the file as messages name it
     * @throws InputException naming the file and line of the first malformed row
     */
    static MetricsTable parse(List<String> lines, String shownAs) {
        if (lines.isEmpty() || !lines.getFirst().equals(MetricsTable.HEADER)) {
            throw new InputException(shownAs + ": not a metrics file (expected the header " + MetricsTable.HEADER + ")");
        }
        List<MetricsTable.Row> rows = new ArrayList<>(lines.size());
        List<String> rules = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            MetricsTable.Row row;
            try {
                row = parseRow(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new InputException(shownAs + ": line " + (i + 1) + ": " + e.getMessage());
            }
            if (!rules.contains(row.rule())) {
                rules.add(row.rule());
            }
            if (!seeds.contains(row.seed())) {
                seeds.add(row.seed());
            }
            rows.add(row);
        }
        MetricsTable table = new MetricsTable(rules, seeds);
        for (int i = 0; i < rows.size(); i++) {
            MetricsTable.Row r = rows.get(i);
            try {
                table.record(r.rule(), r.seed(), r.epoch(), r.metric(), r.layer(), r.value());
            } catch (IllegalArgumentException e) {
                throw new InputException(shownAs + ": line " + (i + 2) + ": " + e.getMessage());
            }
        }
        return table;
    }

    private static MetricsTable.Row parseRow(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 fields (" + MetricsTable.HEADER + "), got " + f.length);
        }
        MetricsTable.requireName(f[0]);
        long seed = parseLong(f[1], "seed");
        long epoch = parseLong(f[2], "epoch");
        MetricsTable.requireName(f[3]);
        int layer = f[4].isEmpty() ? MetricsSink.NETWORK : (int) parseLong(f[4], "layer");
        double value;
        try {
            value = Double.parseDouble(f[5]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value: not a number: '" + f[5] + "'");
        }
        if (epoch < 0 || epoch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("epoch: out of range: " + epoch);
        }
        return new MetricsTable.Row(f[0], seed, (int) epoch, f[3], layer, value);
    }

    private static long parseLong(String text, String column) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": not an integer: '" + text + "'");
        }
    }
}
