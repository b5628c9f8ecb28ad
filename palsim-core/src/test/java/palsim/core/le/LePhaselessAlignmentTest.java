package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

/** PAL in LE networks: OU noise, high-pass filter and the feedback rule (le-network.md §2.7, §10). */
class LePhaselessAlignmentTest {
    /** E[h(t) ξ(t)ᵀ] / (σ² W) for τ_ξ = τ_HP = 10 dt, the spec's analytic constant (§2.7). */
    private static final double CORRELATION_CONSTANT = 0.24931;

    @Test
    void ouNoiseHasStationaryVarianceAndLagOneAutocorrelation() {
        double sigma = 0.5;
        int n = 40, batch = 32;
        LeNetworkSpec spec = LeNetworkSpec.builder(3, n, 2).activations(Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.pal(new double[] {sigma, 0}, 0.0, 0.0)).batchSize(batch).build();
        try (LeNetwork net = LeNetwork.create(spec, 21)) {
            net.present(new float[3 * batch], new float[2 * batch]);
            net.steps(80); // 0.9^80 ≈ 2e-4 of the zero start is left
            int samples = n * batch, steps = 300;
            float[] previous = new float[samples], current = new float[samples];
            net.read(StateQuantity.NOISE, 1, previous, 0);
            double sumSquares = 0, sumLagged = 0, sum = 0;
            for (int t = 0; t < steps; t++) {
                net.step();
                net.read(StateQuantity.NOISE, 1, current, 0);
                for (int i = 0; i < samples; i++) {
                    sum += current[i];
                    sumSquares += (double) current[i] * current[i];
                    sumLagged += (double) current[i] * previous[i];
                }
                float[] t2 = previous;
                previous = current;
                current = t2;
            }
            double count = (double) samples * steps;
            double variance = sumSquares / count;
            assertThat(sum / count).isCloseTo(0, within(0.02 * sigma));
            assertThat(variance / (sigma * sigma)).isCloseTo(0.526316, within(0.526316 * 0.04));
            assertThat(sumLagged / sumSquares).isCloseTo(0.9, within(0.01));
        }
    }

    /** [2, 5, 3], identity units, only B₁ may learn; W₂ set to O(1) values so the response is clear. */
    private static LeNetwork linearPair(PhaselessAlignment rule, double[] w2) {
        LeNetworkSpec spec = LeNetworkSpec.builder(2, 5, 3).activations(Activation.LINEAR, Activation.LINEAR)
                .feedbackRule(rule).beta(0.0).learningRateFactors(0, 0).batchSize(32).build();
        LeNetwork net = LeNetwork.create(spec, 17);
        net.setForwardWeights(2, w2);
        net.present(new float[2 * 32], new float[3 * 32]);
        return net;
    }

