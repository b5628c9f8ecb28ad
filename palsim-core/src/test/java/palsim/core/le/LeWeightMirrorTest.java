package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.WeightMirror;
import palsim.core.neuron.Activation;

/** Weight mirrors in a linear LE network with frozen forward weights. */
class LeWeightMirrorTest {
    private static final int[] SIZES = {4, 6, 5, 3};

    private static LeNetwork network(FeedbackSchedule schedule) {
        WeightMirror rule = new WeightMirror(new ExploratoryNoise(new double[] {0.5, 0.5, 0}, 1.0, 0), new double[] {1, 1},
                new double[] {1e-3, 1e-3}, schedule);
        LeNetworkSpec spec = LeNetworkSpec.builder(SIZES).activations(Activation.LINEAR, Activation.LINEAR, Activation.LINEAR)
                .feedbackRule(rule).beta(1e-6).learningRateFactors(0, 0, 0).batchSize(16).precision(Precision.FLOAT64).build();
        LeNetwork net = LeNetwork.create(spec, 4);
        net.present(TestNetworks.uniform(1, 16 * SIZES[0], -1, 1), TestNetworks.uniform(2, 16 * SIZES[3], -1, 1));
        return net;
    }

    @Test
    void mirrorPhasesAlignTheFeedbackWithTheForwardTranspose() {
        try (LeNetwork net = network(new FeedbackSchedule(20, 10))) {
            for (int l = 1; l <= 2; l++) {
                assertThat(net.feedbackAngleDegrees(l).orElseThrow()).as("random B_%d", l).isGreaterThan(60);
            }
            net.steps(12000); // half of them in mirror phases
            for (int l = 1; l <= 2; l++) {
                assertThat(net.feedbackAngleDegrees(l).orElseThrow()).as("∠(B_%d, W_%dᵀ)", l, l + 1).isLessThan(20);
            }
        }
    }

    @Test
    void neitherNoiseNorLearningOutsideTheMirrorPhases() {
        try (LeNetwork net = network(new FeedbackSchedule(20, 10))) {
            net.steps(100); // the first mirror phase: steps 0…99 (duration 10 / dt 0.1)
            double[] b = net.feedbackWeights(1);
            float[] rates = net.rates(1);
            net.steps(100); // steps 100…199: no noise, no learning
            assertThat(net.feedbackWeights(1)).isEqualTo(b);
            float[] noise = new float[16 * SIZES[1]];
            net.read(StateQuantity.NOISE, 1, noise, 0);
            assertThat(noise).as("the noise process keeps running").isNotEqualTo(new float[noise.length]);
            net.steps(1);
            assertThat(net.feedbackWeights(1)).as("the next mirror phase learns").isNotEqualTo(b);
            assertThat(rates).isNotNull();
        }
    }
}
