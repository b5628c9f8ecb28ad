package palsim.app.experiment.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.Experiments;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunOverrides;
import palsim.core.feedback.Backprop;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightRange;
import palsim.core.microcircuit.protocol.RunProtocol;

/** The Fig. 1b–e presets carry the parameter files of microcircuit.md §7. */
class ShippedPresetsTest {
    private static ExperimentRunner.PreparedRun<?> preset(String name) {
        return new ExperimentRunner(Experiments.standard()).prepare(PresetCatalog.standard().load(name), RunOverrides.none());
    }

    @Test
    void fig1bIsTheLinearRegimeFileFig3abc() {
        var run = preset("fig1b");
        AlignmentSettings s = (AlignmentSettings) run.settings();
        assertThat(run.common().seeds()).containsExactly(123L, 456L, 789L, 111L, 222L, 1L, 3L, 5L, 7L, 9L);
        assertThat(s.protocol()).isEqualTo(new RunProtocol(100, 1, 100, 100, 1000));
        assertThat(s.rules()).containsExactly("pal");
        MicrocircuitSpec spec = s.circuits().getFirst().spec();
        assertThat(spec.layers()).containsExactly(5, 20, 10, 20, 5);
        assertThat(spec.interneuronToPyramidLearningRates()).containsExactly(5, 5, 5);
        assertThat(spec.pyramidToInterneuronLearningRates()).containsExactly(0, 0, 0);
        assertThat(spec.initialRanges().forward()).isEqualTo(WeightRange.of(-1, 1));
        assertThat(spec.initialRanges().feedback()).isEqualTo(WeightRange.of(-1, 1));
        PhaselessAlignment pal = (PhaselessAlignment) spec.feedbackRule();
        assertThat(pal.learningRates()).containsExactly(50, 50, 50);
        assertThat(pal.decay()).containsExactly(1e-5, 1e-5, 1e-5);
        assertThat(pal.exploratoryNoise().std()).containsExactly(0.05, 0.05, 0.05);
        assertThat(pal.exploratoryNoise().tau()).isEqualTo(0.1);
        assertThat(pal.highPassTau()).isEqualTo(0.1);
        assertThat(pal.forwardLowPassTau()).isEqualTo(100);
        assertThat(s.updateAngle()).isFalse();
    }

    @Test
    void fig1cIsTheNonlinearRegimeFileFig3defWithSeed999() {
        var run = preset("fig1c");
        AlignmentSettings s = (AlignmentSettings) run.settings();
        assertThat(run.common().seeds()).containsExactly(123L, 456L, 789L, 111L, 999L, 1L, 3L, 5L, 7L, 9L);
        assertThat(run.common().epochs()).isEqualTo(500);
        MicrocircuitSpec spec = s.circuits().getFirst().spec();
        assertThat(spec.interneuronToPyramidLearningRates()).containsExactly(0.5, 0.5, 0.5);
        assertThat(spec.initialRanges().forward()).isEqualTo(WeightRange.of(-5, 5));
        assertThat(spec.initialRanges().feedback()).isEqualTo(WeightRange.of(-5, 5));
        assertThat(spec.initialRanges().pyramidToInterneuron()).isEqualTo(WeightRange.of(-1, 1));
        assertThat(((PhaselessAlignment) spec.feedbackRule()).learningRates()).containsExactly(20, 20, 20);
        assertThat(s.teacherRanges().forward()).isEqualTo(WeightRange.of(-5, 5));
    }

