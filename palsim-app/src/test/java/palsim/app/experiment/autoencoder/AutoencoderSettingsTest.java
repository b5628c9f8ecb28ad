package palsim.app.experiment.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.ExperimentRegistry;
import palsim.app.metrics.LinearSeparability;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunOverrides;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.le.ErrorVariant;
import palsim.core.le.EvaluationMode;
import palsim.core.le.LeNetworkSpec;
import palsim.core.le.Precision;
import palsim.core.le.TargetType;
import palsim.core.neuron.Activation;

/** Config parsing of the autoencoder experiment: presets, defaults, and every error names its key. */
class AutoencoderSettingsTest {
    /** A minimal valid config; tests replace one line at a time. */
    static final String MINIMAL = """
            task: autoencoder
            seeds: [1]
            epochs: 1
            model:
              layers: [784, 200, 2, 200, 784]
              activations: [tanh, linear, tanh, linear]
            rules:
              bp:
                learning_rate_factors: [1e-2, 1e-2, 1e-2, 1e-2]
            data:
              source: bundled
            """;

    private static final ExperimentRunner RUNNER = new ExperimentRunner(ExperimentRegistry.of(new AutoencoderExperiment()));

    static AutoencoderSettings parse(String yaml) {
        return (AutoencoderSettings) RUNNER.prepare(ConfigDocument.parse(yaml, "test.yaml"), RunOverrides.none()).settings();
    }

    private static AutoencoderSettings preset(String name) {
        return (AutoencoderSettings) RUNNER.prepare(PresetCatalog.standard().load(name), RunOverrides.none()).settings();
    }

    private static String with(String original, String replacement) {
        assertThat(MINIMAL).contains(original);
        return MINIMAL.replace(original, replacement);
    }

