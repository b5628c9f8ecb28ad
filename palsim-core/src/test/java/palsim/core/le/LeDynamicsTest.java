package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static palsim.core.le.TestNetworks.maxAbsDifference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import palsim.core.neuron.Activation;

/** The LE step algorithm (le-network.md §2.2, §2.3, §2.8, §10): cancellation, delays, error timing, evaluation. */
class LeDynamicsTest {
    private static final int[] SIZES = {5, 7, 4, 3};
    private static final Activation[] ACTIVATIONS = {Activation.TANH, Activation.LOGISTIC, Activation.LINEAR};
    private static final int BATCH = 4;

    private static LeNetworkSpec.Builder spec() {
        // weights larger than the reference's 0.05 make every population's response clearly visible
        return LeNetworkSpec.builder(SIZES).activations(ACTIVATIONS).feedbackRule(TestNetworks.bp()).batchSize(BATCH)
                .initialWeightStd(0.5);
    }

    private static float[] feedForwardOutput(LeNetwork net, float[] x) {
        float[] out = new float[BATCH * SIZES[3]];
        net.feedForward(x, 0);
        net.readFeedForward(3, out, 0);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void outputEqualsFeedForwardPassAfterKStepsWhateverTheInitialMembranePotential(Precision precision) {
        try (LeNetwork net = LeNetwork.create(spec().precision(precision).integrateMembranePotential(true).build(), 3)) {
            net.setTraining(false);
            for (int k = 1; k <= 3; k++) {
                net.setMembranePotential(k, TestNetworks.uniform(10 + k, BATCH * SIZES[k], -3, 3));
            }
            float[] x = TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1);
            net.present(x, null);
            float[] expected = feedForwardOutput(net, x);
            net.steps(2);
            assertThat(maxAbsDifference(net.rates(3), expected)).as("after K-1 steps").isGreaterThan(1e-3);
            net.step();
            double tolerance = precision == Precision.FLOAT32 ? 1e-5 : 1e-12;
            assertThat(maxAbsDifference(net.rates(3), expected)).as("after K steps").isLessThan(tolerance);
        }
    }

