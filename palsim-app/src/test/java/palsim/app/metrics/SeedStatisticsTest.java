package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void meanAndPopulationStdOverAllSeeds() {
        SeedStatistics s = SeedStatistics.of(new double[] {1, 2, 3, 4});
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.std()).as("ddof 0: √(5/4)").isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(s.finite()).isEqualTo(4);
        assertThat(s.complete()).isTrue();
        assertThat(SeedStatistics.of(new double[] {7}).std()).isZero();
    }

    @Test
    void nonFiniteSeedsAreLeftOutAndCounted() {
        SeedStatistics s = SeedStatistics.of(new double[] {Double.NaN, 3, Double.POSITIVE_INFINITY, 5});
        assertThat(s.mean()).isEqualTo(4);
        assertThat(s.std()).isEqualTo(1);
        assertThat(s.finite()).isEqualTo(2);
        assertThat(s.seeds()).isEqualTo(4);
        assertThat(s.complete()).isFalse();
        assertThat(s.format(1)).isEqualTo("4.0 ± 1.0 (2 of 4 seeds finite)");
    }

    @Test
    void withoutAFiniteValueMeanAndStdAreNaN() {
        SeedStatistics s = SeedStatistics.of(new double[] {Double.NaN, Double.NEGATIVE_INFINITY});
        assertThat(s.mean()).isNaN();
        assertThat(s.std()).isNaN();
        assertThat(s.finite()).isZero();
        assertThat(s.format(2)).isEqualTo("n/a");
    }

    @Test
    void columnsOfPerSeedCurves() {
        double[][] seeds = {{1, 5, Double.NaN}, {2, 5, Double.NaN}, {3, 5, 7}, {4, 5, Double.NaN}};
        assertThat(SeedStatistics.ofColumn(seeds, 0)).isEqualTo(SeedStatistics.of(new double[] {1, 2, 3, 4}));
        assertThat(SeedStatistics.ofColumn(seeds, 1).std()).isZero();
        assertThat(SeedStatistics.ofColumn(seeds, 2)).isEqualTo(new SeedStatistics(7, 0, 1, 4));
        assertThat(SeedStatistics.of(new double[] {1, 2}).format(2)).isEqualTo("1.50 ± 0.50");
    }
}