    @Test
    void fig1dAndFig1eAreTheSameRunOfTheFig4abFiles() {
        for (String name : new String[] {"fig1d", "fig1e"}) {
            var run = preset(name);
            TeacherStudentSettings s = (TeacherStudentSettings) run.settings();
            assertThat(run.common().epochs()).as(name).isEqualTo(5000);
            assertThat(run.common().seeds()).as(name).containsExactly(123L, 456L, 789L, 111L, 222L, 1L, 3L, 5L, 7L, 9L);
            assertThat(s.rules()).as(name).containsExactly("bp", "fa", "pal");
            assertThat(s.teacherRanges().forward()).isEqualTo(WeightRange.of(2, 2));
            MicrocircuitSpec bp = s.circuits().get(0).spec();
            MicrocircuitSpec fa = s.circuits().get(1).spec();
            MicrocircuitSpec pal = s.circuits().get(2).spec();
            assertThat(bp.feedbackRule()).isInstanceOf(Backprop.class);
            assertThat(fa.feedbackRule()).isInstanceOf(FeedbackAlignment.class);
            assertThat(bp.interneuronToPyramidLearningRates()).containsExactly(0);
            assertThat(fa.interneuronToPyramidLearningRates()).containsExactly(0);
            assertThat(pal.interneuronToPyramidLearningRates()).containsExactly(0.5);
            for (MicrocircuitSpec spec : new MicrocircuitSpec[] {bp, fa, pal}) {
                assertThat(spec.layers()).containsExactly(1, 1, 1);
                assertThat(spec.forwardLearningRates()).containsExactly(2, 0.5);
                assertThat(spec.pyramidToInterneuronLearningRates()).containsExactly(10);
                assertThat(spec.initialRanges().forward()).isEqualTo(WeightRange.of(-1, 0));
                assertThat(spec.initialRanges().feedback()).isEqualTo(WeightRange.of(-1, 0));
            }
            PhaselessAlignment rule = (PhaselessAlignment) pal.feedbackRule();
            assertThat(rule.learningRates()).containsExactly(20);
            assertThat(rule.decay()).as("α: only the first N−1 entries of the file").containsExactly(1e-6);
            assertThat(rule.exploratoryNoise().std()).containsExactly(0.01);
            assertThat(s.trace().epochs()).containsExactly(1, 5000);
        }
        assertThat(preset("fig1d").settings()).isEqualTo(preset("fig1e").settings());
    }

    /** What a run directory's config.yaml records runs exactly the preset again (palsim rerun relies on it). */
    @Test
    void resolvedConfigOfEveryMicrocircuitPresetParsesToTheSameSettings() {
        for (String name : new String[] {"fig1b", "fig1c", "fig1d", "fig1e"}) {
            var run = preset(name);
            var again = MicrocircuitConfigs.prepare(run.resolvedYaml());
            assertThat(again.settings()).as(name).isEqualTo(run.settings());
            assertThat(again.common()).as(name).isEqualTo(run.common());
            assertThat(run.resolvedYaml()).as("%s: the Fig. 1 tasks run in float64 by default", name)
                    .contains("  precision: float64\n");
        }
    }

    private static ExperimentRunner.PreparedRun<?> resolvedFig1d(RunOverrides overrides) {
        String resolved = preset("fig1d").resolvedYaml();
        assertThat(resolved).contains("  epochs: [1, 5000]\n");
        return new ExperimentRunner(Experiments.standard()).prepare(ConfigDocument.parse(resolved, "config.yaml"), overrides);
    }

    @Test
    void aResolvedFig1dConfigShortenedByEpochsTracesItsNewLastEpoch() {
        var two = resolvedFig1d(new RunOverrides(OptionalInt.empty(), OptionalInt.of(2)));
        assertThat(((TeacherStudentSettings) two.settings()).trace().epochs()).containsExactly(1, 2);
        assertThat(two.resolvedYaml()).contains("  epochs: [1, 2]\n");
        var one = resolvedFig1d(new RunOverrides(OptionalInt.empty(), OptionalInt.of(1)));
        assertThat(((TeacherStudentSettings) one.settings()).trace().epochs()).containsExactly(1);
        var longer = resolvedFig1d(new RunOverrides(OptionalInt.empty(), OptionalInt.of(6000)));
        assertThat(((TeacherStudentSettings) longer.settings()).trace().epochs()).containsExactly(1, 5000);
    }

    @Test
    void setEpochsChangesOnlyEpochsSoTheTraceIsCheckedAgainstIt() {
        assertThatThrownBy(() -> resolvedFig1d(new RunOverrides(OptionalInt.empty(), OptionalInt.empty(),
                List.of(ConfigAssignment.parse("epochs=2"))))).isInstanceOf(InputException.class)
                .hasMessage("trace.epochs[1]: must be between 0 and 2, got 5000");
    }
}
