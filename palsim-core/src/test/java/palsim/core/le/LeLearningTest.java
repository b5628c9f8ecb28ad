package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static palsim.core.le.TestNetworks.maxAbs;
import static palsim.core.le.TestNetworks.maxAbsDifference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import palsim.core.SimulationDivergedException;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.neuron.Activation;

/** Forward learning and error transport (le-network.md §2.3 S4/S4', §2.4, §2.5, §10). */
class LeLearningTest {

    /** L = ½ (1/N) Σ_s ‖y_s − r_s‖² of the two-layer identity network r = W₂(W₁x + b₁) + b₂. */
    private static double loss(double[] w1, double[] b1, double[] w2, double[] b2, float[] x, float[] y, int n0,
            int n1, int n2, int batch) {
        double sum = 0;
        for (int s = 0; s < batch; s++) {
            double[] h = new double[n1];
            for (int i = 0; i < n1; i++) {
                h[i] = b1[i];
                for (int j = 0; j < n0; j++) {
                    h[i] += w1[i * n0 + j] * x[s * n0 + j];
                }
            }
            for (int i = 0; i < n2; i++) {
                double r = b2[i];
                for (int j = 0; j < n1; j++) {
                    r += w2[i * n1 + j] * h[j];
                }
                double d = y[s * n2 + i] - r;
                sum += 0.5 * d * d;
            }
        }
        return sum / batch;
    }

    @ParameterizedTest
    @EnumSource(ErrorVariant.class)
    void bpUpdateOverOneBatchIsGradientDescentOnTheOutputLoss(ErrorVariant variant) {
        int n0 = 3, n1 = 4, n2 = 2, batch = 2, steps = 100;
        double beta = variant == ErrorVariant.DIRECT_TRANSPORT ? 0.1 : 0.002;
        double eta = 1e-4, dt = 0.1;
        LeNetworkSpec spec = LeNetworkSpec.builder(n0, n1, n2).activations(Activation.LINEAR, Activation.LINEAR)
                .feedbackRule(TestNetworks.bp()).errorVariant(variant).beta(beta).baseLearningRate(eta)
                .learningRateFactors(1, 1).batchSize(batch).precision(Precision.FLOAT64).initialWeightStd(0.5).build();
        try (LeNetwork net = LeNetwork.create(spec, 5)) {
            float[] x = TestNetworks.uniform(1, batch * n0, -1, 1);
            float[] y = TestNetworks.uniform(2, batch * n2, -1, 1);
            net.present(x, y);
            net.steps(10); // transients: the error needs K steps to reach every layer
            double[][] before = {net.forwardWeights(1), net.biases(1), net.forwardWeights(2), net.biases(2)};
            net.steps(steps);
            double[][] after = {net.forwardWeights(1), net.biases(1), net.forwardWeights(2), net.biases(2)};
            // Variant A nudges the output by its own error: the effective error is 1/(1+β) of the plain one (§2.6)
            double scale = -beta * eta * steps * dt / (variant == ErrorVariant.ERROR_INJECTION ? 1 + beta : 1);
            double h = 1e-6;
            for (int m = 0; m < 4; m++) {
                double[] expected = new double[before[m].length];
                for (int i = 0; i < expected.length; i++) {
                    double[][] plus = deepCopy(before), minus = deepCopy(before);
                    plus[m][i] += h;
                    minus[m][i] -= h;
                    double gradient = (loss(plus[0], plus[1], plus[2], plus[3], x, y, n0, n1, n2, batch)
                            - loss(minus[0], minus[1], minus[2], minus[3], x, y, n0, n1, n2, batch)) / (2 * h);
                    expected[i] = scale * gradient;
                }
                double[] change = new double[expected.length];
                for (int i = 0; i < change.length; i++) {
                    change[i] = after[m][i] - before[m][i];
                }
                double tolerance = (variant == ErrorVariant.DIRECT_TRANSPORT ? 1e-3 : 1e-2) * maxAbs(expected);
                assertThat(maxAbsDifference(change, expected)).as("parameter block %d", m).isLessThan(tolerance);
                assertThat(maxAbs(expected)).isGreaterThan(1e-8);
            }
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    void feedbackAlignmentWithTransposedForwardWeightsReproducesBackprop() {
        // only W₁ learns, so B_ℓ = W_{ℓ+1}ᵀ stays true throughout
        LeNetworkSpec.Builder b = LeNetworkSpec.builder(6, 9, 5, 4)
                .activations(Activation.TANH, Activation.LOGISTIC, Activation.LINEAR).learningRateFactors(1, 0, 0)
                .batchSize(4).initialWeightStd(0.3);
        try (LeNetwork bp = LeNetwork.create(b.feedbackRule(TestNetworks.bp()).build(), 9);
                LeNetwork fa = LeNetwork.create(b.feedbackRule(TestNetworks.fa()).build(), 9)) {
            for (int l = 1; l <= 2; l++) {
                fa.setFeedbackWeights(l, bp.feedbackWeights(l));
            }
            for (int batch = 0; batch < 4; batch++) {
                float[] x = TestNetworks.uniform(batch, 4 * 6, 0, 1);
                float[] y = TestNetworks.uniform(100 + batch, 4 * 4, 0, 1);
                bp.present(x, y);
                fa.present(x, y);
                bp.steps(25);
                fa.steps(25);
            }
            double[] w = bp.forwardWeights(1);
            assertThat(maxAbsDifference(fa.forwardWeights(1), w)).isLessThan(1e-6 * maxAbs(w));
            assertThat(maxAbsDifference(w, fa.forwardWeights(1))).isLessThanOrEqualTo(0.0); // same FMA order: exact
            // and learning happened at all
            try (LeNetwork untouched = LeNetwork.create(b.feedbackRule(TestNetworks.bp()).build(), 9)) {
                assertThat(maxAbsDifference(untouched.forwardWeights(1), w)).isGreaterThan(1e-5);
            }
        }
    }

    @Test
    void backpropReportsTheTransposedForwardWeightsAsItsFeedback() {
        int[] sizes = {6, 9, 5, 4};
        LeNetworkSpec spec = LeNetworkSpec.builder(sizes)
                .activations(Activation.TANH, Activation.LOGISTIC, Activation.LINEAR).feedbackRule(TestNetworks.bp())
                .batchSize(2).initialWeightStd(0.3).build();
        try (LeNetwork net = LeNetwork.create(spec, 3)) {
            for (int l = 1; l <= 2; l++) {
                int rows = sizes[l], cols = sizes[l + 1];
                double[] w = net.forwardWeights(l + 1); // cols × rows
                double[] b = net.feedbackWeights(l); // rows × cols
                assertThat(b).hasSize(w.length);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        assertThat(b[i * cols + j]).isEqualTo(w[j * rows + i]);
                    }
                }
            }
        }
    }