    @Test
    void cancelledMembraneGivesExactlyTheFeedForwardPassAfterKSteps() {
        try (LeNetwork net = LeNetwork.create(spec().build(), 3)) {
            net.setTraining(false);
            net.present(TestNetworks.uniform(2, BATCH * SIZES[0], 0, 1), null);
            net.steps(3);
            float[] x = TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1);
            net.present(x, null);
            net.steps(3);
            assertThat(net.rates(3)).containsExactly(feedForwardOutput(net, x));
        }
    }

    @Test
    void populationKFirstReflectsANewInputInItsKthStep() {
        try (LeNetwork net = LeNetwork.create(spec().build(), 3)) {
            net.setTraining(false);
            net.present(TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1), null);
            net.steps(5);
            float[][] before = new float[4][];
            for (int k = 1; k <= 3; k++) {
                before[k] = net.rates(k);
            }
            net.present(TestNetworks.uniform(2, BATCH * SIZES[0], 0, 1), null);
            for (int step = 1; step <= 3; step++) {
                net.step();
                for (int k = 1; k <= 3; k++) {
                    float[] now = net.rates(k);
                    if (k > step) {
                        assertThat(now).as("population %d after step %d", k, step).containsExactly(before[k]);
                    } else {
                        assertThat(maxAbsDifference(now, before[k])).as("population %d after step %d", k, step)
                                .isGreaterThan(1e-4);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorVariant.class)
    void errorsTravelDownOneLayerPerStep(ErrorVariant variant) {
        LeNetworkSpec s = spec().errorVariant(variant).beta(0.5).learningRateFactors(0, 0, 0).build();
        try (LeNetwork net = LeNetwork.create(s, 3)) {
            float[] x = TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1);
            // settle without errors, then train towards the network's own output: zero error everywhere
            net.setTraining(false);
            net.present(x, null);
            net.steps(8);
            net.setTraining(true);
            net.present(x, feedForwardOutput(net, x));
            net.steps(3);
            for (int k = 1; k <= 3; k++) {
                assertThat(errors(net, k)).as("settled error of population %d", k).containsOnly(0f);
            }
            net.present(x, TestNetworks.uniform(3, BATCH * SIZES[3], 0, 1));
            for (int step = 1; step <= 3; step++) {
                net.step();
                for (int k = 1; k <= 3; k++) {
                    boolean reached = k >= 3 - step + 1;
                    float[] e = errors(net, k);
                    if (reached) {
                        assertThat(maxAbs(e)).as("e_%d after step %d", k, step).isGreaterThan(1e-6);
                    } else {
                        assertThat(e).as("e_%d after step %d", k, step).containsOnly(0f);
                    }
                }
            }
        }
    }

    @Test
    void outputErrorUsesThePreviousStepsOutputAndTheRateTarget() {
        LeNetworkSpec s = spec().errorVariant(ErrorVariant.DIRECT_TRANSPORT).beta(0.3).learningRateFactors(0, 0, 0)
                .build();
        try (LeNetwork net = LeNetwork.create(s, 3)) {
            float[] x = TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1);
            float[] y = TestNetworks.uniform(2, BATCH * SIZES[3], 0, 1);
            net.present(x, y);
            net.step();
            // first step: all state zero, r'_K = 0 ⇒ e_K = 0 for a "rate" target
            assertThat(errors(net, 3)).containsOnly(0f);
            float[] previousRate = net.rates(3);
            net.step();
            float[] e = errors(net, 3);
            for (int i = 0; i < e.length; i++) {
                assertThat((double) e[i]).isCloseTo(0.3 * (y[i] - previousRate[i]), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void mseTargetErrorIsNonZeroFromTheFirstStep() {
        LeNetworkSpec s = spec().targetType(TargetType.MSE).beta(0.5).learningRateFactors(0, 0, 0).build();
        try (LeNetwork net = LeNetwork.create(s, 3)) {
            float[] y = TestNetworks.uniform(2, BATCH * SIZES[3], 0.5, 1);
            net.present(TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1), y);
            net.step();
            float[] e = errors(net, 3);
            for (int i = 0; i < e.length; i++) {
                assertThat(e[i]).isEqualTo(0.5f * y[i]); // β (y − ŭ) with ŭ = 0 before the first step
            }
        }
    }

    @Test
    void evaluationFreezesParametersAndZeroesTheOutputError() {
        try (LeNetwork net = LeNetwork.create(spec().build(), 3)) {
            float[] x = TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1);
            net.present(x, TestNetworks.uniform(2, BATCH * SIZES[3], 0, 1));
            net.steps(10);
            double[] w = net.forwardWeights(2);
            double[] b = net.biases(3);
            net.setTraining(false);
            net.present(x, null);
            net.steps(10);
            assertThat(net.forwardWeights(2)).containsExactly(w);
            assertThat(net.biases(3)).containsExactly(b);
            for (int k = 1; k <= 3; k++) {
                assertThat(errors(net, k)).as("error of population %d", k).containsOnly(0f);
            }
            // with errors gone and no noise, the evaluated state is the feed-forward pass (pitfall 18)
            assertThat(net.rates(3)).containsExactly(feedForwardOutput(net, x));
        }
    }

    @Test
    void feedForwardPassLeavesTheDynamicStateUntouched() {
        try (LeNetwork net = LeNetwork.create(spec().build(), 3)) {
            net.present(TestNetworks.uniform(1, BATCH * SIZES[0], 0, 1), TestNetworks.uniform(2, BATCH * SIZES[3], 0, 1));
            net.steps(4);
            float[] rates = net.rates(2);
            float[] errors = errors(net, 2);
            feedForwardOutput(net, TestNetworks.uniform(5, BATCH * SIZES[0], 0, 1));
            assertThat(net.rates(2)).containsExactly(rates);
            assertThat(errors(net, 2)).containsExactly(errors);
        }
    }

    static float[] errors(LeNetwork net, int population) {
        float[] e = new float[net.batchSize() * net.size(population)];
        net.read(StateQuantity.ERROR, population, e, 0);
        return e;
    }

    private static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
