package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsComparisonTest {
    private static final String HEADER = "rule,seed,epoch,metric,layer,value";

    @Test
    void identicalFilesAreIdentical() {
        var c = MetricsComparison.of(List.of(HEADER, "pal,1,0,mse,,0.5"), List.of(HEADER, "pal,1,0,mse,,0.5"));
        assertThat(c.identical()).isTrue();
        assertThat(c.describe()).isEqualTo("metrics.csv is bit-identical (1 rows)");
    }

    @Test
    void differenceInTheLastBitIsFoundAndMeasured() {
        var c = MetricsComparison.of(List.of(HEADER, "pal,1,0,mse,,0.5", "pal,1,1,mse,,0.25"),
                List.of(HEADER, "pal,1,0,mse,,0.5", "pal,1,1,mse,,0.25000000000000006"));
        assertThat(c.identical()).isFalse();
        assertThat(c.differingRows()).isEqualTo(1);
        assertThat(c.largestDifference()).isEqualTo(Math.ulp(0.25));
        assertThat(c.firstDifference()).isEqualTo("pal,1,1,mse,,0.25 → pal,1,1,mse,,0.25000000000000006");
    }

    @Test
    void missingRowsCountAndHaveNoNumericDifference() {
        var c = MetricsComparison.of(List.of(HEADER, "pal,1,0,mse,,0.5", "pal,1,1,mse,,0.25"), List.of(HEADER, "pal,1,0,mse,,0.5"));
        assertThat(c.differingRows()).isEqualTo(1);
        assertThat(c.largestDifference()).isNaN();
        assertThat(c.describe()).contains("rows added or removed");
    }
}
