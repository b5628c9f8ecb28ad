package palsim.app.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.SeedCurves;

/**
 * The metrics of one run, collected from any number of threads and written in one fixed order —
 * rule (config order), seed (config order), epoch, metric (alphabetical), layer (network-wide first)
 * — so that metrics.csv is byte-identical whatever the thread count (docs/metrics.md).
 *
 * <p>Storage: one bucket per (rule, seed) of packed primitive keys and values, about 40 bytes per
 * value, so that long runs (e.g. 5000 epochs × 10 seeds × 3 rules × several metrics ≈ 10⁶ values)
 * stay cheap. A key packs {@code epoch << 32 | metric << 16 | (layer + 1)}; metric ids are given in
 * order of first use (which may differ between runs) and are replaced by alphabetical ranks before
 * sorting, so the output order never depends on them.
 */
public final class MetricsTable implements MetricsSink {
    /** The header of metrics.csv. */
    public static final String HEADER = "rule,seed,epoch,metric,layer,value";
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final int MAX_METRICS = 1 << 16;
    private static final int MAX_LAYER = (1 << 16) - 2;

    private final List<String> rules;
    private final List<Long> seeds;
    private final Bucket[] buckets;
    private final ConcurrentHashMap<String, Integer> metricIds = new ConcurrentHashMap<>();
    private final List<String> metricNames = new CopyOnWriteArrayList<>();
    /** {@link #rows()} of the current content; null after a new record. */
    private volatile List<Row> sorted;

