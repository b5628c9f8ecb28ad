package palsim.app.experiment.microcircuit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import palsim.core.microcircuit.protocol.SeedGroups;

/**
 * One unit of independent work of a microcircuit experiment: one rule and one group of at most L
 * seeds that share the SIMD lanes of a {@link palsim.core.microcircuit.MicrocircuitGroup}. Seeds
 * are grouped in config order ({@link SeedGroups#partition}), so a seed's results do not depend on
 * the thread count.
 *
 * @param circuit the rule and its circuit
 * @param seeds the group's seeds, lane order
 * @param groupIndex 0 for the group holding the run's first seed
 */
record SeedGroupJob(RuleCircuit circuit, long[] seeds, int groupIndex) {

    /** Every rule × seed group, rule-major (config order of both). */
    static List<SeedGroupJob> all(List<RuleCircuit> circuits, long[] seeds) {
        List<SeedGroupJob> jobs = new ArrayList<>();
        for (RuleCircuit circuit : circuits) {
            List<long[]> groups = SeedGroups.partition(circuit.spec(), seeds);
            for (int g = 0; g < groups.size(); g++) {
                jobs.add(new SeedGroupJob(circuit, groups.get(g), g));
            }
        }
        return jobs;
    }

    String rule() {
        return circuit.rule();
    }

    /** For failure messages: {@code rule pal, seeds 123, 456}. */
    String label() {
        return "rule " + circuit.rule() + ", seeds "
                + Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }
}
