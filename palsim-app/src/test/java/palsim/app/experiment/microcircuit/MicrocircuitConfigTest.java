package palsim.app.experiment.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.ALIGNMENT;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.TEACHER_STUDENT;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.with;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.app.InputException;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightRange;
import palsim.core.microcircuit.protocol.RunProtocol;
import palsim.core.neuron.Activation;

/** The shared sections of the microcircuit experiments: what they parse into and how bad values are reported. */
class MicrocircuitConfigTest {

    @Test
    void modelProtocolAndRulesParseIntoTheCircuitOfEachRule() {
        AlignmentSettings settings = MicrocircuitConfigs.alignment(ALIGNMENT);
        assertThat(settings.rules()).containsExactly("fa", "pal");
        MicrocircuitSpec pal = settings.circuits().get(1).spec();
        assertThat(pal.layers()).containsExactly(5, 20, 10, 20, 5);
        assertThat(pal.activations()).containsOnly(Activation.LOGISTIC);
        assertThat(pal.conductances()).isEqualTo(Conductances.PAPER);
        assertThat(pal.dt()).isEqualTo(0.01);
        assertThat(pal.prospectiveFactor()).isEqualTo(1.0);
        assertThat(pal.interneuronToPyramidLearningRates()).containsExactly(5, 5, 5);
        assertThat(pal.initialRanges().forward()).isEqualTo(WeightRange.of(-1, 1));
        assertThat(pal.selfPredictingStart()).isTrue();
        assertThat(pal.feedbackRule()).isInstanceOf(PhaselessAlignment.class);
        assertThat(((PhaselessAlignment) pal.feedbackRule()).forwardLowPassTau()).isEqualTo(100);
        assertThat(settings.circuits().get(0).spec().feedbackRule()).isInstanceOf(FeedbackAlignment.class);
        assertThat(settings.protocol()).isEqualTo(new RunProtocol(10, 1, 20, 3, 1000));
        assertThat(settings.updateAngle()).isFalse();
    }

    @Test
    void overridesReplaceTheModelsLearningRatesForTheirRuleOnly() {
        TeacherStudentSettings settings = MicrocircuitConfigs.teacherStudent(TEACHER_STUDENT);
        assertThat(settings.circuits()).extracting(RuleCircuit::rule).containsExactly("bp", "fa", "pal");
        assertThat(settings.circuits().get(0).spec().interneuronToPyramidLearningRates()).containsExactly(0);
        assertThat(settings.circuits().get(1).spec().interneuronToPyramidLearningRates()).containsExactly(0);
        assertThat(settings.circuits().get(2).spec().interneuronToPyramidLearningRates()).containsExactly(0.5);
        for (RuleCircuit c : settings.circuits()) {
            assertThat(c.spec().forwardLearningRates()).as(c.rule()).containsExactly(2, 0.5);
            assertThat(c.spec().pyramidToInterneuronLearningRates()).as(c.rule()).containsExactly(10);
        }
        String fwOverride = with(TEACHER_STUDENT, "overrides: {eta_pi: [0]}", "overrides: {eta_fw: [1, 0.25]}");
        TeacherStudentSettings changed = MicrocircuitConfigs.teacherStudent(fwOverride);
        assertThat(changed.circuits().get(0).spec().forwardLearningRates()).containsExactly(1, 0.25);
        assertThat(changed.circuits().get(0).spec().interneuronToPyramidLearningRates()).containsExactly(0.5);
        assertThat(changed.circuits().get(1).spec().forwardLearningRates()).containsExactly(2, 0.5);
    }