    @Test
    void highPassedResponseCorrelatesWithTheNoiseBelowAsScaledTransposedWeights() {
        double sigma = 1.0;
        double[] w2 = TestNetworks.gaussian(3, 3 * 5, 1.0);
        try (LeNetwork net = linearPair(TestNetworks.pal(new double[] {sigma, 0}, 0.0, 0.0), w2)) {
            net.steps(100);
            int steps = 3000;
            double[] correlation = new double[5 * 3]; // mean over samples and steps of ξ₁ h₂ᵀ, n₁ × n₂
            float[] xi = new float[32 * 5], h = new float[32 * 3];
            for (int t = 0; t < steps; t++) {
                net.step();
                net.read(StateQuantity.NOISE, 1, xi, 0);
                net.read(StateQuantity.HIGH_PASS, 2, h, 0);
                for (int s = 0; s < 32; s++) {
                    for (int i = 0; i < 5; i++) {
                        for (int j = 0; j < 3; j++) {
                            correlation[i * 3 + j] += (double) xi[s * 5 + i] * h[s * 3 + j] / (32.0 * steps);
                        }
                    }
                }
            }
            double[] expected = new double[5 * 3];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 3; j++) {
                    expected[i * 3 + j] = CORRELATION_CONSTANT * sigma * sigma * w2[j * 5 + i];
                }
            }
            assertThat(TestNetworks.maxAbsDifference(correlation, expected))
                    .isLessThan(0.06 * TestNetworks.maxAbs(expected));
        }
    }

    @Test
    void feedbackWeightsConvergeToScaledTransposedForwardWeights() {
        double sigma = 1.0, alpha = 0.01, etaB = 2.0; // relaxation 1/(η_B dt α) = 500 steps
        double[] w2 = TestNetworks.gaussian(4, 3 * 5, 1.0);
        try (LeNetwork net = linearPair(TestNetworks.pal(new double[] {sigma, 0}, etaB, alpha), w2)) {
            double initialAngle = net.feedbackAngleDegrees(1).orElseThrow();
            net.steps(5000);
            double[] b = net.feedbackWeights(1);
            assertThat(initialAngle).isGreaterThan(30);
            assertThat(net.feedbackAngleDegrees(1).orElseThrow()).isLessThan(4.0);
            double[] wt = new double[15];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 3; j++) {
                    wt[i * 3 + j] = w2[j * 5 + i];
                }
            }
            double scale = dot(b, wt) / dot(wt, wt);
            assertThat(scale).isCloseTo(CORRELATION_CONSTANT * sigma * sigma / alpha, within(0.1 * 24.93));
            assertThat(Angles.degreesToTranspose(b, w2, 5, 3))
                    .isEqualTo(net.feedbackAngleDegrees(1).orElseThrow(), within(1e-3));
        }
    }

    @Test
    void feedbackWeightsStayFixedInEvaluation() {
        try (LeNetwork net = linearPair(TestNetworks.pal(new double[] {1.0, 0}, 2.0, 0.01),
                TestNetworks.gaussian(4, 15, 1.0))) {
            net.steps(20);
            double[] b = net.feedbackWeights(1);
            net.setTraining(false);
            net.steps(20);
            assertThat(net.feedbackWeights(1)).containsExactly(b);
            net.setTraining(true);
            net.step();
            assertThat(TestNetworks.maxAbsDifference(net.feedbackWeights(1), b)).isGreaterThan(0);
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorVariant.class)
    void noiseLeaksIntoTheErrorPathOnlyWithErrorInjection(ErrorVariant variant) {
        // β = 0: no output error at all, so any error below comes from the noise in g_k = e_k + ξ_k
        LeNetworkSpec spec = LeNetworkSpec.builder(3, 6, 4, 2)
                .activations(Activation.TANH, Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.pal(new double[] {0.1, 0.1, 0.1}, 0.0, 0.0)).beta(0.0)
                .errorVariant(variant).batchSize(4).initialWeightStd(0.5).build();
        try (LeNetwork net = LeNetwork.create(spec, 8)) {
            net.present(TestNetworks.uniform(1, 12, 0, 1), TestNetworks.uniform(2, 8, 0, 1));
            net.steps(10);
            for (int k = 1; k <= 2; k++) {
                float[] e = LeDynamicsTest.errors(net, k);
                if (variant == ErrorVariant.ERROR_INJECTION) {
                    assertThat(maxAbs(e)).as("e_%d", k).isGreaterThan(1e-4);
                } else {
                    assertThat(e).as("e_%d", k).containsOnly(0f);
                }
            }
        }
    }

    @Test
    void noiseCanBeLeftOutOfEvaluationWhileItsProcessRunsOn() {
        LeNetworkSpec.Builder b = LeNetworkSpec.builder(3, 6, 2).activations(Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.pal(new double[] {0.2, 0.2}, 0.8, 1e-4)).batchSize(4).initialWeightStd(0.5);
        float[] x = TestNetworks.uniform(1, 12, 0, 1);
        try (LeNetwork quiet = LeNetwork.create(b.noiseDuringEvaluation(false).build(), 3);
                LeNetwork noisy = LeNetwork.create(b.noiseDuringEvaluation(true).build(), 3)) {
            for (LeNetwork net : new LeNetwork[] {quiet, noisy}) {
                net.setTraining(false);
                net.present(x, null);
                net.steps(6);
            }
            float[] ff = new float[4 * 2];
            quiet.feedForward(x, 0);
            quiet.readFeedForward(2, ff, 0);
            assertThat(quiet.rates(2)).containsExactly(ff);
            assertThat(TestNetworks.maxAbsDifference(noisy.rates(2), ff)).isGreaterThan(1e-4);
            float[] before = new float[4 * 6], after = new float[4 * 6];
            quiet.read(StateQuantity.NOISE, 1, before, 0);
            quiet.step();
            quiet.read(StateQuantity.NOISE, 1, after, 0);
            assertThat(TestNetworks.maxAbsDifference(before, after)).as("OU state keeps evolving").isGreaterThan(0);
            float[] outputNoise = new float[4 * 2];
            noisy.read(StateQuantity.NOISE, 2, outputNoise, 0);
            assertThat(outputNoise).as("σ = 0 for the output would mean no noise; here σ_2 = 0.2")
                    .isNotEqualTo(new float[8]);
        }
    }

    @Test
    void populationWithZeroSigmaHasNoNoise() {
        LeNetworkSpec spec = LeNetworkSpec.builder(3, 6, 2).activations(Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.pal(new double[] {0.2, 0.0}, 0.8, 1e-4)).batchSize(4).build();
        try (LeNetwork net = LeNetwork.create(spec, 3)) {
            net.present(TestNetworks.uniform(1, 12, 0, 1), TestNetworks.uniform(2, 8, 0, 1));
            net.steps(3);
            float[] noise = new float[8];
            net.read(StateQuantity.NOISE, 2, noise, 0);
            assertThat(noise).containsOnly(0f);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
