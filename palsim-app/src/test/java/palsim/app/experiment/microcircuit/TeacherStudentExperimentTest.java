package palsim.app.experiment.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.TEACHER_STUDENT;
import static palsim.app.experiment.microcircuit.MicrocircuitConfigs.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.experiment.MetricNames;
import palsim.app.testing.CliHarness;
import palsim.core.microcircuit.CircuitState;
import palsim.core.microcircuit.WeightSnapshot;

/** Task fw_bw through the command line: the phases, PAL's sign flip, the extras, figures, determinism. */
class TeacherStudentExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path runOk(String yaml, String out, String... options) throws IOException {
        Path config = Files.writeString(dir.resolve(out + ".yaml"), yaml);
        String[] args = new String[options.length + 4];
        args[0] = "run";
        args[1] = config.toString();
        args[2] = "--out";
        args[3] = out;
        System.arraycopy(options, 0, args, 4, options.length);
        CliHarness.Result r = CliHarness.shipped(dir).run(args);
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        return dir.resolve(out);
    }

    /**
     * Fig. 1d/1e in miniature: the paper's [1-1-1] setting for seed 1 over 60 of its 5000 epochs.
     * PAL's feedback weight starts negative and ends with the teacher's (positive) sign, and
     * summary.json says from which epoch on; FA's never changes.
     */
    @Test
    void palFlipsTheSignOfItsFeedbackWeightAndTheSummarySaysWhen() throws IOException {
        String yaml = with(with(with(TEACHER_STUDENT, MicrocircuitConfigs.SHORT_PROTOCOL, ""), "seeds: [1, 2]", "seeds: [1]"),
                "epochs: 4", "epochs: 60");
        Path out = runOk(yaml, "flip", "--threads", "2");
        MetricsCsv csv = MetricsCsv.read(out);
        assertThat(csv.value("pal", 1, 0, MetricNames.B_FEEDBACK, 1)).isNegative();
        assertThat(csv.value("pal", 1, 60, MetricNames.B_FEEDBACK, 1)).isPositive();
        assertThat(csv.value("pal", 1, 60, MetricNames.ANGLE_B_WT, 1)).isZero();
        double faFeedback = csv.value("fa", 1, 0, MetricNames.B_FEEDBACK, 1);
        for (int epoch = 1; epoch <= 60; epoch++) {
            assertThat(csv.value("fa", 1, epoch, MetricNames.B_FEEDBACK, 1)).isEqualTo(faFeedback);
        }

        JsonNode extras = JSON.readTree(out.resolve("summary.json").toFile()).get("extras");
        JsonNode palFlip = extras.at("/sign_flip_epoch/pal/1");
        assertThat(palFlip.isInt()).as("PAL's flip epoch: %s", palFlip).isTrue();
        int flip = palFlip.asInt();
        assertThat(flip).isBetween(1, 60);
        assertThat(csv.value("pal", 1, flip, MetricNames.B_FEEDBACK, 1)).isPositive();
        assertThat(csv.value("pal", 1, flip - 1, MetricNames.B_FEEDBACK, 1)).isNotPositive();
        assertThat(extras.at("/sign_flip_epoch/fa/1").isNull()).isTrue();
        assertThat(extras.at("/forward_sign_flip_epoch/bp/1").isInt()).as("BP's W_1 takes the teacher's sign").isTrue();
        assertThat(extras.at("/teacher_w_forward_1/pal/1").asDouble()).isEqualTo(2.0);
        assertThat(extras.at("/teacher_w_forward_2/fa/1").asDouble()).isEqualTo(2.0);
        assertThat(extras.at("/teacher_seed/bp/1").asLong()).isBetween(100_000L, 999_998L);

        for (String figure : new String[] {"b_feedback", "w_forward", "mse", "angle_B_WT", "output_trace"}) {
            assertThat(out.resolve("figures/" + figure + ".png")).as(figure).isNotEmptyFile();
            assertThat(out.resolve("figures/" + figure + ".svg")).as(figure).isNotEmptyFile();
        }
    }

    /**
     * Settling learns nothing, so epoch 0 shows the drawn weights (BP's B already tied to Wᵀ);
     * every metric is there for epochs 0…E; BP's error falls while it trains.
     */
    @Test
    void epochZeroIsTheDrawnCircuitAndEveryEpochIsReported() throws IOException {
        Path out = runOk(TEACHER_STUDENT, "phases", "--threads", "1");
        MetricsCsv csv = MetricsCsv.read(out);
        TeacherStudentSettings settings = MicrocircuitConfigs.teacherStudent(TEACHER_STUDENT);
        for (long seed : new long[] {1, 2}) {
            for (RuleCircuit c : settings.circuits()) {
                WeightSnapshot drawn = CircuitState.draw(c.spec(), seed).weights();
                assertThat(csv.value(c.rule(), seed, 0, MetricNames.W_FORWARD, 1)).isEqualTo(drawn.forward(1)[0]);
                assertThat(csv.value(c.rule(), seed, 0, MetricNames.W_FORWARD, 2)).isEqualTo(drawn.forward(2)[0]);
                assertThat(csv.value(c.rule(), seed, 0, MetricNames.B_FEEDBACK, 1)).isEqualTo(drawn.feedback(1)[0]);
            }
            assertThat(csv.value("bp", seed, 0, MetricNames.B_FEEDBACK, 1))
                    .isEqualTo(csv.value("bp", seed, 0, MetricNames.W_FORWARD, 2));
            assertThat(csv.value("bp", seed, 4, MetricNames.B_FEEDBACK, 1))
                    .isCloseTo(csv.value("bp", seed, 4, MetricNames.W_FORWARD, 2), within(1e-3));
            assertThat(csv.value("bp", seed, 4, MetricNames.MSE, "")).isLessThan(csv.value("bp", seed, 1, MetricNames.MSE, ""));
        }
        // 3 rules × 2 seeds × epochs 0…4 × (w_forward ×2, b_feedback, angle_B_WT, mse)
        assertThat(csv.rows()).hasSize(3 * 2 * 5 * 5);
    }

    @Test
    void sameSeedsGiveBitIdenticalMetricsForOneAndTwoThreads() throws IOException {
        String yaml = TEACHER_STUDENT + "metrics: {update_angle: true}\n";
        Path one = runOk(yaml, "one", "--threads", "1");
        Path two = runOk(yaml, "two", "--threads", "2");
        assertThat(Files.readAllBytes(two.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(one.resolve("metrics.csv")));
        assertThat(Files.readAllBytes(two.resolve("summary.json"))).isEqualTo(Files.readAllBytes(one.resolve("summary.json")));
        assertThat(MetricsCsv.read(one).count(MetricNames.ANGLE_DW_BP)).isEqualTo(3 * 2 * 5 * 2);
        assertThat(one.resolve("figures/angle_dW_BP.png")).isNotEmptyFile();
    }
}
