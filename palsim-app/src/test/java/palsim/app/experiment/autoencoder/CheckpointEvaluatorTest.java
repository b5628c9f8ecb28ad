package palsim.app.experiment.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckpointEvaluatorTest {

    @Test
    void trainingLatentsArePresentedInASeededShuffleThatChangesEveryEpoch() {
        int[] order = CheckpointEvaluator.latentOrder(100, 7, 3);
        assertThat(order).containsExactlyInAnyOrder(IntStream.range(0, 100).toArray());
        assertThat(order).isNotEqualTo(IntStream.range(0, 100).toArray());
        assertThat(CheckpointEvaluator.latentOrder(100, 7, 3)).containsExactly(order);
        assertThat(CheckpointEvaluator.latentOrder(100, 7, 4)).isNotEqualTo(order);
        assertThat(CheckpointEvaluator.latentOrder(100, 8, 3)).isNotEqualTo(order);
    }
}
