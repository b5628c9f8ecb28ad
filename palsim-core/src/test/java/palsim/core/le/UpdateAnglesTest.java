package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.FeedbackRule;
import palsim.core.linalg.DoubleMatrixKernels;
import palsim.core.neuron.Activation;

/**
 * ∠(ΔW_rule, ΔW_BP) in a small LE network: zero for BP and for any feedback that is a positive
 * multiple of Wᵀ, 180° for −Wᵀ at the top hidden layer, clearly non-zero for random feedback.
 */
class UpdateAnglesTest {
    private static final int[] SIZES = {4, 6, 5, 3};
    private static final int BATCH = 8;
    private static final float[] X = TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1);
    private static final float[] Y = TestNetworks.uniform(2, BATCH * SIZES[3], 0, 1);

    private static LeNetwork network(FeedbackRule rule) {
        LeNetworkSpec spec = LeNetworkSpec.builder(SIZES).activations(Activation.LOGISTIC, Activation.TANH, Activation.LOGISTIC)
                .feedbackRule(rule).batchSize(BATCH).precision(Precision.FLOAT64).build();
        return LeNetwork.create(spec, 21);
    }

    @Test
    void backpropagationIsAlignedWithItself() {
        try (LeNetwork net = network(TestNetworks.bp())) {
            double[] angles = UpdateAngles.degrees(net, X, 0, Y, 0);
            assertThat(angles).hasSize(2);
            assertThat(angles[0]).isCloseTo(0, within(1e-6));
            assertThat(angles[1]).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void feedbackProportionalToTheTransposeGivesBackpropagationsDirection() {
        try (LeNetwork net = network(TestNetworks.fa())) {
            double[] random = UpdateAngles.degrees(net, X, 0, Y, 0);
            assertThat(random[0] + random[1]).as("random feedback").isGreaterThan(20);
            setFeedback(net, 3.0);
            double[] scaled = UpdateAngles.degrees(net, X, 0, Y, 0);
            assertThat(scaled[0]).isCloseTo(0, within(1e-6));
            assertThat(scaled[1]).isCloseTo(0, within(1e-6));
            setFeedback(net, -1.0);
            assertThat(UpdateAngles.degrees(net, X, 0, Y, 0)[1]).isCloseTo(180, within(1e-6));
        }
    }

    @Test
    void directFeedbackGivesAnAngleForEveryHiddenLayer() {
        try (LeNetwork net = network(TestNetworks.dfa())) {
            double[] angles = UpdateAngles.degrees(net, X, 0, Y, 0);
            assertThat(angles).hasSize(2);
            for (double a : angles) {
                assertThat(a).isBetween(0.0, 180.0);
            }
        }
    }

    @Test
    void theFeedForwardPassLeavesTheNetworkAsItWas() {
        try (LeNetwork a = network(TestNetworks.fa()); LeNetwork b = network(TestNetworks.fa())) {
            a.present(X, Y);
            b.present(X, Y);
            a.steps(5);
            b.steps(5);
            UpdateAngles.degrees(a, X, 0, Y, 0);
            a.steps(5);
            b.steps(5);
            assertThat(a.rates(3)).isEqualTo(b.rates(3));
            assertThat(a.forwardWeights(1)).isEqualTo(b.forwardWeights(1));
        }
    }

    /** B_ℓ := factor · W_{ℓ+1}ᵀ for every hidden layer. */
    private static void setFeedback(LeNetwork net, double factor) {
        for (int l = 1; l <= 2; l++) {
            double[] w = net.forwardWeights(l + 1);
            double[] t = new double[w.length];
            DoubleMatrixKernels.transpose(0, SIZES[l + 1], SIZES[l], w, 0, SIZES[l], t, 0, SIZES[l + 1]);
            for (int i = 0; i < t.length; i++) {
                t[i] *= factor;
            }
            net.setFeedbackWeights(l, t);
        }
    }
}
