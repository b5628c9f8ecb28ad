package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.core.feedback.DirectFeedbackAlignment;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.WeightMirror;
import palsim.core.feedback.KolenPollack;
import palsim.core.feedback.SignSymmetry;

/**
 * The lane engine against the plain scalar reference over thousands of steps, in every
 * configuration: every rule, with and without target, learning on and off, prospective or not.
 */
class LaneEngineMatchesReferenceTest {
    private static final long SEED = 123;
    private static final int STEPS = 2000;
    private static final int STEPS_PER_SAMPLE = 100;
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> configurations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String rule : new String[] {"bp", "fa", "dfa", "pal", "sign_symmetry", "kolen_pollack", "weight_mirror"}) {
            for (boolean withTarget : new boolean[] {false, true}) {
                for (LearningSwitches learning : new LearningSwitches[] {LearningSwitches.OFF, LearningSwitches.ALL}) {
                    b.add(Arguments.of(rule, withTarget, learning, 1.0));
                }
            }
            b.add(Arguments.of(rule, true, LearningSwitches.ALL, 0.0));
        }
        b.add(Arguments.of("pal", false, LearningSwitches.BACKWARD_ONLY, 1.0));
        b.add(Arguments.of("pal", false, LearningSwitches.BACKWARD_ONLY, 0.0));
        return b.build();
    }

    private static FeedbackRule rule(String name, int hidden) {
        return switch (name) {
            case "bp" -> Circuits.bp();
            case "fa" -> Circuits.fa();
            case "dfa" -> new DirectFeedbackAlignment();
            case "sign_symmetry" -> new SignSymmetry();
            case "kolen_pollack" -> new KolenPollack(0.5);
            case "weight_mirror" -> new WeightMirror(new ExploratoryNoise(new double[] {0.05, 0.05, 0.05}, 0.1, 0.01),
                    new double[] {50, 50, 50}, new double[] {1e-5, 1e-5, 1e-5}, new FeedbackSchedule(1.0, 0.3));
            default -> Circuits.fig1bPal(hidden);
        };
    }

    @ParameterizedTest(name = "{0}, target={1}, {2}, taur={3}")
    @MethodSource("configurations")
    void laneEngineAgreesWithScalarReference(String ruleName, boolean withTarget, LearningSwitches learning, double taur) {
        MicrocircuitSpec spec = Circuits.fig1b(rule(ruleName, 3)).toBuilder()
                .pyramidToInterneuronLearningRates(0.5, 0.5, 0.5)
                .prospectiveFactor(taur)
                .build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, SEED);
        ReferenceMicrocircuit reference = new ReferenceMicrocircuit(spec, SEED);
        group.setLearning(learning);
        reference.setLearning(learning);
        group.observeForwardUpdates(true);
        reference.observeForwardUpdates(true);

        double[][] inputs = Circuits.uniformInputs(7, STEPS / STEPS_PER_SAMPLE, 5);
        double[][] targets = Circuits.uniformInputs(8, STEPS / STEPS_PER_SAMPLE, 5);
        for (int t = 0; t < STEPS; t++) {
            int block = t / STEPS_PER_SAMPLE;
            double[] target = withTarget ? targets[block] : null;
            group.step(Circuits.laned(group, new double[][] {inputs[block]}),
                    target == null ? null : Circuits.laned(group, new double[][] {target}));
            reference.step(inputs[block], target);
        }

        for (int l = 1; l <= 4; l++) {
            assertClose(group.somaticVoltage(0, l), reference.somaticVoltage(l), "u_" + l);
            assertClose(group.prospectiveVoltage(0, l), reference.prospectiveVoltage(l), "ŭ_" + l);
            assertClose(group.basalVoltage(0, l), reference.basalVoltage(l), "v^bas_" + l);
            assertClose(group.forwardWeights(0, l), reference.forwardWeights(l), "W_" + l);
            assertClose(group.forwardUpdate(0, l), reference.forwardUpdate(l), "ΔW_" + l);
            assertClose(group.highPass(0, l), reference.highPass(l), "h_" + l);
        }
        for (int l = 1; l <= 3; l++) {
            assertClose(group.interneuronVoltage(0, l), reference.interneuronVoltage(l), "u^I_" + l);
            assertClose(group.apicalVoltage(0, l), reference.apicalVoltage(l), "v^api_" + l);
            assertClose(group.feedbackWeights(0, l), reference.feedbackWeights(l), "B_" + l);
            assertClose(group.interneuronToPyramidWeights(0, l), reference.interneuronToPyramidWeights(l), "B^PI_" + l);
            assertClose(group.pyramidToInterneuronWeights(0, l), reference.pyramidToInterneuronWeights(l), "W^IP_" + l);
            assertClose(group.noise(0, l), reference.noise(l), "ξ_" + l);
        }
    }

    private static void assertClose(double[] lane, double[] reference, String what) {
        assertThat(Circuits.relativeDistance(lane, reference)).as(what).isLessThan(TOLERANCE);
    }
}
