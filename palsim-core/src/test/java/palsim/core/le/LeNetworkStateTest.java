package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import palsim.core.neuron.Activation;
import palsim.core.state.MemoryState;
import palsim.core.state.StateMismatchException;

/**
 * {@link LeNetwork#writeState} / {@link LeNetwork#readState}: a network of the same spec and seed
 * that reads another's state continues with it bit for bit — weights, filters, PAL's noise stream,
 * the presented batch and the mode included.
 */
class LeNetworkStateTest {
    private static final int[] SIZES = {12, 8, 3, 8, 12};
    private static final int BATCH = 4;

    private static LeNetworkSpec spec(Precision precision, int[] sizes) {
        return LeNetworkSpec.builder(sizes)
                .activations(Activation.TANH, Activation.LINEAR, Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.pal(new double[] {0.05, 0.05, 0.05, 0}, 0.8, 1e-2)).batchSize(BATCH)
                .precision(precision).initialWeightStd(0.2).build();
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aNetworkReadFromAnothersStateContinuesBitForBit(Precision precision) {
        try (LeNetwork original = LeNetwork.create(spec(precision, SIZES), 5);
                LeNetwork copy = LeNetwork.create(spec(precision, SIZES), 5)) {
            train(original, 0, 3);
            original.setTraining(false); // saved in evaluation mode, mid-batch
            original.steps(7);
            MemoryState state = new MemoryState();
            original.writeState(state);
            copy.readState(state);
            assertThat(state.atEnd()).isTrue();
            assertThat(copy.isTraining()).isFalse();
            assertThat(copy.stepCount()).isEqualTo(original.stepCount());
            original.steps(5);
            copy.steps(5);
            train(original, 3, 3);
            train(copy, 3, 3);
            for (int l = 1; l <= SIZES.length - 1; l++) {
                assertThat(copy.forwardWeights(l)).as("W_%d", l).isEqualTo(original.forwardWeights(l));
                assertThat(copy.biases(l)).as("b_%d", l).isEqualTo(original.biases(l));
                if (l < SIZES.length - 1) {
                    assertThat(copy.feedbackWeights(l)).as("B_%d", l).isEqualTo(original.feedbackWeights(l));
                }
                assertThat(copy.rates(l)).as("r_%d", l).isEqualTo(original.rates(l));
            }
            // PAL learned meanwhile: B moved, so the comparison above compared something
            try (LeNetwork untouched = LeNetwork.create(spec(precision, SIZES), 5)) {
                assertThat(copy.feedbackWeights(1)).isNotEqualTo(untouched.feedbackWeights(1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aStateOfAnotherNetworkIsRefused(Precision precision) {
        MemoryState state = new MemoryState();
        try (LeNetwork small = LeNetwork.create(spec(precision, new int[] {12, 8, 2, 8, 12}), 5)) {
            small.writeState(state);
        }
        try (LeNetwork net = LeNetwork.create(spec(precision, SIZES), 5)) {
            assertThatThrownBy(() -> net.readState(state)).isInstanceOf(StateMismatchException.class);
        }
    }

    private static void train(LeNetwork net, int firstBatch, int batches) {
        net.setTraining(true);
        for (int b = firstBatch; b < firstBatch + batches; b++) {
            float[] x = TestNetworks.uniform(b, BATCH * SIZES[0], 0, 1);
            net.present(x, x);
            net.steps(10);
        }
    }
}
