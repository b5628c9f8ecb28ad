package palsim.core.microcircuit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.core.le.Precision;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;

class SeedGroupsTest {
    private static final long[] TEN_SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void smallCircuitsShareVectorsInGroupsOfL() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa());
        int lanes = MicrocircuitGroup.lanes(Precision.FLOAT64);
        assertThat(SeedGroups.seedsPerGroup(spec)).isEqualTo(lanes);
        List<long[]> groups = SeedGroups.partition(spec, TEN_SEEDS);
        assertThat(groups).hasSize((TEN_SEEDS.length + lanes - 1) / lanes);
        assertThat(groups.getFirst()).hasSize(lanes).startsWith(1, 2);
    }

    @Test
    void circuitsWithALargeProjectionRunOneSeedPerGroupInBothPrecisions() {
        for (Precision precision : Precision.values()) {
            MicrocircuitSpec mnist = MicrocircuitSpec.builder(784, 100, 10)
                    .forwardLearningRates(1, 0.005)
                    .pyramidToInterneuronLearningRates(0.05)
                    .interneuronToPyramidLearningRates(0.02)
                    .feedbackRule(Circuits.fa())
                    .precision(precision)
                    .build();
            assertThat(SeedGroups.seedsPerGroup(mnist)).isEqualTo(1);
            List<long[]> groups = SeedGroups.partition(mnist, TEN_SEEDS);
            assertThat(groups).hasSize(10);
            assertThat(groups.get(9)).containsExactly(10);
        }
        // the limit itself: a 128 × 128 projection (of the second layer) is large, 127 × 128 is not
        assertThat(SeedGroups.seedsPerGroup(threeLayers(128, 128))).isEqualTo(1);
        assertThat(SeedGroups.seedsPerGroup(threeLayers(128, 127))).isGreaterThan(1);
    }

    private static MicrocircuitSpec threeLayers(int hidden, int output) {
        return MicrocircuitSpec.builder(2, hidden, output)
                .forwardLearningRates(1, 1)
                .pyramidToInterneuronLearningRates(0)
                .interneuronToPyramidLearningRates(0)
                .feedbackRule(Circuits.fa())
                .build();
    }
}