    @Test
    void directFeedbackErrorIsThisStepsDerivativeTimesProjectedOutputError() {
        int[] sizes = {5, 6, 7, 3};
        LeNetworkSpec spec = LeNetworkSpec.builder(sizes)
                .activations(Activation.TANH, Activation.LOGISTIC, Activation.LINEAR).feedbackRule(TestNetworks.dfa())
                .batchSize(2).beta(1.0).initialWeightStd(0.5).precision(Precision.FLOAT64).build();
        try (LeNetwork net = LeNetwork.create(spec, 4)) {
            net.present(TestNetworks.uniform(1, 2 * 5, 0, 1), TestNetworks.uniform(2, 2 * 3, 0, 1));
            net.steps(3);
            float[] outputError = LeDynamicsTest.errors(net, 3);
            for (int k = 1; k <= 2; k++) {
                double[] d = net.feedbackWeights(k); // D_k: n_k × n_K
                float[] slope = new float[2 * sizes[k]];
                net.read(StateQuantity.RATE_DERIVATIVE, k, slope, 0);
                float[] e = LeDynamicsTest.errors(net, k);
                for (int s = 0; s < 2; s++) {
                    for (int i = 0; i < sizes[k]; i++) {
                        double projected = 0;
                        for (int j = 0; j < 3; j++) {
                            projected += d[i * 3 + j] * outputError[s * 3 + j];
                        }
                        assertThat((double) e[s * sizes[k] + i]).isCloseTo(slope[s * sizes[k] + i] * projected,
                                org.assertj.core.data.Offset.offset(1e-6));
                    }
                }
                assertThat(maxAbs(toDoubles(e))).isGreaterThan(1e-4);
            }
        }
    }

