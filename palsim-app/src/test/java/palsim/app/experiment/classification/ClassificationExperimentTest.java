package palsim.app.experiment.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.Experiments;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunOverrides;
import palsim.app.testing.CliHarness;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.SynapsesFirstStepOrder;

/** Task classification through the command line: a tiny Yin-Yang run learns, files, presets and bad input. */
class ClassificationExperimentTest {
    /**
     * Yin-Yang [4-30-3] with BP and PAL (η^bw = 0) on 800 training samples, 2 epochs, 2 seeds: a few
     * seconds. No {@code model.precision}: classification runs in float32 by default, as the reference.
     */
    static final String TINY = """
            task: classification
            seeds: [1, 2]
            epochs: 2
            model:
              layers: [4, 30, 3]
              step_order: genn
              tau_forward_low_pass: 100
              init_w_range: [-0.1, 0.1]
              init_wip_range: [-0.1, 0.1]
              init_b_range: [-1, 1]
              init_bpi_range: [-1, 1]
              eta_fw: [50.0, 0.01]
              eta_ip: [0.05]
              eta_pi: [0.02]
            data: {dataset: yinyang, train_size: 800, validation_size: 150, test_size: 150}
            rules:
              bp: {}
              pal_eta0:
                type: pal
                noise: {std: [0.01], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [0.0]
                decay: [1e-6]
            """;

    @TempDir
    Path dir;

    private CliHarness.Result run(String yaml, String... options) throws IOException {
        Path config = Files.writeString(dir.resolve("classification-" + System.nanoTime() + ".yaml"), yaml);
        String[] args = new String[options.length + 2];
        args[0] = "run";
        args[1] = config.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return CliHarness.shipped(dir).run(args);
    }

