package palsim.app.experiment.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.config.PresetCatalog;
import palsim.app.data.FakeMnistDirectory;
import palsim.app.testing.CliHarness;

/** Runs of the autoencoder experiment through the command line: files, protocol, science, determinism. */
class AutoencoderExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliHarness.Result run(String... args) {
        CliHarness.Result r = new AutoencoderCli(dir).run(args);
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        return r;
    }

    private Path config(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    /** metrics.csv rows of one metric (without the header). */
    private static List<String[]> rows(Path runDirectory, String metric) throws IOException {
        return Files.readAllLines(runDirectory.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(",", -1))
                .filter(c -> c[3].equals(metric)).toList();
    }

    private static double value(Path runDirectory, String rule, int epoch, String metric, String layer) throws IOException {
        return rows(runDirectory, metric).stream().filter(c -> c[0].equals(rule) && c[2].equals(Integer.toString(epoch))
                && c[4].equals(layer)).mapToDouble(c -> Double.parseDouble(c[5])).findFirst().orElseThrow();
    }

    /**
     * The {@code fig1fgh} preset unchanged except for where its data lies and how much of it there
     * is: synthetic digits in the official layout, one seed, one epoch.
     */
    @Test
    void fullPresetRunsOnFilesInTheOfficialLayoutAndWritesEveryFileAndFigure() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        FakeMnistDirectory.create(mnist, 120, 70, 5);
        String preset = PresetCatalog.standard().text("fig1fgh");
        String yaml = preset.replace("dir: data/mnist", "dir: " + mnist).replace("train_size: 50000", "train_size: 64")
                .replace("test_size: 10000", "test_size: 70");
        assertThat(yaml).contains("train_size: 64", "test_size: 70", "dir: " + mnist);

        CliHarness.Result r = run("run", config("fig1fgh-smoke.yaml", yaml).toString(), "--out", "out", "--seeds", "1",
                "--epochs", "1");
        Path out = dir.resolve("out");
        for (String file : new String[] {"config.yaml", "provenance.json", "metrics.csv", "summary.json", "latents.csv",
            "data.json"}) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        for (String figure : new String[] {"latents", "lin_sep", "angle_B_WT", "mse"}) {
            assertThat(out.resolve("figures/" + figure + ".png")).as(figure).isNotEmptyFile();
            assertThat(out.resolve("figures/" + figure + ".svg")).as(figure).isNotEmptyFile();
        }
        // Epochs 0 and 1 for every rule; angles for FA and PAL in layers 1..3 (fc2, fc3, fc4), none for BP.
        for (String rule : new String[] {"bp", "fa", "pal"}) {
            for (int epoch = 0; epoch <= 1; epoch++) {
                assertThat(value(out, rule, epoch, "lin_sep", "")).isBetween(0.0, 1.0);
                assertThat(value(out, rule, epoch, "mse", "")).isPositive();
            }
        }
        assertThat(rows(out, "angle_B_WT")).hasSize(2 * 2 * 3)
                .allSatisfy(c -> assertThat(c[0]).isIn("fa", "pal"))
                .allSatisfy(c -> assertThat(c[4]).isIn("1", "2", "3"));
        // drop_last: 70 test digits are 2 batches of 32.
        List<String> latents = Files.readAllLines(out.resolve("latents.csv"));
        assertThat(latents.get(0)).isEqualTo("rule,seed,epoch,sample,label,latent_1,latent_2");
        assertThat(latents).hasSize(1 + 3 * 64);
        assertThat(latents.get(1)).startsWith("bp,1,1,0,0,");
        JsonNode data = JSON.readTree(out.resolve("data.json").toFile());
        assertThat(data.get("description").asText()).isEqualTo("official MNIST, per-seed split 64/56, test 70");
        assertThat(data.get("files")).hasSize(4);
        assertThat(data.get("files").get(0).get("sha256").asText()).hasSize(64);
        assertThat(r.out()).contains("lin_sep epoch 0 → 1, mean over seeds: bp", "∠(B, Wᵀ) pal, mean over seeds: layer 1");
    }

    /** {@code metrics.update_angle}: ∠(ΔW_k, ΔW_k^BP) per rule and hidden projection, 0 for BP itself. */
    @Test
    void updateAnglesAreRecordedPerRuleAndHiddenLayer() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        FakeMnistDirectory.create(mnist, 120, 70, 5);
        String yaml = PresetCatalog.standard().text("fig1fgh").replace("dir: data/mnist", "dir: " + mnist)
                .replace("train_size: 50000", "train_size: 64").replace("test_size: 10000", "test_size: 70");
        CliHarness.Result r = run("run", config("angles.yaml", yaml).toString(), "--out", "out", "--seeds", "1", "--epochs", "1",
                "--set", "metrics.update_angle=true");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path out = dir.resolve("out");
        assertThat(rows(out, "angle_dW_BP")).hasSize(3 * 2 * 3).allSatisfy(c -> assertThat(c[4]).isIn("1", "2", "3"));
        for (int layer = 1; layer <= 3; layer++) {
            assertThat(value(out, "bp", 1, "angle_dW_BP", Integer.toString(layer))).isCloseTo(0, within(1e-3));
            assertThat(value(out, "fa", 0, "angle_dW_BP", Integer.toString(layer))).isBetween(1.0, 180.0);
        }
        assertThat(out.resolve("figures/angle_dW_BP.svg")).isNotEmptyFile();
    }

    @Test
    void missingOfficialFilesEndWithExitCode2NamingTheFileAndHowToFetchIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String yaml = AutoencoderSettingsTest.MINIMAL.replace("source: bundled", "source: official\n  dir: " + empty);
        CliHarness.Result r = new AutoencoderCli(dir).run("run", config("missing.yaml", yaml).toString(), "--out", "out");
        assertThat(r.exitCode()).isEqualTo(2);
        List<String> lines = r.errLine().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("palsim: " + empty.resolve("train-images-idx3-ubyte.gz")
                + ": not found (nor train-images-idx3-ubyte uncompressed); download the official MNIST files with: "
                + "palsim data fetch mnist --dir " + empty);
    }

    /** §4: backprop makes the latent code more linearly separable than the random initial one. */
    @Test
    void backpropMakesTheLatentCodeClearlyMoreSeparableThanAtEpochZero() throws IOException {
        String yaml = AutoencoderSettingsTest.MINIMAL.replace("epochs: 1", "epochs: 4")
                + "  train_size: 2048\n  test_size: 512\nprotocol:\n  steps_per_batch: 25\n  evaluation_steps: 8\n";
        run("run", config("learn.yaml", yaml).toString(), "--out", "out");
        Path out = dir.resolve("out");
        double before = value(out, "bp", 0, "lin_sep", "");
        double after = value(out, "bp", 4, "lin_sep", "");
        // Chance is ~0.1; the reference's seed spread is 0.03-0.05 (pitfall 25).
        assertThat(after).as("lin_sep epoch 0 %s → epoch 4 %s", before, after).isGreaterThan(before + 0.12).isGreaterThan(0.25);
        assertThat(value(out, "bp", 4, "mse", "")).isLessThan(0.8 * value(out, "bp", 0, "mse", ""));
    }

    /** A latent of three units still gets its scatter figure: its first two principal components, titled so. */
    @Test
    void threeUnitLatentIsDrawnAsItsFirstTwoPrincipalComponents() throws IOException {
        String yaml = AutoencoderSettingsTest.MINIMAL.replace("[784, 200, 2, 200, 784]", "[784, 200, 3, 200, 784]")
                + "  train_size: 64\n  test_size: 64\nprotocol:\n  steps_per_batch: 10\n  evaluation_steps: 8\n";
        run("run", config("latent3.yaml", yaml).toString(), "--out", "out");
        Path out = dir.resolve("out");
        assertThat(Files.readAllLines(out.resolve("latents.csv")).get(0))
                .isEqualTo("rule,seed,epoch,sample,label,latent_1,latent_2,latent_3");
        assertThat(out.resolve("figures/latents.png")).isNotEmptyFile();
        String svg = Files.readString(out.resolve("figures/latents.svg"));
        assertThat(svg).as("the title, drawn as text").contains("first two principal components of the 3 units");
    }

    @Test
    void metricsAndLatentsAreBitIdenticalForOneAndTwoThreads() throws IOException {
        String yaml = AutoencoderSettingsTest.MINIMAL.replace("seeds: [1]", "seeds: [1, 2]").replace("data:", """
                  pal:
                    learning_rate_factors: [1e-2, 1e-2, 1e-2, 1e-3]
                    noise: {std: [0.01, 0.01, 0.01, 0], tau: 1.0}
                    tau_high_pass: 1.0
                    learning_rates: [0.8, 0.8, 0.8]
                    decay: [1e-4, 1e-4, 1e-4]
                data:""") + "  train_size: 96\n  test_size: 64\nprotocol:\n  steps_per_batch: 10\n  evaluation_steps: 8\n";
        Path config = config("threads.yaml", yaml);
        run("run", config.toString(), "--out", "one", "--threads", "1");
        run("run", config.toString(), "--out", "two", "--threads", "2");
        for (String file : new String[] {"metrics.csv", "latents.csv", "summary.json"}) {
            assertThat(Files.readString(dir.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readString(dir.resolve("one").resolve(file)));
        }
        assertThat(rows(dir.resolve("one"), "lin_sep")).hasSize(2 * 2 * 2);
    }

    @Test
    void divergingWeightsEndWithExitCode3NamingTheJob() throws IOException {
        String yaml = AutoencoderSettingsTest.MINIMAL.replace("[1e-2, 1e-2, 1e-2, 1e-2]", "[1e4, 1e4, 1e4, 1e4]")
                + "  train_size: 64\n  test_size: 32\nprotocol:\n  steps_per_batch: 20\n  evaluation_steps: 8\n";
        CliHarness.Result r = new AutoencoderCli(dir).run("run", config("diverge.yaml", yaml).toString(), "--out", "out");
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(3);
        assertThat(r.errLine()).contains("rule bp, seed 1", "diverged");
    }
}
