package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.DirectFeedbackAlignment;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.neuron.Activation;

/** Every validation message names its field (microcircuit.md §7 parameter names). */
class MicrocircuitSpecTest {

    private static MicrocircuitSpec.Builder valid() {
        return MicrocircuitSpec.builder(5, 20, 10, 20, 5).feedbackRule(Circuits.fa());
    }

    @Test
    void aNonPositiveLayerSizeIsRejectedWithItsIndex() {
        assertThatThrownBy(() -> MicrocircuitSpec.builder(5, 20, -3, 5))
                .hasMessage("layers[2] must be > 0, got -3");
    }

    @Test
    void fewerThanThreeLayersAreRejected() {
        assertThatThrownBy(() -> MicrocircuitSpec.builder(5, 5)).hasMessageContaining("layers must have at least 3 entries");
    }

    @Test
    void learningRateListsMustMatchTheLayers() {
        assertThatThrownBy(() -> valid().forwardLearningRates(1, 1, 1).build())
                .hasMessage("eta_fw has 3 entries; the network has 4 forward projections");
        assertThatThrownBy(() -> valid().pyramidToInterneuronLearningRates(0).build())
                .hasMessage("eta_ip has 1 entries; the network has 3 hidden layers");
        assertThatThrownBy(() -> valid().interneuronToPyramidLearningRates(1, -1, 1).build())
                .hasMessage("eta_pi[1] must be finite and >= 0, got -1.0");
    }

    @Test
    void timeStepAndProspectiveFactorMustBeSensible() {
        assertThatThrownBy(() -> valid().dt(0).build()).hasMessage("dt must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> valid().prospectiveFactor(-1).build()).hasMessage("taur must be finite and >= 0, got -1.0");
    }

    @Test
    void activationsMustCoverEveryPyramidalLayer() {
        assertThatThrownBy(() -> valid().activations(Activation.LOGISTIC).build())
                .hasMessage("activations has 1 entries; the network has 4 pyramidal layers");
    }

    @Test
    void directFeedbackAlignmentDrivesEveryHiddenLayerFromTheOutput() {
        MicrocircuitSpec spec = valid().feedbackRule(new DirectFeedbackAlignment()).build();
        assertThat(spec.directFeedback()).isTrue();
        for (int l = 1; l <= 3; l++) {
            assertThat(spec.feedbackSource(l)).isEqualTo(4);
        }
        assertThat(valid().build().feedbackSource(1)).isEqualTo(2);
    }

    @Test
    void palSettingsMustMatchTheHiddenLayers() {
        PhaselessAlignment twoLayers = Circuits.fig1bPal(2);
        assertThatThrownBy(() -> valid().feedbackRule(twoLayers).build())
                .hasMessageContaining("learning_rates has 2 entries; the network has 3 feedback projections");
    }

    @Test
    void noiseFasterThanTheTimeStepIsRejected() {
        PhaselessAlignment fast = new PhaselessAlignment(new ExploratoryNoise(new double[] {0.1}, 0.001, 0), 0.1,
                new double[] {1}, new double[] {0}, 0);
        assertThatThrownBy(() -> MicrocircuitSpec.builder(1, 1, 1).feedbackRule(fast).build())
                .hasMessage("noise.tau must be >= dt = 0.01, got 0.001");
    }

    @Test
    void missingRuleIsNamed() {
        assertThatThrownBy(() -> MicrocircuitSpec.builder(1, 1, 1).build()).hasMessage("feedback_rule is missing");
    }

    @Test
    void conductancesAndWeightRangesNameTheirFields() {
        assertThatThrownBy(() -> new Conductances(0.03, 0, 0.06, 0.1, 0.06, 0.06))
                .hasMessage("conductances.g_bas must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> WeightRange.of(1, -1)).hasMessageContaining("low <= high");
    }

    @Test
    void paperConductancesGiveTheSpecsDerivedQuantities() {
        Conductances g = Conductances.PAPER;
        assertThat(1 / g.hiddenTotal()).isCloseTo(5.263, within(1e-3));
        assertThat(1 / g.outputTotal()).isCloseTo(5.263, within(1e-3));
        assertThat(1 / g.interneuronTotal()).isCloseTo(5.263, within(1e-3));
        assertThat(g.hiddenBasalAttenuation()).isCloseTo(0.526, within(1e-3));
        assertThat(g.outputBasalAttenuation()).isCloseTo(0.769, within(1e-3));
        assertThat(g.interneuronDendriteAttenuation()).isCloseTo(0.769, within(1e-3));
    }

    @Test
    void builderRoundTripGivesAnEqualSpec() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fig1bPal(3));
        assertThat(spec.toBuilder().build()).isEqualTo(spec).hasSameHashCodeAs(spec);
        assertThat(spec.toBuilder().dt(0.02).build()).isNotEqualTo(spec);
    }
}
