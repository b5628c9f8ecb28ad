package palsim.app.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void bandIsPopulationStdOverTheFiniteSeeds() {
        double[][] seeds = {{1, 5, Double.NaN}, {2, 5, Double.NaN}, {3, 5, 7}, {4, 5, Double.NaN}};
        double[] mean = new double[3];
        double[] std = new double[3];
        SeedStatistics.meanAndStd(seeds, mean, std);
        assertThat(mean[0]).isEqualTo(2.5);
        assertThat(std[0]).as("ddof 0: √(5/4)").isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(std[1]).isZero();
        assertThat(mean[2]).as("NaN seeds are skipped").isEqualTo(7);
        assertThat(std[2]).isZero();
    }

    @Test
    void columnWithoutFiniteValuesIsNaN() {
        double[] mean = new double[1];
        double[] std = new double[1];
        SeedStatistics.meanAndStd(new double[][] {{Double.NaN}, {Double.POSITIVE_INFINITY}}, mean, std);
        assertThat(mean[0]).isNaN();
        assertThat(std[0]).isNaN();
    }
}