    @Test
    void directFeedbackChangesEveryLayerInTheStepTheOutputErrorAppearsBackpropOnlyTheTop() {
        LeNetworkSpec.Builder b = LeNetworkSpec.builder(5, 6, 7, 3)
                .activations(Activation.TANH, Activation.TANH, Activation.LINEAR).batchSize(2).initialWeightStd(0.5);
        float[] x = TestNetworks.uniform(1, 2 * 5, 0, 1);
        float[] y = TestNetworks.uniform(2, 2 * 3, 0, 1);
        try (LeNetwork dfa = LeNetwork.create(b.feedbackRule(TestNetworks.dfa()).build(), 4);
                LeNetwork bp = LeNetwork.create(b.feedbackRule(TestNetworks.bp()).build(), 4)) {
            for (LeNetwork net : new LeNetwork[] {dfa, bp}) {
                net.present(x, y);
                net.step(); // "rate" target: r'_K = 0 before the first step, so no error yet
            }
            double[][] dfaBefore = {dfa.forwardWeights(1), dfa.forwardWeights(2), dfa.forwardWeights(3)};
            double[][] bpBefore = {bp.forwardWeights(1), bp.forwardWeights(2), bp.forwardWeights(3)};
            dfa.step();
            bp.step();
            for (int k = 1; k <= 3; k++) {
                assertThat(maxAbsDifference(dfa.forwardWeights(k), dfaBefore[k - 1])).as("DFA W_%d", k)
                        .isGreaterThan(0);
            }
            assertThat(maxAbsDifference(bp.forwardWeights(3), bpBefore[2])).as("BP W_3").isGreaterThan(0);
            assertThat(bp.forwardWeights(2)).as("BP W_2").containsExactly(bpBefore[1]);
            assertThat(bp.forwardWeights(1)).as("BP W_1").containsExactly(bpBefore[0]);
        }
    }

    @Test
    void forwardLowPassAppliesTheFractionDtOverTauOfTheFirstUpdate() {
        double tauLowPass = 10.0;
        LeNetworkSpec.Builder b = LeNetworkSpec.builder(4, 5, 3).activations(Activation.TANH, Activation.LINEAR)
                .targetType(TargetType.MSE).batchSize(2).precision(Precision.FLOAT64).initialWeightStd(0.5);
        ExploratoryNoise silent = new ExploratoryNoise(new double[] {0, 0}, 1.0, 0);
        PhaselessAlignment plain = new PhaselessAlignment(silent, 1.0, new double[] {0}, new double[] {0}, 0.0);
        PhaselessAlignment lowPass = new PhaselessAlignment(silent, 1.0, new double[] {0}, new double[] {0}, tauLowPass);
        try (LeNetwork direct = LeNetwork.create(b.feedbackRule(plain).build(), 2);
                LeNetwork filtered = LeNetwork.create(b.feedbackRule(lowPass).build(), 2)) {
            float[] x = TestNetworks.uniform(1, 2 * 4, 0, 1);
            float[] y = TestNetworks.uniform(2, 2 * 3, 0, 1);
            for (LeNetwork net : new LeNetwork[] {direct, filtered}) { // settle without learning
                net.setTraining(false);
                net.present(x, null);
                net.steps(3);
                net.setTraining(true);
                net.present(x, y);
            }
            double[] w0 = direct.forwardWeights(2);
            double[] bias0 = direct.biases(2);
            direct.step();
            filtered.step();
            double[] dw = direct.forwardWeights(2), dwFiltered = filtered.forwardWeights(2);
            double[] db = direct.biases(2), dbFiltered = filtered.biases(2);
            double ratio = 0.1 / tauLowPass;
            for (int i = 0; i < w0.length; i++) {
                assertThat(dwFiltered[i] - w0[i]).isCloseTo(ratio * (dw[i] - w0[i]),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
            for (int i = 0; i < bias0.length; i++) {
                assertThat(dbFiltered[i] - bias0[i]).isCloseTo(ratio * (db[i] - bias0[i]),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
            assertThat(maxAbsDifference(dw, w0)).isGreaterThan(1e-5);
        }
    }

    @Test
    void nonFiniteRatesAreReportedWithStepLayerAndQuantity() {
        LeNetworkSpec spec = LeNetworkSpec.builder(3, 4, 2).activations(Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.bp()).batchSize(2).build();
        try (LeNetwork net = LeNetwork.create(spec, 1)) {
            net.present(TestNetworks.uniform(1, 6, 0, 1), TestNetworks.uniform(2, 4, 0, 1));
            net.steps(3);
            net.requireFinite();
            double[] w = net.forwardWeights(2);
            w[3] = Double.NaN;
            net.setForwardWeights(2, w);
            net.step();
            assertThatThrownBy(net::requireFinite).isInstanceOfSatisfying(SimulationDivergedException.class, e -> {
                assertThat(e.step()).isEqualTo(4);
                assertThat(e.layer()).isEqualTo(2);
                assertThat(e.quantity()).isEqualTo("rate");
            });
        }
    }

    private static double[] toDoubles(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
