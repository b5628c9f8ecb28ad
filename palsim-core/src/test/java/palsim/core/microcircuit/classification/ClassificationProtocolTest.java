package palsim.core.microcircuit.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.core.data.Dataset;
import palsim.core.feedback.Backprop;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.SynapsesFirstStepOrder;
import palsim.core.microcircuit.WeightRange;

/** The stage schedule, the voltage readout and the driver of a classification run. */
class ClassificationProtocolTest {

    @Test
    void eachEpochValidatesThenTrainsAndTheRunEndsWithValidationAndTest() {
        List<Stage> stages = StageSchedule.standard(3, true);
        assertThat(stages).extracting(Stage::split).containsExactly(Split.VALIDATION, Split.TRAINING, Split.VALIDATION,
                Split.TRAINING, Split.VALIDATION, Split.TRAINING, Split.VALIDATION, Split.TEST);
        assertThat(stages).extracting(Stage::epoch).containsExactly(0, 1, 1, 2, 2, 3, 3, 3);
        for (Stage s : stages) {
            boolean training = s.split() == Split.TRAINING;
            assertThat(s.teaching()).isEqualTo(training);
            assertThat(s.learning()).isEqualTo(training ? LearningSwitches.ALL : LearningSwitches.OFF);
            assertThat(s.noise()).as("noise stays on while evaluating").isTrue();
            assertThat(s.shuffle()).isTrue();
        }
        assertThat(StageSchedule.standard(2, false)).filteredOn(s -> s.split() != Split.TRAINING)
                .allMatch(s -> !s.noise());
        assertThat(StageSchedule.standard(0, true)).extracting(Stage::split).containsExactly(Split.VALIDATION, Split.TEST);
    }

    @Test
    void theReferenceReadoutAveragesTheSnapshotsAfterSteps20To80() {
        VoltageReadout readout = VoltageReadout.reference(100);
        List<Integer> read = new ArrayList<>();
        for (int m = 0; m < 100; m++) {
            if (readout.reads(m)) {
                read.add(m);
            }
        }
        assertThat(read).containsExactly(20, 40, 60, 80);
        assertThat(readout.snapshots()).isEqualTo(4);
        assertThatThrownBy(() -> new VoltageReadout(100, 20, 5)).hasMessageContaining("at least one must remain");
        assertThatThrownBy(() -> new VoltageReadout(100, 0, 0)).hasMessageContaining("interval");
    }

    @Test
    void resultsCountDecisionsAgainstLabelsNotTargets() {
        Stage test = Stage.evaluation(Split.TEST, 4, true);
        StageResult r = new StageResult(test, 7, new int[] {0, 1, 2, 2, 1}, new int[] {0, 1, 1, 2, 0}, 3);
        assertThat(r.accuracy()).isEqualTo(0.6);
        assertThat(r.confusion()).isEqualTo(new long[][] {{1, 1, 0}, {0, 1, 1}, {0, 0, 1}});
    }

    /**
     * A circuit whose output weights encode the class directly (input i drives hidden i, hidden i
     * drives output i) decides every sample right, lane by lane, in every shuffled order; with the
     * weights mirrored it decides every sample wrong.
     */
    @Test
    void theDriverDecidesEachSampleByTheAveragedOutputVoltage() {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(3, 3, 3)
                .forwardLearningRates(0, 0).pyramidToInterneuronLearningRates(0).interneuronToPyramidLearningRates(0)
                .initialRanges(new InitialWeightRanges(WeightRange.of(0, 0), WeightRange.of(0, 0), WeightRange.of(0, 0),
                        WeightRange.of(0, 0)))
                .feedbackRule(new Backprop()).stepOrder(new SynapsesFirstStepOrder(100, true)).build();
        float[] features = new float[30 * 3];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 3;
            features[i * 3 + labels[i]] = 1f;
        }
        Dataset data = new Dataset(features, labels, 3, 3);
        LabelledSamples samples = new LabelledSamples(data, data, data, 1.0, 0.1);
        for (boolean mirrored : new boolean[] {false, true}) {
            MicrocircuitGroup group = MicrocircuitGroup.create(spec, 1, 2, 3);
            // W_1 = 4·I, W_2 = 8·I (or its mirror): the output follows the class
            palsim.core.microcircuit.CircuitSnapshot[] states = new palsim.core.microcircuit.CircuitSnapshot[3];
            for (int k = 0; k < 3; k++) {
                states[k] = group.snapshot(k);
                double[] w1 = new double[9];
                double[] w2 = new double[9];
                for (int i = 0; i < 3; i++) {
                    w1[i * 3 + i] = 4;
                    w2[i * 3 + (mirrored ? 2 - i : i)] = 8;
                }
                states[k].set(palsim.core.microcircuit.CircuitQuantity.FORWARD_WEIGHTS, 1, w1);
                states[k].set(palsim.core.microcircuit.CircuitQuantity.FORWARD_WEIGHTS, 2, w2);
                group.restore(k, states[k]);
            }
            List<StageResult> results = new ClassificationDriver(group, samples, VoltageReadout.reference(100))
                    .runStage(Stage.evaluation(Split.TEST, 0, false));
            assertThat(results).hasSize(3);
            for (StageResult r : results) {
                int[] expected = new int[30];
                for (int i = 0; i < 30; i++) {
                    expected[i] = mirrored ? 2 - labels[i] : labels[i];
                }
                assertThat(r.predictions()).as("seed %d, mirrored %s", r.seed(), mirrored).isEqualTo(expected);
                assertThat(r.accuracy()).isEqualTo(mirrored ? 1.0 / 3 : 1.0);
            }
        }
    }
}
