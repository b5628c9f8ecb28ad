package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.app.experiment.CommonSettings;

class SummaryTest {
    private static final List<String> RULES = List.of("pal", "bp");
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L);
    private static final CommonSettings COMMON = new CommonSettings("t", "", SEEDS, 5);

    @Test
    void finalValuesTakeTheLastEpochOfEachRuleMetricAndLayer() {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        for (long seed : SEEDS) {
            for (int epoch = 0; epoch <= 5; epoch++) {
                table.record("pal", seed, epoch, "mse", seed * 10 + epoch);
            }
            for (int epoch = 0; epoch <= 3; epoch++) {
                table.record("pal", seed, epoch, "lin_sep", epoch / 10.0);
            }
        }
        table.record("bp", 2, 0, "angle_B_WT", 1, 0.0);
        table.record("bp", 3, 0, "angle_B_WT", 1, 0.0);
        Summary summary = Summary.of(table, new SummaryExtrasTable(RULES, SEEDS));
        List<Summary.FinalValue> finals = summary.finals();
        assertThat(finals).extracting(f -> f.rule() + "/" + f.metric() + "/" + f.epoch())
                .containsExactly("pal/lin_sep/3", "pal/mse/5", "bp/angle_B_WT/0");
        Summary.FinalValue mse = finals.get(1);
        assertThat(mse.seeds()).containsExactly(1, 2, 3, 4);
        assertThat(mse.values()).containsExactly(15, 25, 35, 45);
        assertThat(mse.mean()).isEqualTo(30);
        assertThat(mse.std()).isCloseTo(Math.sqrt(125), within(1e-12));
        assertThat(finals.get(2).seeds()).as("only seeds that recorded it").containsExactly(2, 3);
    }

    @Test
    void summaryJsonHasPerSeedValuesMeanStdAndExtras() throws Exception {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        for (long seed : SEEDS) {
            table.record("pal", seed, 5, "angle_B_WT", 1, seed);
            table.record("pal", seed, 5, "mse", seed == 4 ? Double.NaN : 0.5);
        }
        SummaryExtrasTable extras = new SummaryExtrasTable(RULES, SEEDS);
        extras.put("sign_flip_epoch", "pal", 2, 812);
        extras.put("sign_flip_epoch", "pal", 1, null);
        extras.put("sign_flip_epoch", "bp", 1, 0.5);
        JsonNode json = new ObjectMapper().readTree(Summary.of(table, extras).toJson(COMMON));
        assertThat(json.get("task").asText()).isEqualTo("t");
        assertThat(json.get("seeds").toString()).isEqualTo("[1,2,3,4]");
        JsonNode angle = json.at("/final/pal/angle_B_WT/1");
        assertThat(angle.get("epoch").asInt()).isEqualTo(5);
        assertThat(angle.get("mean").asDouble()).isEqualTo(2.5);
        assertThat(angle.get("std").asDouble()).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(angle.get("n").asInt()).isEqualTo(4);
        assertThat(angle.get("per_seed").toString()).isEqualTo("{\"1\":1.0,\"2\":2.0,\"3\":3.0,\"4\":4.0}");
        JsonNode mse = json.at("/final/pal/mse/network");
        assertThat(mse.get("mean").asDouble()).as("over the finite seeds").isEqualTo(0.5);
        assertThat(mse.get("std").asDouble()).isZero();
        assertThat(mse.get("n").asInt()).as("finite seeds").isEqualTo(3);
        assertThat(mse.at("/per_seed/4").isNull()).as("NaN is written as null").isTrue();
        assertThat(json.at("/extras/sign_flip_epoch").toString()).isEqualTo("{\"pal\":{\"1\":null,\"2\":812},\"bp\":{\"1\":0.5}}");
    }

    @Test
    void headlineTableHasOneRowPerMetricAndLayerAndOneColumnPerRule() {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        for (long seed : SEEDS) {
            table.record("pal", seed, 1, "angle_B_WT", 1, 10 + seed);
            table.record("bp", seed, 1, "angle_B_WT", 1, 0);
            table.record("bp", seed, 1, "mse", 0.25);
        }
        List<String> lines = Summary.of(table, new SummaryExtrasTable(RULES, SEEDS)).headlineTable(10);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("metric").contains("layer").contains("pal").contains("bp");
        assertThat(lines.get(1)).contains("angle_B_WT").contains("12.5 ± 1.118").contains("0 ± 0");
        assertThat(lines.get(2)).contains("mse").contains("–").contains("0.25 ± 0");
        table.record("bp", 1, 2, "mse", Double.NaN);
        table.record("bp", 2, 2, "mse", 0.5);
        assertThat(Summary.of(table, new SummaryExtrasTable(RULES, SEEDS)).headlineTable(10).get(2))
                .as("the finite seeds of those recorded").endsWith("0.5 ± 0 (1/2)");
        assertThat(Summary.of(table, new SummaryExtrasTable(RULES, SEEDS)).headlineTable(1)).last()
                .isEqualTo("  … 1 more rows in summary.json");
    }
}
