package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palsim.core.feedback.FeedbackRule;
import palsim.core.neuron.Activation;

/** Seeds, threads and precision: what may and may not change results. */
class LeReproducibilityTest {
    /** Large enough that every phase's big pieces are split across threads (see PhasePlan). */
    private static final int[] SIZES = {100, 64, 9, 64, 100};
    private static final int BATCH = 16;

    private static FeedbackRule rule(String name) {
        return switch (name) {
            case "bp" -> TestNetworks.bp();
            case "fa" -> TestNetworks.fa();
            case "dfa" -> TestNetworks.dfa();
            default -> TestNetworks.pal(new double[] {0.05, 0.05, 0.05, 0}, 0.8, 1e-2);
        };
    }

    private static LeNetworkSpec spec(String rule, Precision precision) {
        return LeNetworkSpec.builder(SIZES)
                .activations(Activation.TANH, Activation.LINEAR, Activation.LOGISTIC, Activation.LINEAR)
                .learningRateFactors(1, 1, 1, 0.5).feedbackRule(rule(rule)).batchSize(BATCH).precision(precision)
                .initialWeightStd(0.2).build();
    }

    /** Trains a few batches, with an evaluation presentation in between; returns all parameters and rates. */
    private static double[][] run(LeNetworkSpec spec, int threads) {
        try (LeNetwork net = LeNetwork.create(spec, 77, threads)) {
            for (int batch = 0; batch < 3; batch++) {
                float[] x = TestNetworks.uniform(batch, BATCH * SIZES[0], 0, 1);
                net.setTraining(batch != 1);
                net.present(x, x);
                net.steps(15);
            }
            int k = spec.layers();
            double[][] out = new double[3 * k + 1][];
            for (int l = 1; l <= k; l++) {
                out[l - 1] = net.forwardWeights(l);
                out[k + l - 1] = net.biases(l);
                out[2 * k + l - 1] = l < k ? net.feedbackWeights(l) : new double[0];
            }
            float[] rates = net.rates(k);
            out[3 * k] = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                out[3 * k][i] = rates[i];
            }
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "fa", "dfa", "pal"})
    void sameSeedIsBitIdenticalForOneTwoAndThreeThreads(String rule) {
        LeNetworkSpec spec = spec(rule, Precision.FLOAT32);
        double[][] one = run(spec, 1);
        assertThat(run(spec, 2)).isDeepEqualTo(one);
        assertThat(run(spec, 3)).isDeepEqualTo(one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "pal"})
    void floatAndDoubleEnginesAgreeToFloatTolerance(String rule) {
        double[][] single = run(spec(rule, Precision.FLOAT32), 1);
        double[][] dbl = run(spec(rule, Precision.FLOAT64), 1);
        for (int m = 0; m < single.length; m++) {
            double scale = Math.max(TestNetworks.maxAbs(dbl[m]), 1e-3);
            assertThat(TestNetworks.maxAbsDifference(single[m], dbl[m])).as("block %d", m).isLessThan(2e-5 * scale * 10);
        }
        // learning moved the parameters far more than the tolerance
        try (LeNetwork fresh = LeNetwork.create(spec(rule, Precision.FLOAT64), 77)) {
            assertThat(TestNetworks.maxAbsDifference(fresh.forwardWeights(1), dbl[0])).isGreaterThan(1e-3);
        }
    }

    @Test
    void sameSeedGivesTheSameForwardWeightsForEveryRuleAndOtherSeedsDoNot() {
        try (LeNetwork bp = LeNetwork.create(spec("bp", Precision.FLOAT32), 5);
                LeNetwork pal = LeNetwork.create(spec("pal", Precision.FLOAT32), 5);
                LeNetwork other = LeNetwork.create(spec("bp", Precision.FLOAT32), 6)) {
            for (int k = 1; k <= 4; k++) {
                assertThat(pal.forwardWeights(k)).containsExactly(bp.forwardWeights(k));
                assertThat(pal.biases(k)).containsExactly(bp.biases(k));
                assertThat(other.forwardWeights(k)).isNotEqualTo(bp.forwardWeights(k));
            }
        }
    }

    @Test
    void initialWeightsAndFeedbackWeightsAreZeroMeanWithTheConfiguredStd() {
        LeNetworkSpec spec = LeNetworkSpec.builder(784, 200, 2).activations(Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.fa()).build();
        try (LeNetwork net = LeNetwork.create(spec, 1)) {
            for (double[] m : new double[][] {net.forwardWeights(1), net.feedbackWeights(1)}) {
                double sum = 0, squares = 0;
                for (double v : m) {
                    sum += v;
                    squares += v * v;
                }
                double mean = sum / m.length;
                assertThat(mean).isCloseTo(0, within(0.05 * 4 / Math.sqrt(m.length)));
                assertThat(Math.sqrt(squares / m.length - mean * mean)).isCloseTo(0.05, within(0.05 * 0.05));
            }
            assertThat(net.feedbackAngleDegrees(1).orElseThrow()).isCloseTo(90, within(5.0));
        }
    }
}
