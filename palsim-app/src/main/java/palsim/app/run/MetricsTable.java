package palsim.app.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.SeedCurves;

/**
 * The metrics of one run, collected from any number of threads and written in one fixed order —
 * rule (config order), seed (config order), epoch, metric (alphabetical), layer (network-wide first)
 * — so that metrics.csv is byte-identical whatever the thread count (docs/metrics.md).
 */
public final class MetricsTable implements MetricsSink {
    /** The header of metrics.csv. */
    public static final String HEADER = "rule,seed,epoch,metric,layer,value";
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::rule).thenComparingInt(Key::seed)
            .thenComparingInt(Key::epoch).thenComparing(Key::metric).thenComparingInt(Key::layer);

    private final List<String> rules;
    private final List<Long> seeds;
    private final Map<Key, Double> values = new ConcurrentHashMap<>();
    /** {@link #rows()} of the current content; null after a new record. */
    private volatile List<Row> sorted;

    /** Rule and seed positions in these lists order the output. */
    public MetricsTable(List<String> rules, List<Long> seeds) {
        this.rules = List.copyOf(rules);
        this.seeds = List.copyOf(seeds);
    }

    /** One row of metrics.csv. */
    public record Row(String rule, long seed, int epoch, String metric, int layer, double value) {
        /** Whether the metric is network-wide (empty layer column). */
        public boolean networkWide() {
            return layer == NETWORK;
        }
    }

    private record Key(int rule, int seed, int epoch, String metric, int layer) {}

    @Override
    public void record(String rule, long seed, int epoch, String metric, int layer, double value) {
        Key key = new Key(ruleIndex(rule), seedIndex(seed), requireEpoch(epoch), requireName(metric), requireLayer(layer));
        sorted = null;
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("metric " + metric + " of rule " + rule + ", seed " + seed + ", epoch "
                    + epoch + (layer == NETWORK ? "" : ", layer " + layer) + " was already recorded");
        }
    }

    @Override
    public SeedCurves curves(String rule, String metric, int layer) {
        int r = ruleIndex(rule);
        TreeSet<Integer> epochs = new TreeSet<>();
        Map<Integer, Map<Integer, Double>> bySeed = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.rule() == r && k.metric().equals(metric) && k.layer() == layer) {
                epochs.add(k.epoch());
                bySeed.computeIfAbsent(k.seed(), s -> new TreeMap<>()).put(k.epoch(), v);
            }
        });
        int[] epochArray = epochs.stream().mapToInt(Integer::intValue).toArray();
        long[] seedArray = new long[bySeed.size()];
        double[][] table = new double[bySeed.size()][epochArray.length];
        int s = 0;
        for (Map.Entry<Integer, Map<Integer, Double>> seed : bySeed.entrySet()) {
            seedArray[s] = seeds.get(seed.getKey());
            for (int e = 0; e < epochArray.length; e++) {
                table[s][e] = seed.getValue().getOrDefault(epochArray[e], Double.NaN);
            }
            s++;
        }
        return new SeedCurves(seedArray, epochArray, table);
    }

    /** All rows in output order (computed once per content). */
    public List<Row> rows() {
        List<Row> cached = sorted;
        if (cached != null) {
            return cached;
        }
        List<Map.Entry<Key, Double>> entries = new ArrayList<>(values.entrySet());
        entries.sort(Map.Entry.comparingByKey(ORDER));
        List<Row> rows = new ArrayList<>(entries.size());
        for (Map.Entry<Key, Double> e : entries) {
            Key k = e.getKey();
            rows.add(new Row(rules.get(k.rule()), seeds.get(k.seed()), k.epoch(), k.metric(), k.layer(), e.getValue()));
        }
        cached = List.copyOf(rows);
        sorted = cached;
        return cached;
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The rules, in config order. */
    public List<String> rules() {
        return rules;
    }

    /** The seeds, in config order. */
    public List<Long> seeds() {
        return seeds;
    }

    /**
     * metrics.csv: the header, then one row per value; values in Java's shortest representation that
     * reads back to the same double (so reruns compare bitwise), {@code NaN} for NaN.
     */
    public String toCsv() {
        List<Row> rows = rows();
        StringBuilder csv = new StringBuilder(64 + 48 * rows.size()).append(HEADER).append('\n');
        for (Row row : rows) {
            csv.append(row.rule()).append(',').append(row.seed()).append(',').append(row.epoch()).append(',')
                    .append(row.metric()).append(',');
            if (!row.networkWide()) {
                csv.append(row.layer());
            }
            csv.append(',').append(Double.toString(row.value())).append('\n');
        }
        return csv.toString();
    }

    private int ruleIndex(String rule) {
        int i = rules.indexOf(rule);
        if (i < 0) {
            throw new IllegalArgumentException("rule '" + rule + "' is not one of this run's rules " + rules);
        }
        return i;
    }

    private int seedIndex(long seed) {
        int i = seeds.indexOf(seed);
        if (i < 0) {
            throw new IllegalArgumentException("seed " + seed + " is not one of this run's seeds " + seeds);
        }
        return i;
    }

    private static int requireEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return epoch;
    }

    private static int requireLayer(int layer) {
        if (layer < 0 && layer != NETWORK) {
            throw new IllegalArgumentException("layer must be >= 0 or MetricsSink.NETWORK, got " + layer);
        }
        return layer;
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a metric name is letters, digits and underscores, got '" + name + "'");
        }
        return name;
    }
}
