package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.KolenPollack;
import palsim.core.feedback.SignSymmetry;
import palsim.core.neuron.Activation;

/** Sign-symmetry and Kolen–Pollack in a small LE network. */
class LeSignSymmetryAndKolenPollackTest {
    private static final int[] SIZES = {4, 6, 5, 3};

    private static LeNetwork network(FeedbackRule rule, Activation hidden) {
        LeNetworkSpec spec = LeNetworkSpec.builder(SIZES).activations(hidden, hidden, Activation.LINEAR).feedbackRule(rule)
                .batchSize(8).precision(Precision.FLOAT64).build();
        LeNetwork net = LeNetwork.create(spec, 21);
        net.present(TestNetworks.uniform(1, 8 * SIZES[0], -1, 1), TestNetworks.uniform(2, 8 * SIZES[3], -1, 1));
        return net;
    }

    @Test
    void signSymmetricFeedbackIsTheMeanMagnitudeTimesTheSignOfTheForwardTranspose() {
        try (LeNetwork net = network(new SignSymmetry(), Activation.TANH)) {
            net.steps(50);
            for (int l = 1; l <= 2; l++) {
                double[] w = net.forwardWeights(l + 1);
                double[] b = net.feedbackWeights(l);
                double mean = 0;
                for (double v : w) {
                    mean += Math.abs(v);
                }
                mean /= w.length;
                for (int i = 0; i < SIZES[l]; i++) {
                    for (int j = 0; j < SIZES[l + 1]; j++) {
                        assertThat(b[i * SIZES[l + 1] + j]).as("B_%d[%d,%d]", l, i, j)
                                .isEqualTo(mean * Math.signum(w[j * SIZES[l] + i]));
                    }
                }
                assertThat(net.feedbackAngleDegrees(l).orElseThrow()).isLessThan(45);
            }
        }
    }

    @Test
    void kolenPollackDrivesTheFeedbackTowardsTheForwardTransposeOnALinearNetwork() {
        try (LeNetwork net = network(new KolenPollack(1.0), Activation.LINEAR)) {
            for (int l = 1; l <= 2; l++) {
                assertThat(net.feedbackAngleDegrees(l).orElseThrow()).as("random B_%d", l).isGreaterThan(60);
            }
            // B − Wᵀ shrinks by (1 − η dt λ) = 0.92 per step: 0.92⁴⁰⁰ ≈ 3e-15
            net.steps(400);
            for (int l = 1; l <= 2; l++) {
                assertThat(net.feedbackAngleDegrees(l).orElseThrow()).as("∠(B_%d, W_%dᵀ)", l, l + 1).isLessThan(0.01);
            }
        }
    }

    @Test
    void kolenPollackLeavesBUnchangedOutsideTraining() {
        try (LeNetwork net = network(new KolenPollack(1.0), Activation.LINEAR)) {
            double[] before = net.feedbackWeights(1);
            net.setTraining(false);
            net.steps(20);
            assertThat(net.feedbackWeights(1)).isEqualTo(before);
        }
    }
}
