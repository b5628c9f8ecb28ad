package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.SeedCurves;

class MetricsTableTest {
    private static final List<String> RULES = List.of("pal", "fa", "bp");
    private static final List<Long> SEEDS = List.of(456L, 123L);

    private record Entry(String rule, long seed, int epoch, String metric, int layer, double value) {}

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String rule : RULES) {
            for (long seed : SEEDS) {
                for (int epoch = 0; epoch <= 2; epoch++) {
                    entries.add(new Entry(rule, seed, epoch, "mse", MetricsSink.NETWORK, epoch + seed * 1e-3));
                    for (int layer = 1; layer <= 2; layer++) {
                        entries.add(new Entry(rule, seed, epoch, "angle_B_WT", layer, 90.0 / (1 + epoch + layer)));
                    }
                }
            }
        }
        return entries;
    }

    private static MetricsTable filled(List<Entry> entries) {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        for (Entry e : entries) {
            table.record(e.rule(), e.seed(), e.epoch(), e.metric(), e.layer(), e.value());
        }
        return table;
    }

    @Test
    void rowsAreOrderedByConfigRuleConfigSeedEpochMetricLayerWhateverTheRecordingOrder() {
        List<Entry> entries = entries();
        String inOrder = filled(entries).toCsv();
        Collections.shuffle(entries, new Random(7));
        assertThat(filled(entries).toCsv()).isEqualTo(inOrder);
        List<String> lines = inOrder.lines().toList();
        assertThat(lines.subList(0, 5)).containsExactly(
                "rule,seed,epoch,metric,layer,value",
                "pal,456,0,angle_B_WT,1,45.0",
                "pal,456,0,angle_B_WT,2,30.0",
                "pal,456,0,mse,,0.456",
                "pal,456,1,angle_B_WT,1,30.0");
        assertThat(lines.get(1 + 9)).as("second seed in config order").startsWith("pal,123,0,");
        assertThat(lines.get(1 + 18)).as("second rule in config order").startsWith("fa,456,0,");
    }

    @Test
    void valuesReadBackBitwise() {
        double[] values = {0.1 + 0.2, Math.PI, 1e-300, -0.0, Double.MIN_VALUE, 123456789.123456789, Double.NaN};
        MetricsTable table = new MetricsTable(List.of("pal"), List.of(1L));
        for (int i = 0; i < values.length; i++) {
            table.record("pal", 1, i, "mse", values[i]);
        }
        List<String> lines = table.toCsv().lines().skip(1).toList();
        for (int i = 0; i < values.length; i++) {
            double read = Double.parseDouble(lines.get(i).substring(lines.get(i).lastIndexOf(',') + 1));
            assertThat(Double.doubleToRawLongBits(read)).as(lines.get(i)).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void concurrentRecordingFromManyThreadsLosesNothingAndGivesTheSameCsv() throws InterruptedException {
        List<Entry> entries = entries();
        String expected = filled(entries).toCsv();
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (int i = offset; i < entries.size(); i += threads.length) {
                    Entry e = entries.get(i);
                    table.record(e.rule(), e.seed(), e.epoch(), e.metric(), e.layer(), e.value());
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(table.toCsv()).isEqualTo(expected);
    }

    @Test
    void recordingTheSameValueTwiceIsABug() {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        table.record("pal", 123, 0, "mse", 1.0);
        assertThatThrownBy(() -> table.record("pal", 123, 0, "mse", 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already recorded");
    }

    @Test
    void unknownRuleSeedBadNameOrIndexIsRejected() {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        assertThatThrownBy(() -> table.record("kp", 123, 0, "mse", 1)).hasMessageContaining("rule 'kp'");
        assertThatThrownBy(() -> table.record("pal", 7, 0, "mse", 1)).hasMessageContaining("seed 7");
        assertThatThrownBy(() -> table.record("pal", 123, -1, "mse", 1)).hasMessageContaining("epoch");
        assertThatThrownBy(() -> table.record("pal", 123, 0, "m,se", 1)).hasMessageContaining("metric name");
        assertThatThrownBy(() -> table.record("pal", 123, 0, "mse", -2, 1)).hasMessageContaining("layer");
    }

    @Test
    void curvesHaveOneRowPerSeedInConfigOrderAndNaNForGaps() {
        MetricsTable table = new MetricsTable(RULES, SEEDS);
        table.record("fa", 123, 0, "angle_B_WT", 1, 90);
        table.record("fa", 123, 2, "angle_B_WT", 1, 80);
        table.record("fa", 456, 1, "angle_B_WT", 1, 85);
        table.record("fa", 456, 1, "angle_B_WT", 2, 1);
        SeedCurves curves = table.curves("fa", "angle_B_WT", 1);
        assertThat(curves.seeds()).containsExactly(456L, 123L);
        assertThat(curves.epochs()).containsExactly(0, 1, 2);
        assertThat(curves.values()[0]).containsExactly(Double.NaN, 85.0, Double.NaN);
        assertThat(curves.values()[1]).containsExactly(90.0, Double.NaN, 80.0);
        assertThat(table.curves("pal", "angle_B_WT", 1).isEmpty()).isTrue();
    }
}
