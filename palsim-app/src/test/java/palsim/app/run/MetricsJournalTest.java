package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.experiment.MetricsSink;

class MetricsJournalTest {
    @TempDir
    Path dir;

    @Test
    void valuesReachTheFileAtEachFlushAndAllOfThemByClose() throws IOException {
        Path file = dir.resolve("metrics.partial.csv");
        MetricsTable table = new MetricsTable(List.of("bp", "pal"), List.of(5L, 6L));
        // A flush interval far beyond the test: only the explicit flushes write.
        MetricsJournal journal = new MetricsJournal(table, file, 3_600_000);
        assertThat(Files.readAllLines(file)).containsExactly(MetricsTable.HEADER);
        journal.record("pal", 6, 0, "angle_B_WT", 1, 90.0);
        journal.record("pal", 6, 0, "mse", MetricsSink.NETWORK, Double.NaN);
        assertThat(Files.readAllLines(file)).as("not yet flushed").hasSize(1);
        journal.flush();
        assertThat(Files.readAllLines(file)).containsExactly(MetricsTable.HEADER, "pal,6,0,angle_B_WT,1,90.0", "pal,6,0,mse,,NaN");
        journal.record("bp", 5, 1, "mse", 0.1 + 0.2);
        journal.close();
        assertThat(Files.readAllLines(file)).last().isEqualTo("bp,5,1,mse,,0.30000000000000004");
        assertThat(journal.curves("pal", "mse", MetricsSink.NETWORK).values()[0][0]).isNaN();

        List<String> journalRows = Files.readAllLines(file).subList(1, 4);
        List<String> tableRows = table.toCsv().lines().skip(1).toList();
        assertThat(journalRows).as("the same rows as metrics.csv, in recording order").hasSameElementsAs(tableRows);
    }
}
