package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.neuron.Activation;

class LeNetworkSpecTest {

    private static LeNetworkSpec.Builder valid() {
        return LeNetworkSpec.builder(784, 200, 2, 200, 784)
                .activations(Activation.TANH, Activation.LINEAR, Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.bp());
    }

    @Test
    void referenceLearningRateIsPointEight() {
        assertThat(LeNetworkSpec.referenceLearningRate(64, 100, 0.1)).isEqualTo(0.8);
        assertThat(valid().build().baseLearningRate()).isEqualTo(0.8);
    }

    @Test
    void defaultsAreTheMnistAutoencodersSettings() {
        LeNetworkSpec s = valid().learningRateFactors(1e-2, 1e-2, 1e-2, 1e-3).build();
        assertThat(s.beta()).isEqualTo(0.1);
        assertThat(s.dt()).isEqualTo(0.1);
        assertThat(s.tau()).isEqualTo(10.0);
        assertThat(s.initialWeightStd()).isEqualTo(0.05);
        assertThat(s.batchSize()).isEqualTo(32);
        assertThat(s.errorVariant()).isEqualTo(ErrorVariant.ERROR_INJECTION);
        assertThat(s.targetType()).isEqualTo(TargetType.RATE);
        assertThat(s.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(s.noiseDuringEvaluation()).isTrue();
        assertThat(s.learningRate(4)).isEqualTo(0.8 * 1e-3);
        assertThat(s.layers()).isEqualTo(4);
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.describe()).containsEntry("error_variant", "injection").containsEntry("precision", "float32");
    }

    @Test
    void everyBadSettingIsRejectedNamingIt() {
        assertThatThrownBy(() -> LeNetworkSpec.builder(3).feedbackRule(TestNetworks.bp()).build())
                .hasMessageStartingWith("layers");
        assertThatThrownBy(() -> LeNetworkSpec.builder(3, 0).feedbackRule(TestNetworks.bp()).build())
                .hasMessageStartingWith("layers");
        assertThatThrownBy(() -> valid().activations(Activation.TANH).build()).hasMessageStartingWith("activations");
        assertThatThrownBy(() -> valid().learningRateFactors(1, 1).build())
                .hasMessageStartingWith("learning_rate_factors");
        assertThatThrownBy(() -> valid().learningRateFactors(1, 1, Double.NaN, 1).build())
                .hasMessageStartingWith("learning_rate_factors");
        assertThatThrownBy(() -> valid().beta(Double.POSITIVE_INFINITY).build()).hasMessageStartingWith("beta");
        assertThatThrownBy(() -> valid().dt(0).build()).hasMessageStartingWith("dt");
        assertThatThrownBy(() -> valid().tau(-1).build()).hasMessageStartingWith("tau");
        assertThatThrownBy(() -> valid().baseLearningRate(Double.NaN).build()).hasMessageStartingWith("learning_rate");
        assertThatThrownBy(() -> valid().initialWeightStd(0).build()).hasMessageStartingWith("init_std");
        assertThatThrownBy(() -> valid().batchSize(0).build()).hasMessageStartingWith("batch_size");
        assertThatThrownBy(() -> valid().feedbackRule(null).build()).hasMessageStartingWith("feedback_rule");
        assertThatThrownBy(() -> valid().precision(null).build()).hasMessageStartingWith("precision");
        assertThatThrownBy(() -> valid().integrateMembranePotential(true).dt(20).build())
                .hasMessageStartingWith("dt");
    }

    @Test
    void feedbackRuleSettingsAreCheckedAgainstTheNetwork() {
        assertThatThrownBy(() -> valid().feedbackRule(TestNetworks.pal(new double[] {0.01, 0.01}, 0.8, 1e-4)).build())
                .hasMessageStartingWith("learning_rates");
        PhaselessAlignment refreshing = new PhaselessAlignment(new ExploratoryNoise(new double[] {0.01, 0.01, 0.01, 0},
                1.0, 0.5), 1.0, new double[] {0.8, 0.8, 0.8}, new double[] {1e-4, 1e-4, 1e-4}, 0.0);
        assertThatThrownBy(() -> valid().feedbackRule(refreshing).build())
                .hasMessageStartingWith("noise.refresh_interval");
        PhaselessAlignment fastNoise = new PhaselessAlignment(new ExploratoryNoise(new double[] {0.01, 0.01, 0.01, 0},
                0.05, 0), 1.0, new double[] {0.8, 0.8, 0.8}, new double[] {1e-4, 1e-4, 1e-4}, 0.0);
        assertThatThrownBy(() -> valid().feedbackRule(fastNoise).build()).hasMessageStartingWith("noise.tau");
        assertThat(valid().feedbackRule(TestNetworks.pal(new double[] {0.01, 0.01, 0.01, 0}, 0.8, 1e-4)).build())
                .isNotNull();
    }