    @Test
    void aTinyYinYangRunLearnsAboveChanceAndWritesItsFiles() throws IOException {
        CliHarness.Result r = run(TINY, "--out", "tiny", "--threads", "2");
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        Path out = dir.resolve("tiny");
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        // 2 circuits × 2 seeds × (val_acc at epochs 0–2, test_acc, angle_B_WT at epochs 0–2) + header
        assertThat(lines).hasSize(1 + 2 * 2 * (3 + 1 + 3));
        double chance = 1.0 / 3;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double value = Double.parseDouble(f[5]);
            if (f[0].equals("bp") && f[3].equals("val_acc") && f[2].equals("2")) {
                assertThat(value).as("BP validation accuracy after 2 epochs: %s", line).isGreaterThan(chance + 0.1);
            }
            if (f[0].equals("bp") && f[3].equals("angle_B_WT")) {
                assertThat(value).as("BP's B is Wᵀ: %s", line).isLessThan(1e-6);
            }
            if (f[3].endsWith("_acc")) {
                assertThat(value).isBetween(0.0, 1.0);
            }
        }
        assertThat(Files.readString(out.resolve("config.yaml"))).as("the resolved precision is recorded")
                .contains("precision: float32");
        assertThat(out.resolve("figures/val_acc.png")).isNotEmptyFile();
        assertThat(out.resolve("figures/angle_B_WT.svg")).isNotEmptyFile();
        assertThat(r.out()).contains("bp: test accuracy").contains("pal_eta0: test accuracy");
    }

    /** The full presets run end to end when shortened: the MNIST ones on official-format files and on the bundled digits. */
    @Test
    void theMnistPresetsRunEndToEndShortened() throws IOException {
        Path mnist = palsim.app.data.FakeMnistDirectory.create(Files.createDirectories(dir.resolve("mnist")), 60_000, 10_000, 5);
        String[] shortened = {"--epochs", "1", "--seeds", "1", "--set", "data.train_size=40", "--set",
            "data.validation_size=20", "--set", "data.test_size=20"};
        for (String preset : new String[] {"mnist-mc", "mnist-mc-sample", "yinyang"}) {
            List<String> args = new java.util.ArrayList<>(List.of("reproduce", preset, "--out", preset));
            args.addAll(List.of(shortened));
            if (preset.equals("mnist-mc")) {
                args.addAll(List.of("--set", "data.dir=" + mnist));
            }
            CliHarness.Result r = CliHarness.shipped(dir).run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s: %s", preset, r.err()).isZero();
            List<String> lines = Files.readAllLines(dir.resolve(preset).resolve("metrics.csv"));
            assertThat(lines).as(preset).anyMatch(l -> l.startsWith("pal,") && l.contains(",test_acc,"))
                    .anyMatch(l -> l.startsWith("fa,") && l.contains(",test_acc,"));
            assertThat(dir.resolve(preset).resolve("figures/confusion.png")).isNotEmptyFile();
        }
    }

    @Test
    void theYinYangPresetIsTheReferenceProtocol() {
        var run = new ExperimentRunner(Experiments.standard()).prepare(PresetCatalog.standard().load("yinyang"),
                RunOverrides.none());
        ClassificationSettings s = (ClassificationSettings) run.settings();
        assertThat(run.common().seeds()).hasSize(10).first().isEqualTo(123456L);
        assertThat(s.epochs()).isEqualTo(400);
        assertThat(s.rules()).containsExactly("pal", "fa", "pal_eta0", "bp");
        MicrocircuitSpec pal = s.circuits().get(0).spec();
        assertThat(pal.layers()).containsExactly(4, 30, 3);
        assertThat(pal.forwardLearningRates()).containsExactly(50.0, 0.01);
        assertThat(pal.stepOrder()).isEqualTo(new SynapsesFirstStepOrder(100, false));
        assertThat(pal.precision()).isEqualTo(palsim.core.le.Precision.FLOAT32);
        assertThat(((PhaselessAlignment) pal.feedbackRule()).learningRates()).containsExactly(0.5);
        // B^PI is static where B does not learn: FA, the eta-0 control and BP
        for (int i = 1; i < 4; i++) {
            assertThat(((SynapsesFirstStepOrder) s.circuits().get(i).spec().stepOrder()).staticInterneuronToPyramid())
                    .as(s.rules().get(i)).isTrue();
        }
        assertThat(s.readout().snapshots()).isEqualTo(4);
        assertThat(s.data().sizes()).containsExactly(6000, 900, 900);
    }

    @Test
    void aHiddenSizeStudyRunsEveryRuleAtEverySize() {
        String yaml = TINY.replace("  eta_pi: [0.02]\n", "  eta_pi: [0.02]\n  hidden_sizes: [5, 12]\n");
        var run = new ExperimentRunner(Experiments.standard()).prepare(
                palsim.app.config.ConfigDocument.parse(yaml, "t.yaml"), RunOverrides.none());
        ClassificationSettings s = (ClassificationSettings) run.settings();
        assertThat(s.rules()).containsExactly("bp_h5", "bp_h12", "pal_eta0_h5", "pal_eta0_h12");
        assertThat(s.circuits().get(1).spec().layers()).containsExactly(4, 12, 3);
    }

    @Test
    void badClassificationConfigsAreOneLineErrorsNamingTheKey() throws IOException {
        String[][] cases = {
            {TINY.replace("dataset: yinyang", "dataset: cifar"), "data.dataset"},
            {TINY.replace("layers: [4, 30, 3]", "layers: [5, 30, 3]"), "model.layers"},
            {TINY.replace("layers: [4, 30, 3]", "layers: [4, 30, 4]"), "model.layers"},
            {TINY.replace("type: pal", "type: palx"), "rules.pal_eta0.type"},
            {TINY.replace("step_order: genn", "step_order: numpy"), "model.step_order"},
            {TINY.replace("step_order: genn", "step_order: genn\n  precision: float16"), "model.precision"},
            {TINY.replace("tau_high_pass: 0.1", "tau_high_pass: 0.1\n    tau_forward_low_pass: 100"),
                "rules.pal_eta0.tau_forward_low_pass"},
            {TINY.replace("tau_forward_low_pass: 100", "tau_forward_low_pass: 0.001"), "model.tau_forward_low_pass"},
        };
        for (String[] c : cases) {
            CliHarness.Result r = run(c[0], "--out", "bad-" + System.nanoTime());
            assertThat(r.exitCode()).as("%s: %s", c[1], r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(c[1]).contains(c[1]).doesNotContain("\n").doesNotContain("Exception");
        }
    }
}
