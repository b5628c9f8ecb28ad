package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.DirectFeedbackAlignment;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.microcircuit.metrics.FeedbackAngles;

/**
 * Direct feedback alignment in the microcircuit: hidden layer ℓ's apical compartment receives
 * B_ℓ (r_N − r^I_{N−1}) through fixed matrices of shape n_ℓ × n_N.
 */
class DirectFeedbackInMicrocircuitTest {
    private static final MicrocircuitSpec SPEC = Circuits.fig1b(new DirectFeedbackAlignment());

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void apicalPotentialsVanishInTheSelfPredictingStateWithoutATarget() {
        assertThat(SPEC.feedbackRule().pathway()).isEqualTo(FeedbackPathway.DIRECT_FROM_OUTPUT);
        assertThat(SPEC.selfPredictingStart()).isTrue();
        MicrocircuitGroup group = MicrocircuitGroup.create(SPEC, 11, 12);
        double[] x = Circuits.laned(group, Circuits.uniformInputs(4, 2, 5));
        group.step(x, null);
        double first = maxAbs(group.apicalVoltage(0, 1));
        assertThat(first).as("the output is not yet predicted").isGreaterThan(1e-3);
        for (int t = 0; t < 60; t++) {
            group.step(x, null);
        }
        for (int lane = 0; lane < 2; lane++) {
            for (int l = 1; l <= 3; l++) {
                // r^I_{N−1} predicts r_N exactly, so B_ℓ (r_N − r^I_{N−1}) carries no signal
                assertThat(maxAbs(group.apicalVoltage(lane, l))).as("v^api_%d", l).isLessThan(1e-11);
            }
        }
        double[] target = Circuits.laned(group, Circuits.uniformInputs(5, 2, 5));
        for (int t = 0; t < 20; t++) {
            group.step(x, target);
        }
        for (int l = 1; l <= 3; l++) {
            assertThat(maxAbs(group.apicalVoltage(0, l))).as("a target's error reaches v^api_%d", l).isGreaterThan(1e-4);
        }
    }

    @Test
    void directFeedbackMatricesHaveTheOutputsWidthAndNeverChange() {
        MicrocircuitGroup group = MicrocircuitGroup.create(SPEC.toBuilder().interneuronToPyramidLearningRates(0, 0, 0).build(),
                11);
        int[] n = SPEC.layers();
        double[][] before = new double[4][];
        for (int l = 1; l <= 3; l++) {
            before[l] = group.feedbackWeights(0, l);
            assertThat(before[l]).as("B_%d is n_%d × n_N", l, l).hasSize(n[l] * n[4]);
            assertThat(group.interneuronToPyramidWeights(0, l)).as("B^PI = −B in the self-predicting state")
                    .isEqualTo(java.util.Arrays.stream(before[l]).map(v -> -v).toArray());
        }
        group.setLearning(LearningSwitches.ALL);
        double[][] inputs = Circuits.uniformInputs(6, 5, 5);
        double[][] targets = Circuits.uniformInputs(7, 5, 5);
        for (int t = 0; t < 500; t++) {
            group.step(Circuits.laned(group, new double[][] {inputs[t / 100]}), Circuits.laned(group, new double[][] {targets[t / 100]}));
        }
        for (int l = 1; l <= 3; l++) {
            assertThat(group.feedbackWeights(0, l)).as("B_%d", l).isEqualTo(before[l]);
        }
        double[] angles = FeedbackAngles.of(group, 0).feedbackToTransposedForward();
        assertThat(angles[0]).as("D_1 has no forward counterpart").isNaN();
        assertThat(angles[1]).isNaN();
        assertThat(angles[2]).as("for ℓ = N−1 the output is the layer above").isBetween(0.0, 180.0);
        assertThat(group.forwardWeights(0, 1)).as("W learns").isNotEqualTo(MicrocircuitGroup.create(SPEC, 11).forwardWeights(0, 1));
    }
}
