package palsim.app.experiment.microcircuit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads values back from a run's metrics.csv ({@code rule,seed,epoch,metric,layer,value}). */
record MetricsCsv(List<String[]> rows) {

    static MetricsCsv read(Path runDirectory) {
        try {
            List<String> lines = Files.readAllLines(runDirectory.resolve("metrics.csv"));
            return new MetricsCsv(lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at (rule, seed, epoch, metric, layer); layer "" for network-wide metrics. */
    double value(String rule, long seed, int epoch, String metric, String layer) {
        for (String[] r : rows) {
            if (r[0].equals(rule) && r[1].equals(Long.toString(seed)) && r[2].equals(Integer.toString(epoch))
                    && r[3].equals(metric) && r[4].equals(layer)) {
                return Double.parseDouble(r[5]);
            }
        }
        throw new AssertionError("no value for " + rule + ", " + seed + ", " + epoch + ", " + metric + ", " + layer);
    }

    double value(String rule, long seed, int epoch, String metric, int layer) {
        return value(rule, seed, epoch, metric, Integer.toString(layer));
    }

    /** How many rows have this metric. */
    long count(String metric) {
        return rows.stream().filter(r -> r[3].equals(metric)).count();
    }
}