    @Test
    void absentOptionalSectionsTakeThePapersValuesAndTheTraceItsFirstAndLastEpoch() {
        String paper = with(TEACHER_STUDENT, MicrocircuitConfigs.SHORT_PROTOCOL, "");
        TeacherStudentSettings settings = MicrocircuitConfigs.teacherStudent(paper);
        assertThat(settings.protocol()).isEqualTo(new RunProtocol(100, 1, 100, 4, 1000));
        assertThat(settings.teacherRanges().forward()).isEqualTo(WeightRange.of(2, 2));
        assertThat(settings.teacherRanges().feedback()).isEqualTo(WeightRange.of(-1, 1));
        assertThat(settings.trace().epochs()).containsExactly(1, 4);
        assertThat(settings.trace().samples()).isEqualTo(5);
        String resolved = MicrocircuitConfigs.prepare(paper).resolvedYaml();
        assertThat(resolved).contains("settling_time: 100", "presentation_time: 1", "record_interval: 1000",
                "update_angle: false", "g_ntgt: 0.06", "init_in_sps: true", "taur: 1.0");
    }

    @Test
    void perLayerActivationsAreAccepted() {
        String yaml = with(ALIGNMENT, "  layers: [5, 20, 10, 20, 5]\n",
                "  layers: [5, 20, 10, 20, 5]\n  activations: [tanh, logistic, relu, linear]\n");
        assertThat(MicrocircuitConfigs.alignment(yaml).circuits().get(0).spec().activations())
                .containsExactly(Activation.TANH, Activation.LOGISTIC, Activation.RELU, Activation.LINEAR);
    }

