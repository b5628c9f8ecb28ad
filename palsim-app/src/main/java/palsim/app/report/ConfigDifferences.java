package palsim.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The config keys whose values differ between runs: every config is flattened to key paths
 * ({@code rules.pal.learning_rates}) with their values as YAML-like text, and a key is kept when
 * some run has another value or none.
 */
final class ConfigDifferences {
    private ConfigDifferences() {}

    /** Key path → the value in each run (null where the run lacks the key), for the differing keys only. */
    static Map<String, List<String>> of(List<ReportRun> runs) {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ReportRun run : runs) {
            Map<String, String> values = new LinkedHashMap<>();
            flatten("", run.config(), values);
            values.remove("description");
            flat.add(values);
            keys.addAll(values.keySet());
        }
        Map<String, List<String>> differing = new LinkedHashMap<>();
        for (String key : keys) {
            List<String> values = new ArrayList<>();
            flat.forEach(f -> values.add(f.get(key)));
            if (values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)))) {
                differing.put(key, values);
            }
        }
        return differing;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node.isTextual() ? node.textValue() : node.toString());
        }
    }
}
