package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.Experiments;
import palsim.app.experiment.ProgressReporter;

/**
 * A run stopped right after its k-th checkpoint file (as if killed there: nothing after it reaches
 * the checkpoint) and then resumed ends with metrics.csv, summary.json, the figures and every other
 * result file byte-identical to an uninterrupted run — for both microcircuit tasks, microcircuit
 * classification and the LE autoencoder, with a job stopped mid-way, jobs finished before the stop and jobs not yet started,
 * and with another thread count for the resumed part.
 */
class ResumeTest {
    private static final String ALIGNMENT = """
            task: bw_only
            seeds: [123, 456, 789]
            epochs: 3
            model:
              layers: [3, 6, 4, 3]
              eta_fw: [1, 1, 1]
              eta_ip: [0, 0]
              eta_pi: [5, 5]
            protocol:
              settling_time: 5
              dataset_size: 10
            rules:
              fa: {}
              pal:
                noise: {std: [0.05, 0.05], tau: 0.1, refresh_interval: 0.02}
                tau_high_pass: 0.1
                learning_rates: [50, 50]
                decay: [1e-5, 1e-5]
                tau_forward_low_pass: 100
            metrics: {update_angle: true}
            checkpoint: {every_epochs: 1}
            """;

    private static final String TEACHER_STUDENT = """
            task: fw_bw
            seeds: [1, 2, 3, 4, 5]
            epochs: 4
            protocol:
              settling_time: 5
              dataset_size: 10
            model:
              layers: [1, 1, 1]
              init_w_range: [-1, 0]
              init_b_range: [-1, 0]
              eta_fw: [2, 0.5]
              eta_ip: [10]
              eta_pi: [0.5]
            rules:
              bp:
                overrides: {eta_pi: [0]}
              pal:
                noise: {std: [0.01], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [20]
                decay: [1e-6]
                tau_forward_low_pass: 100
            teacher:
              init_w_range: [2, 2]
            trace: {samples: 2, epochs: [0, 2, 4]}
            checkpoint: {every_epochs: 1}
            """;

    /** The uninterrupted runs, one per config, shared by the cases. */
    private static final String CLASSIFICATION = """
            task: classification
            seeds: [1, 2]
            epochs: 2
            model:
              layers: [4, 12, 3]
              step_order: genn
              tau_forward_low_pass: 100
              init_w_range: [-0.1, 0.1]
              init_wip_range: [-0.1, 0.1]
              init_b_range: [-1, 1]
              init_bpi_range: [-1, 1]
              eta_fw: [50.0, 0.01]
              eta_ip: [0.05]
              eta_pi: [0.02]
            data: {dataset: yinyang, train_size: 120, validation_size: 30, test_size: 30}
            rules:
              bp: {}
              pal:
                noise: {std: [0.01], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [0.5]
                decay: [1e-6]
            checkpoint: {every_epochs: 1}
            """;

    @TempDir
    static Path wholeRuns;
    private static final Map<String, Path> WHOLE = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static Stream<Arguments> interruptions() {
        return Stream.of(
                // 2 rules × 1 group of 3 seeds, epochs 0…3: the first job is mid-way at file 2, done at 4
                Arguments.of("alignment, first job mid-way", ALIGNMENT, 2),
                Arguments.of("alignment, first job done, second mid-way", ALIGNMENT, 6),
                // 2 rules × 2 groups (4 + 1 seeds), epochs 0…4, the first group traced
                Arguments.of("teacher-student, traced group mid-way", TEACHER_STUDENT, 3),
                Arguments.of("teacher-student, two jobs done", TEACHER_STUDENT, 12),
                // 2 rules × 1 group, 6 stages each (validation, 2 × (training, validation), test)
                Arguments.of("classification, first job mid-way", CLASSIFICATION, 3),
                Arguments.of("classification, first job done, second mid-way", CLASSIFICATION, 8),
                Arguments.of("autoencoder, first job mid-way", autoencoder(), 2),
                Arguments.of("autoencoder, one job done, the next at epoch 0", autoencoder(), 4));
    }

    /** fig1fgh-sample cut down: 1 seed, 2 epochs, 192 training and 96 test digits, 20 steps per batch. */
    private static String autoencoder() {
        ConfigDocument preset = PresetCatalog.standard().load("fig1fgh-sample");
        new RunOverrides(OptionalInt.of(1), OptionalInt.of(2), Stream.of("data.train_size=192", "data.test_size=96",
                "protocol.steps_per_batch=20", "protocol.evaluation_steps=8", "checkpoint.every_epochs=1")
                .map(ConfigAssignment::parse).toList()).applyTo(preset);
        return preset.toYaml();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interruptions")
    void aResumedRunEndsBitIdenticalToAnUninterruptedOne(String name, String config, int stopAfterFile) throws Exception {
        Path whole = whole(config);

        Path stopped = dir.resolve("stopped");
        AtomicInteger files = new AtomicInteger();
        ExperimentRunner stopping = new ExperimentRunner(Experiments.standard()).onCheckpointWritten(file -> {
            if (files.incrementAndGet() == stopAfterFile) {
                throw new Killed();
            }
        });
        assertThatThrownBy(() -> stopping.execute(prepare(config), request(stopped, 1))).hasRootCauseInstanceOf(Killed.class);
        assertThat(stopped.resolve(RunDirectory.METRICS)).doesNotExist();
        assertThat(CheckpointFile.list(stopped)).hasSizeLessThanOrEqualTo(2)
                .last().satisfies(f -> assertThat(CheckpointFile.sequenceOf(f)).isEqualTo(stopAfterFile));

        ExperimentRunner resuming = new ExperimentRunner(Experiments.standard());
        ConfigDocument saved = RunRecord.open(stopped, "stopped").config();
        resuming.resume(resuming.prepare(saved, RunOverrides.none()), request(stopped, 2), "stopped");

        assertThat(new ObjectMapper().readTree(stopped.resolve(RunDirectory.PROVENANCE).toFile()).path("resumed_from").asText())
                .isEqualTo("checkpoints/" + CheckpointFile.fileName(stopAfterFile));
        assertThat(results(stopped)).isEqualTo(results(whole));
        for (String file : results(whole)) {
            assertThat(Files.readAllBytes(stopped.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        assertThat(stopped.resolve(CheckpointFile.DIRECTORY)).as("checkpoints removed once complete").doesNotExist();
    }

    private static Path whole(String config) throws Exception {
        Path run = WHOLE.get(config);
        if (run == null) {
            run = wholeRuns.resolve("run-" + WHOLE.size());
            new ExperimentRunner(Experiments.standard()).execute(prepare(config), request(run, 1));
            WHOLE.put(config, run);
        }
        return run;
    }

    private static ExperimentRunner.PreparedRun<?> prepare(String config) {
        return new ExperimentRunner(Experiments.standard()).prepare(ConfigDocument.parse(config, "test.yaml"),
                RunOverrides.none());
    }

    private static ExperimentRunner.Request request(Path out, int threads) {
        return new ExperimentRunner.Request(out, true, threads, "palsim test", ProgressReporter.silent(),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new SoftwareVersion("t", Optional.empty(), Optional.empty()),
                MachineInfo.current());
    }

    /** Every result file (all but provenance.json, which records the command and times). */
    private static List<String> results(Path run) throws IOException {
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(Files::isRegularFile).map(f -> run.relativize(f).toString())
                    .filter(f -> !f.equals(RunDirectory.PROVENANCE)).sorted().toList();
        }
    }

    /** Stands for a kill right after a checkpoint file was written. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