    @Test
    void namesOfOptionsAreLookedUpWithTheKnownOnesListed() {
        assertThat(ErrorVariant.byName("Injection")).isEqualTo(ErrorVariant.ERROR_INJECTION);
        assertThat(TargetType.byName("mse")).isEqualTo(TargetType.MSE);
        assertThat(Precision.byName("float64")).isEqualTo(Precision.FLOAT64);
        assertThatThrownBy(() -> ErrorVariant.byName("a")).hasMessageContaining("injection, direct");
        assertThatThrownBy(() -> TargetType.byName("softmax")).hasMessageContaining("rate, mse");
        assertThatThrownBy(() -> Precision.byName("half")).hasMessageContaining("float32, float64");
    }

    @Test
    void networkApiRejectsBadIndicesAndShapes() {
        LeNetworkSpec spec = LeNetworkSpec.builder(3, 4, 2).activations(Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.bp()).batchSize(2).build();
        try (LeNetwork net = LeNetwork.create(spec, 1)) {
            assertThatThrownBy(() -> net.present(new float[5], new float[4])).hasMessageStartingWith("inputs");
            assertThatThrownBy(() -> net.present(new float[6], new float[3])).hasMessageStartingWith("targets");
            assertThatThrownBy(() -> net.present(new float[6], null)).hasMessageContaining("training mode");
            assertThatThrownBy(net::step).hasMessageContaining("present a batch");
            assertThatThrownBy(() -> net.forwardWeights(0)).hasMessageStartingWith("layer");
            assertThatThrownBy(() -> net.feedbackWeights(2)).hasMessageStartingWith("feedback layer");
            assertThatThrownBy(() -> net.setForwardWeights(1, new double[3])).hasMessageStartingWith("weights");
            assertThatThrownBy(() -> net.setFeedbackWeights(1, new double[8])).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> net.setMembranePotential(1, new float[8])).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> net.read(StateQuantity.RATE, 3, new float[8], 0)).hasMessageStartingWith("population");
            assertThatThrownBy(() -> LeNetwork.create(spec, 1, 0)).hasMessageStartingWith("threads");
        }
    }

    @Test
    void feedbackAngleIsZeroForBackpropAndAbsentForDirectFeedback() {
        LeNetworkSpec.Builder b = LeNetworkSpec.builder(3, 4, 5, 2)
                .activations(Activation.TANH, Activation.TANH, Activation.LINEAR).batchSize(2);
        try (LeNetwork bp = LeNetwork.create(b.feedbackRule(TestNetworks.bp()).build(), 1);
                LeNetwork dfa = LeNetwork.create(b.feedbackRule(TestNetworks.dfa()).build(), 1);
                LeNetwork fa = LeNetwork.create(b.feedbackRule(TestNetworks.fa()).build(), 1)) {
            assertThat(bp.feedbackAngleDegrees(1)).hasValue(0.0);
            assertThat(dfa.feedbackAngleDegrees(2)).isEmpty();
            assertThat(dfa.feedbackWeights(1)).hasSize(4 * 2); // D_1: n_1 × n_K
            assertThat(fa.feedbackAngleDegrees(2).getAsDouble()).isEqualTo(palsim.core.metrics.Angles
                    .degreesToTranspose(fa.feedbackWeights(2), fa.forwardWeights(3), 5, 2));
            double[] w = bp.forwardWeights(2); // 5 × 4; BP's "B₁" is its transpose
            double[] b1 = bp.feedbackWeights(1);
            assertThat(b1[1 * 5 + 3]).isEqualTo(w[3 * 4 + 1]);
        }
    }
}