    static Stream<Arguments> badAlignmentConfigs() {
        return Stream.of(
                Arguments.of("layers: [5, 20, 10, 20, 5]", "layers: [5, 20, -3, 20, 5]", "model.layers[2]: must be > 0, got -3"),
                Arguments.of("layers: [5, 20, 10, 20, 5]", "layers: [5, 5]", "model.layers: needs at least 3 entries (input, hidden…, output), got 2"),
                Arguments.of("layers: [5, 20, 10, 20, 5]", "layers: [5, 20, 10, 20, 5]\n  dt: fast", "model.dt: expected a number, got \"fast\""),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1]", "model.eta_fw has 3 entries; the network has 4 forward projections"),
                Arguments.of("eta_pi: [5, 5, 5]", "eta_pi: [5, 5]", "model.eta_pi has 2 entries; the network has 3 hidden layers"),
                Arguments.of("eta_pi: [5, 5, 5]", "eta_pi: [5, -5, 5]", "model.eta_pi[1]: must be >= 0, got -5"),
                Arguments.of("eta_ip: [0, 0, 0]", "eta_ip: zero", "model.eta_ip: expected a list, got \"zero\""),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  init_w_range: [1, -1]", "model.init_w_range: low must be <= high, got [1.0, -1.0]"),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  init_b_range: [-1, 0, 1]", "model.init_b_range: needs 2 entries [low, high], got 3"),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  conductances: {g_l: 0}", "model.conductances.g_l: must be > 0, got 0"),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  taur: -1", "model.taur: must be >= 0, got -1"),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  activation: sigmoidal", "model.activation: unknown value 'sigmoidal' (known: "),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  activations: [tanh, tanh]", "model.activations: has 2 entries; the network has 4 pyramidal layers"),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  activations: [tanh, tanh, tanh, tahn]", "model.activations[3]: unknown value 'tahn' (known: "),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  activation: tanh\n  activations: [tanh, tanh, tanh, tanh]", "model.activation: give either activation (one for every layer) or activations (one per layer), not both"),
                Arguments.of("eta_fw: [1, 1, 1, 1]", "eta_fw: [1, 1, 1, 1]\n  layrs: [1]", "test.yaml: unknown key 'model.layrs'"),
                Arguments.of("dataset_size: 20", "dataset_size: 0", "protocol.dataset_size: must be >= 1, got 0"),
                Arguments.of("dataset_size: 20", "dataset_size: 20\n  presentation_time: 0.015", "protocol.presentation_time: must be a whole number of steps of model.dt = 0.01 (at most 2147483647), got 0.015"),
                Arguments.of("settling_time: 10", "settling_time: -10", "protocol.settling_time: must be >= 0, got -10"),
                Arguments.of("dataset_size: 20", "dataset_size: 20\n  record_intervall: 10", "test.yaml: unknown key 'protocol.record_intervall'"),
                Arguments.of("  fa: {}\n", "  kolen_pollack: {decay: -1}\n", "rules.kolen_pollack.decay must be finite and >= 0, got -1.0"),
                Arguments.of("  fa: {}\n", "  fa: {overrides: {eta_pi: [1, 1]}}\n", "rules.fa.overrides.eta_pi has 2 entries; the network has 3 hidden layers"),
                Arguments.of("  fa: {}\n", "  fa: {overrides: {eta_bw: [1]}}\n", "test.yaml: unknown key 'rules.fa.overrides.eta_bw'"),
                Arguments.of("  fa: {}\n", "  fa: {overides: {eta_pi: [1, 1, 1]}}\n", "test.yaml: unknown key 'rules.fa.overides'"),
                Arguments.of("std: [0.05, 0.05, 0.05]", "std: [0.05, 0.05]", "rules.pal.noise.std has 2 entries; the network has 3 hidden populations"),
                Arguments.of("tau: 0.1,", "tau: 0.001,", "rules.pal.noise.tau must be >= dt = 0.01, got 0.001"),
                Arguments.of("decay: [1e-5, 1e-5, 1e-5]", "decay: [1e-5, 1e-5, 1e-5, 1e-5]", "rules.pal.decay has 4 entries; the network has 3 feedback projections"),
                Arguments.of("rules:\n  fa: {}\n", "metrics: {update_angle: yes please}\nrules:\n  fa: {}\n", "metrics.update_angle: expected true or false, got \"yes please\""));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badAlignmentConfigs")
    void badValuesAreReportedWithTheirKeyPath(String line, String replacement, String message) {
        String yaml = with(ALIGNMENT, line, replacement);
        assertThatThrownBy(() -> MicrocircuitConfigs.prepare(yaml)).isInstanceOf(InputException.class)
                .message().startsWith(message);
    }

    @Test
    void aConfigWithoutRulesIsRejected() {
        String yaml = ALIGNMENT.substring(0, ALIGNMENT.indexOf("rules:")) + "rules: {}\n";
        assertThatThrownBy(() -> MicrocircuitConfigs.prepare(yaml)).isInstanceOf(InputException.class)
                .hasMessage("rules: needs at least one rule (known: bp, dfa, fa, kolen_pollack, pal, sign_symmetry, weight_mirror)");
    }

    static Stream<Arguments> badTeacherStudentConfigs() {
        return Stream.of(
                Arguments.of("init_w_range: [2, 2]", "init_w_range: [2]", "teacher.init_w_range: needs 2 entries [low, high], got 1"),
                Arguments.of("init_w_range: [2, 2]", "init_w_range: [2, 2]\n  init_w: [1, 1]", "test.yaml: unknown key 'teacher.init_w'"),
                Arguments.of("teacher:", "trace: {epochs: [1, 5]}\nteacher:", "trace.epochs[1]: must be between 0 and 4, got 5"),
                Arguments.of("teacher:", "trace: {epochs: [2, 2]}\nteacher:", "trace.epochs[1]: epoch 2 is listed twice"),
                Arguments.of("teacher:", "trace: {samples: 101}\nteacher:", "trace.samples: must be between 1 and 20, got 101"),
                Arguments.of("overrides: {eta_pi: [0]}", "overrides: {eta_pi: [-1]}", "rules.bp.overrides.eta_pi[0]: must be >= 0, got -1"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badTeacherStudentConfigs")
    void badTeacherStudentValuesAreReportedWithTheirKeyPath(String line, String replacement, String message) {
        String yaml = with(TEACHER_STUDENT, line, replacement);
        assertThatThrownBy(() -> MicrocircuitConfigs.prepare(yaml)).isInstanceOf(InputException.class)
                .message().startsWith(message);
    }
}