    @Test
    void presetsRunTheSpecNetworkWithTheIssuesLearningRateFactors() {
        for (String name : new String[] {"fig1fgh", "fig1fgh-sample"}) {
            AutoencoderSettings s = preset(name);
            assertThat(s.rules()).as(name).containsExactly("bp", "fa", "pal");
            assertThat(s.network().sizes()).containsExactly(784, 200, 2, 200, 784);
            assertThat(s.network().activations()).containsExactly(Activation.TANH, Activation.LINEAR, Activation.TANH,
                    Activation.LINEAR);
            assertThat(s.network().latentPopulation()).isEqualTo(2);
            assertThat(s.network().errorVariant()).isEqualTo(ErrorVariant.ERROR_INJECTION);
            assertThat(s.network().targetType()).isEqualTo(TargetType.RATE);
            assertThat(s.ruleSetups().get(0).learningRateFactors()).containsExactly(1e-2, 1e-2, 1e-2, 1e-2);
            assertThat(s.ruleSetups().get(1).learningRateFactors()).containsExactly(1e-3, 1e-3, 1e-3, 1e-3);
            assertThat(s.ruleSetups().get(2).learningRateFactors()).containsExactly(1e-2, 1e-2, 1e-2, 1e-3);
            PhaselessAlignment pal = (PhaselessAlignment) s.ruleSetups().get(2).rule();
            assertThat(pal.exploratoryNoise().std()).containsExactly(0.01, 0.01, 0.01, 0);
            assertThat(pal.exploratoryNoise().tau()).isEqualTo(1.0);
            assertThat(pal.highPassTau()).isEqualTo(1.0);
            assertThat(pal.learningRates()).containsExactly(0.8, 0.8, 0.8);
            assertThat(pal.decay()).containsExactly(1e-4, 1e-4, 1e-4);
            assertThat(pal.forwardLowPassTau()).isZero();
            assertThat(s.protocol().batchSize()).isEqualTo(32);
            assertThat(s.protocol().stepsPerBatch()).isEqualTo(100);
            assertThat(s.protocol().noiseDuringEvaluation()).isTrue();
            assertThat(s.metrics().solver()).isEqualTo(LinearSeparability.Solver.LIBLINEAR);
            // §2.4: η_0 = 0.125 · 64 / 100 / 0.1 = 0.8, so the per-step increment is 0.08 f_k.
            LeNetworkSpec spec = s.network().spec(s.ruleSetups().get(2), s.protocol());
            assertThat(spec.baseLearningRate()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(spec.learningRate(4)).isCloseTo(0.8e-3, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(spec.beta()).isEqualTo(0.1);
            assertThat(spec.dt()).isEqualTo(0.1);
            assertThat(spec.initialWeightStd()).isEqualTo(0.05);
            assertThat(spec.precision()).isEqualTo(Precision.FLOAT32);
        }
    }

    @Test
    void fullPresetIsTheSpecsProtocolOnOfficialMnist() {
        AutoencoderSettings s = preset("fig1fgh");
        assertThat(s.data().source()).isEqualTo(DataSettings.Source.OFFICIAL);
        assertThat(s.data().directory()).contains(Path.of("data/mnist"));
        assertThat(s.data().trainSize()).isEqualTo(50_000);
        assertThat(s.data().testSize()).isEqualTo(10_000);
        assertThat(s.protocol().evaluation()).isEqualTo(EvaluationMode.FULL);
        assertThat(s.protocol().evaluationSteps()).isEqualTo(100);
        assertThat(s.protocol().validationPasses()).isTrue();
        assertThat(PresetCatalog.standard().load("fig1fgh").root().longIntegers("seeds", palsim.app.config.Bounds.any()))
                .containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
    }

    @Test
    void samplePresetUsesTheBundledSplitWithShortEvaluationPresentations() {
        AutoencoderSettings s = preset("fig1fgh-sample");
        assertThat(s.data().source()).isEqualTo(DataSettings.Source.BUNDLED);
        assertThat(s.data().trainSize()).isEqualTo(8_000);
        assertThat(s.data().testSize()).isEqualTo(2_000);
        assertThat(s.protocol().validationPasses()).isFalse();
        assertThat(s.protocol().evaluationSteps()).isGreaterThanOrEqualTo(2 * s.network().layers());
    }

    @Test
    void defaultsAreTheSpecsAndAreWrittenIntoTheResolvedConfig() {
        ConfigDocument document = ConfigDocument.parse(MINIMAL, "test.yaml");
        AutoencoderSettings s = (AutoencoderSettings) RUNNER.prepare(document, RunOverrides.none()).settings();
        assertThat(s.network().beta()).isEqualTo(0.1);
        assertThat(s.network().tau()).isEqualTo(10.0);
        assertThat(s.network().learningRateMultiplier()).isEqualTo(64.0);
        assertThat(s.protocol().evaluationSteps()).isEqualTo(100);
        assertThat(s.protocol().validationPasses()).isFalse();
        assertThat(s.data().trainSize()).isEqualTo(8000);
        String resolved = document.toYaml();
        assertThat(resolved).contains("learning_rate_multiplier: 64", "evaluation_steps: 100", "error_variant: injection",
                "solver: liblinear", "train_size: 8000", "latent_population: 2");
    }

    @Test
    void officialDataDefaultsToTheReferenceSplitAndValidationPasses() {
        AutoencoderSettings s = parse(with("  source: bundled\n", "  source: official\n"));
        assertThat(s.data().directory()).contains(Path.of("data/mnist"));
        assertThat(s.data().trainSize()).isEqualTo(50_000);
        assertThat(s.protocol().validationPasses()).isTrue();
    }

    @Test
    void unknownKeysAndWrongTypesNameTheirKeyPath() {
        assertThatThrownBy(() -> parse(with("  layers:", "  layrs: [1]\n  layers:"))).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown key 'model.layrs'");
        assertThatThrownBy(() -> parse(MINIMAL + "protocol:\n  batch_size: big\n")).isInstanceOf(InputException.class)
                .hasMessage("protocol.batch_size: expected an integer, got \"big\"");
        assertThatThrownBy(() -> parse(MINIMAL + "protocol:\n  evaluation: sometimes\n")).isInstanceOf(InputException.class)
                .hasMessage("protocol.evaluation: unknown value 'sometimes' (known: full, feedforward)");
        assertThatThrownBy(() -> parse(MINIMAL + "metrics:\n  lin_sep: {solver: svm}\n")).isInstanceOf(InputException.class)
                .hasMessage("metrics.lin_sep.solver: unknown value 'svm' (known: sgd, liblinear)");
        assertThatThrownBy(() -> parse(with("tanh, linear, tanh, linear", "tanh, linear, tanh, identity")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("model.activations[3]: unknown value 'identity'");
        assertThatThrownBy(() -> parse(with("source: bundled", "source: kaggle"))).isInstanceOf(InputException.class)
                .hasMessage("data.source: unknown value 'kaggle' (known: bundled, official)");
    }

    @Test
    void networkMustBeAnAutoencoderOfMnistImages() {
        assertThatThrownBy(() -> parse(with("[784, 200, 2, 200, 784]", "[784, 200, 2, 200, 10]")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("model.layers: the input and output populations must both have 784 neurons");
        assertThatThrownBy(() -> parse(with("tanh, linear, tanh, linear", "tanh, linear, tanh")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("model.activations: has 3 entries; the network has 4");
        assertThatThrownBy(() -> parse(MINIMAL.replace("layers: [784", "latent_population: 4\n  layers: [784")))
                .isInstanceOf(InputException.class).hasMessage("model.latent_population: must be between 1 and 3, got 4");
    }

    @Test
    void everyRuleNeedsOneLearningRateFactorPerLayer() {
        assertThatThrownBy(() -> parse(with("[1e-2, 1e-2, 1e-2, 1e-2]", "[1e-2, 1e-2]"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("rules.bp.learning_rate_factors: has 2 entries; the network has 4 layers");
        assertThatThrownBy(() -> parse(with("  bp:\n    learning_rate_factors: [1e-2, 1e-2, 1e-2, 1e-2]\n", "  fa: {}\n")))
                .isInstanceOf(InputException.class).hasMessage("rules.fa.learning_rate_factors: required key is missing");
        assertThatThrownBy(() -> parse(with("[1e-2, 1e-2, 1e-2, 1e-2]", "[1e-2, -1, 1e-2, 1e-2]")))
                .isInstanceOf(InputException.class).hasMessage("rules.bp.learning_rate_factors[1]: must be >= 0, got -1");
        assertThatThrownBy(() -> parse(with("  bp:\n", "  bpp:\n"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("rules.bpp: unknown feedback rule 'bpp' (known: bp, dfa, fa, kolen_pollack, pal, sign_symmetry, weight_mirror)");
    }

    @Test
    void palSettingsAreCheckedAgainstTheNetwork() {
        String pal = """
                  pal:
                    learning_rate_factors: [1e-2, 1e-2, 1e-2, 1e-3]
                    noise: {std: [0.01, 0.01], tau: 1.0}
                    tau_high_pass: 1.0
                    learning_rates: [0.8, 0.8, 0.8]
                    decay: [1e-4, 1e-4, 1e-4]
                """;
        assertThatThrownBy(() -> parse(MINIMAL.replace("data:", pal + "data:"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("rules.pal.noise.std has 2 entries; the network has 4 populations");
        String slowNoise = pal.replace("[0.01, 0.01]", "[0.01, 0.01, 0.01, 0]").replace("tau: 1.0}", "tau: 0.01}");
        assertThatThrownBy(() -> parse(MINIMAL.replace("data:", slowNoise + "data:"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("rules.pal.noise.tau must be >= dt = 0.1, got 0.01");
    }

    @Test
    void evaluationPresentationsMustOutlastTheNetworksDelays() {
        assertThatThrownBy(() -> parse(MINIMAL + "protocol:\n  evaluation_steps: 7\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("protocol.evaluation_steps: must be >= 2K = 8 for a network of 4 layers");
        assertThat(parse(MINIMAL + "protocol:\n  evaluation: feedforward\n  evaluation_steps: 1\n").protocol().evaluation())
                .isEqualTo(EvaluationMode.FEEDFORWARD);
    }

    @Test
    void dataSizesAndSourceSpecificKeysAreChecked() {
        assertThatThrownBy(() -> parse(MINIMAL + "  dir: somewhere\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("data.dir: only used with source: official");
        assertThatThrownBy(() -> parse(MINIMAL + "  train_size: 9000\n  test_size: 2000\n")).isInstanceOf(InputException.class)
                .hasMessage("data: train_size + test_size must not exceed the 10000 bundled digits, got 9000 + 2000");
        assertThatThrownBy(() -> parse(MINIMAL + "  test_size: 16\n")).isInstanceOf(InputException.class)
                .hasMessage("data.test_size: must be >= 32, got 16");
        assertThatThrownBy(() -> parse(MINIMAL + "protocol:\n  validation_passes: true\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("protocol.validation_passes: the bundled digits have no validation split");
    }
}
