package palsim.core.microcircuit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.CircuitState;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightSnapshot;
import palsim.core.neuron.Activation;

class FeedbackAnglesTest {

    @Test
    void backpropFeedbackHasZeroAngleToTheTransposedForwardWeights() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.bp()), 3);
        group.step(Circuits.allLanes(group, 0.1, 0.2, 0.3, 0.4, 0.5), null);
        FeedbackAngles.LayerAngles angles = FeedbackAngles.of(group, 0);
        assertThat(angles.feedbackToTransposedForward()).hasSize(3);
        for (double a : angles.feedbackToTransposedForward()) {
            assertThat(a).isLessThan(1e-5);
        }
    }

    @Test
    void withLinearUnitsAllThreeAnglesCoincide() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa()).toBuilder().activation(Activation.LINEAR).build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 8);
        group.step(Circuits.allLanes(group, 0.1, 0.2, 0.3, 0.4, 0.5), null);
        FeedbackAngles.LayerAngles angles = FeedbackAngles.of(group, 0);
        for (int l = 0; l < 3; l++) {
            double wt = angles.feedbackToTransposedForward()[l];
            assertThat(wt).isBetween(30.0, 150.0);
            assertThat(angles.feedbackToFixedPoint()[l]).isCloseTo(wt, within(1e-9));
            assertThat(angles.jacobians()[l]).isCloseTo(wt, within(1e-9));
        }
    }

    @Test
    void oppositeSignsInAOneByOneCircuitGiveAStraightAngle() {
        MicrocircuitSpec spec = Circuits.fig1dStudent(Circuits.fa()).toBuilder().selfPredictingStart(false).build();
        CircuitState state = new CircuitState(new double[][] {{0}, {0}}, new double[][] {{0}},
                new WeightSnapshot(new int[] {1, 1, 1}, new double[][] {{1}, {2}}, new double[][] {{1}}, new double[][] {{-0.5}},
                        new double[][] {{0.5}}));
        MicrocircuitGroup group = MicrocircuitGroup.fromStates(spec, new long[] {1}, List.of(state));
        group.setLearning(LearningSwitches.OFF);
        group.step(Circuits.allLanes(group, 0.3), null);
        FeedbackAngles.LayerAngles angles = FeedbackAngles.of(group, 0);
        assertThat(angles.feedbackToTransposedForward()[0]).isCloseTo(180, within(1e-9));
        assertThat(angles.feedbackToFixedPoint()[0]).isCloseTo(180, within(1e-9));
        assertThat(angles.jacobians()[0]).isCloseTo(180, within(1e-9));
    }

    @Test
    void slopesWeightTheFixedPointTargetRowAndColumnWise() {
        // B = I (2×2), W = I: the target D_ℓ Wᵀ D_{ℓ+1} = diag(1·1, 1·0) is orthogonal to diag(0, 1)
        double[] b = {0, 0, 0, 1};
        double[] w = {1, 0, 0, 1};
        assertThat(FeedbackAngles.fixedPointDegrees(b, w, new double[] {1, 1}, new double[] {1, 0}, 2, 2))
                .isCloseTo(90, within(1e-12));
        assertThat(FeedbackAngles.fixedPointDegrees(b, w, new double[] {1, 1}, new double[] {0, 1}, 2, 2))
                .isCloseTo(0, within(1e-6));
        assertThat(FeedbackAngles.jacobianDegrees(new double[] {1, 0, 0, 1}, w, new double[] {1, 0}, new double[] {0, 1}, 2, 2))
                .isCloseTo(90, within(1e-12));
    }

    @Test
    void slopesAreTheActivationDerivativeAtTheAttenuatedBasalPotential() {
        double[] d = FeedbackAngles.slopes(Activation.LOGISTIC, 0.5, new double[] {0, 2});
        assertThat(d[0]).isCloseTo(0.25, within(1e-15));
        double s = 1 / (1 + Math.exp(-1));
        assertThat(d[1]).isCloseTo(s * (1 - s), within(1e-15));
    }
}
