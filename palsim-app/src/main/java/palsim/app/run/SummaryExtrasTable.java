package palsim.app.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import palsim.app.experiment.SummaryExtras;

/** The {@code extras} of summary.json, collected from any thread. */
public final class SummaryExtrasTable implements SummaryExtras {
    private final List<String> rules;
    private final List<Long> seeds;
    private final Map<Key, Optional<Number>> values = new ConcurrentHashMap<>();

    record Key(String name, String rule, long seed) {}

    public SummaryExtrasTable(List<String> rules, List<Long> seeds) {
        this.rules = List.copyOf(rules);
        this.seeds = List.copyOf(seeds);
    }

    @Override
    public void put(String name, String rule, long seed, Number value) {
        MetricsTable.requireName(name);
        if (!rules.contains(rule)) {
            throw new IllegalArgumentException("rule '" + rule + "' is not one of this run's rules " + rules);
        }
        if (!seeds.contains(seed)) {
            throw new IllegalArgumentException("seed " + seed + " is not one of this run's seeds " + seeds);
        }
        if (values.putIfAbsent(new Key(name, rule, seed), Optional.ofNullable(value)) != null) {
            throw new IllegalArgumentException("extra " + name + " of rule " + rule + ", seed " + seed + " was already recorded");
        }
    }

    /** Whether {@code name} has an entry for (rule, seed). */
    boolean has(String name, String rule, long seed) {
        return values.containsKey(new Key(name, rule, seed));
    }

    /** The value recorded under (name, rule, seed); null when it was recorded as null or not at all. */
    Number get(String name, String rule, long seed) {
        return values.getOrDefault(new Key(name, rule, seed), Optional.empty()).orElse(null);
    }

    /** The names with at least one entry, sorted. */
    List<String> names() {
        return values.keySet().stream().map(Key::name).distinct().sorted().toList();
    }

    /** Whether nothing was recorded. */
    boolean isEmpty() {
        return values.isEmpty();
    }
}