    /** Rule and seed positions in these lists order the output. */
    public MetricsTable(List<String> rules, List<Long> seeds) {
        this.rules = List.copyOf(rules);
        this.seeds = List.copyOf(seeds);
        this.buckets = new Bucket[this.rules.size() * this.seeds.size()];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new Bucket();
        }
    }

    /** One row of metrics.csv. */
    public record Row(String rule, long seed, int epoch, String metric, int layer, double value) {
        /** Whether the metric is network-wide (empty layer column). */
        public boolean networkWide() {
            return layer == NETWORK;
        }
    }

    @Override
    public void record(String rule, long seed, int epoch, String metric, int layer, double value) {
        int r = ruleIndex(rule);
        int s = seedIndex(seed);
        requireEpoch(epoch);
        requireLayer(layer);
        long key = ((long) epoch << 32) | ((long) metricId(metric) << 16) | (layer + 1);
        sorted = null;
        if (!buckets[r * seeds.size() + s].add(key, value)) {
            throw new IllegalArgumentException("metric " + metric + " of rule " + rule + ", seed " + seed + ", epoch "
                    + epoch + (layer == NETWORK ? "" : ", layer " + layer) + " was already recorded");
        }
    }

    @Override
    public SeedCurves curves(String rule, String metric, int layer) {
        int r = ruleIndex(rule);
        Integer id = metricIds.get(metric);
        List<long[]> perSeedKeys = new ArrayList<>();
        List<double[]> perSeedValues = new ArrayList<>();
        List<Long> seedsWithData = new ArrayList<>();
        long[] allEpochs = new long[0];
        for (int s = 0; s < seeds.size() && id != null; s++) {
            Bucket b = buckets[r * seeds.size() + s];
            long[] epochs;
            double[] values;
            synchronized (b) {
                int n = 0;
                epochs = new long[b.size];
                values = new double[b.size];
                for (int i = 0; i < b.size; i++) {
                    long k = b.keys[i];
                    if ((int) ((k >>> 16) & 0xFFFF) == id && (int) (k & 0xFFFF) == layer + 1) {
                        epochs[n] = k >>> 32;
                        values[n] = b.values[i];
                        n++;
                    }
                }
                epochs = Arrays.copyOf(epochs, n);
                values = Arrays.copyOf(values, n);
            }
            if (epochs.length > 0) {
                seedsWithData.add(seeds.get(s));
                perSeedKeys.add(epochs);
                perSeedValues.add(values);
                allEpochs = union(allEpochs, epochs);
            }
        }
        int[] epochAxis = Arrays.stream(allEpochs).mapToInt(e -> (int) e).toArray();
        double[][] table = new double[seedsWithData.size()][epochAxis.length];
        for (int s = 0; s < table.length; s++) {
            Arrays.fill(table[s], Double.NaN);
            long[] epochs = perSeedKeys.get(s);
            for (int i = 0; i < epochs.length; i++) {
                table[s][Arrays.binarySearch(allEpochs, epochs[i])] = perSeedValues.get(s)[i];
            }
        }
        return new SeedCurves(seedsWithData.stream().mapToLong(Long::longValue).toArray(), epochAxis, table);
    }

    /** All rows in output order (computed once per content). */
    public List<Row> rows() {
        List<Row> cached = sorted;
        if (cached != null) {
            return cached;
        }
        List<String> names = List.copyOf(metricNames);
        String[] alphabetical = names.toArray(String[]::new);
        Arrays.sort(alphabetical);
        int[] rankOfId = new int[names.size()];
        int[] idOfRank = new int[names.size()];
        for (int id = 0; id < names.size(); id++) {
            rankOfId[id] = Arrays.binarySearch(alphabetical, names.get(id));
            idOfRank[rankOfId[id]] = id;
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (int s = 0; s < seeds.size(); s++) {
                Bucket b = buckets[r * seeds.size() + s];
                synchronized (b) {
                    long[] order = new long[b.size];
                    for (int i = 0; i < b.size; i++) {
                        order[i] = withMetric(b.keys[i], rankOfId[metricOf(b.keys[i])]);
                    }
                    Arrays.sort(order);
                    for (long k : order) {
                        int id = idOfRank[metricOf(k)];
                        rows.add(new Row(rules.get(r), seeds.get(s), (int) (k >>> 32), names.get(id), (int) (k & 0xFFFF) - 1,
                                b.values[b.positionOf(withMetric(k, id))]));
                    }
                }
            }
        }
        cached = List.copyOf(rows);
        sorted = cached;
        return cached;
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        for (Bucket b : buckets) {
            synchronized (b) {
                if (b.size > 0) {
                    return false;
                }
            }
        }
        return true;
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

    private static int metricOf(long key) {
        return (int) ((key >>> 16) & 0xFFFF);
    }

    private static long withMetric(long key, int metric) {
        return (key & ~(0xFFFFL << 16)) | ((long) metric << 16);
    }

    private static long[] union(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    private int metricId(String metric) {
        Integer id = metricIds.get(requireName(metric));
        if (id != null) {
            return id;
        }
        synchronized (metricNames) {
            return metricIds.computeIfAbsent(metric, m -> {
                if (metricNames.size() >= MAX_METRICS) {
                    throw new IllegalArgumentException("more than " + MAX_METRICS + " metric names");
                }
                metricNames.add(m);
                return metricNames.size() - 1;
            });
        }
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

    private static void requireEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }

    private static void requireLayer(int layer) {
        if ((layer < 0 && layer != NETWORK) || layer > MAX_LAYER) {
            throw new IllegalArgumentException("layer must be in [0, " + MAX_LAYER + "] or MetricsSink.NETWORK, got " + layer);
        }
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a metric name is letters, digits and underscores, got '" + name + "'");
        }
        return name;
    }

    /**
     * The values of one (rule, seed): packed keys and values in arrival order, with an open-addressing
     * index key → position that finds duplicates. Guarded by its own monitor.
     */
    private static final class Bucket {
        private static final long EMPTY = -1;

        long[] keys = new long[16];
        double[] values = new double[16];
        int size;
        private long[] slots = emptySlots(32);
        private int[] positions = new int[32];

        /** Adds a value; false if the key is taken. */
        synchronized boolean add(long key, double value) {
            if (2 * (size + 1) > slots.length) {
                rehash(2 * slots.length);
            }
            int slot = find(slots, key);
            if (slots[slot] == key) {
                return false;
            }
            slots[slot] = key;
            positions[slot] = size;
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return true;
        }

        /** Position of a key that is present. */
        int positionOf(long key) {
            return positions[find(slots, key)];
        }

        /** The slot holding {@code key}, or the empty slot where it would go (linear probing). */
        private static int find(long[] slots, long key) {
            int mask = slots.length - 1;
            int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (slots[slot] != EMPTY && slots[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void rehash(int capacity) {
            long[] newSlots = emptySlots(capacity);
            int[] newPositions = new int[capacity];
            for (int i = 0; i < size; i++) {
                int slot = find(newSlots, keys[i]);
                newSlots[slot] = keys[i];
                newPositions[slot] = i;
            }
            slots = newSlots;
            positions = newPositions;
        }

        private static long[] emptySlots(int capacity) {
            long[] s = new long[capacity];
            Arrays.fill(s, EMPTY);
            return s;
        }
    }
}
