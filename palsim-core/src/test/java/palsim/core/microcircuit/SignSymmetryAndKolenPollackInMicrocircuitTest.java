package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.KolenPollack;
import palsim.core.feedback.SignSymmetry;
import palsim.core.metrics.Angles;

/** Sign-symmetry and Kolen–Pollack in the [5-20-10-20-5] microcircuit. */
class SignSymmetryAndKolenPollackInMicrocircuitTest {
    private static final long SEED = 3;

    private static MicrocircuitGroup train(FeedbackRule rule, LearningSwitches learning, int steps) {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(rule), SEED);
        group.setLearning(learning);
        double[][] inputs = Circuits.uniformInputs(7, steps / 100, 5);
        double[][] targets = Circuits.uniformInputs(8, steps / 100, 5);
        for (int t = 0; t < steps; t++) {
            group.step(Circuits.laned(group, new double[][] {inputs[t / 100]}),
                    Circuits.laned(group, new double[][] {targets[t / 100]}));
        }
        return group;
    }

    private static double angle(MicrocircuitGroup group, int l) {
        int[] n = group.spec().layers();
        return Angles.degreesToTranspose(group.feedbackWeights(0, l), group.forwardWeights(0, l + 1), n[l], n[l + 1]);
    }

    @Test
    void signSymmetricFeedbackIsTheMeanMagnitudeTimesTheSignOfTheForwardTranspose() {
        MicrocircuitGroup group = train(new SignSymmetry(), LearningSwitches.ALL, 1000);
        group.setLearning(LearningSwitches.OFF);
        group.step(Circuits.allLanes(group, 0.5, 0.5, 0.5, 0.5, 0.5), null); // B := image of the final W
        int[] n = group.spec().layers();
        for (int l = 1; l <= 3; l++) {
            double[] w = group.forwardWeights(0, l + 1);
            double[] b = group.feedbackWeights(0, l);
            double[] bpi = group.interneuronToPyramidWeights(0, l);
            double mean = 0;
            for (double v : w) {
                mean += Math.abs(v);
            }
            mean /= w.length;
            for (int i = 0; i < n[l]; i++) {
                for (int j = 0; j < n[l + 1]; j++) {
                    double expected = mean * Math.signum(w[j * n[l] + i]);
                    assertThat(b[i * n[l + 1] + j]).as("B_%d[%d,%d]", l, i, j).isEqualTo(expected);
                    assertThat(bpi[i * n[l + 1] + j]).as("B^PI = −B").isEqualTo(-expected);
                }
            }
            assertThat(angle(group, l)).as("sign-symmetric B is aligned with Wᵀ").isLessThan(45);
        }
    }

    @Test
    void kolenPollackDrivesTheFeedbackTowardsTheForwardTranspose() {
        MicrocircuitGroup start = train(new KolenPollack(1.0), LearningSwitches.OFF, 100);
        MicrocircuitGroup trained = train(new KolenPollack(1.0), LearningSwitches.ALL, 3000);
        for (int l = 1; l <= 3; l++) {
            assertThat(angle(start, l)).as("random B_%d", l).isGreaterThan(60);
            // B − Wᵀ shrinks by (1 − dt·η·λ) = 0.99 per step: 0.99³⁰⁰⁰ ≈ 1e-13
            assertThat(angle(trained, l)).as("∠(B_%d, W_%dᵀ)", l, l + 1).isLessThan(0.01);
        }
    }

    @Test
    void kolenPollackLeavesBUnchangedWhileTheForwardWeightsAreFrozen() {
        MicrocircuitGroup untouched = train(new KolenPollack(1.0), LearningSwitches.OFF, 100);
        MicrocircuitGroup backwardOnly = train(new KolenPollack(1.0), LearningSwitches.BACKWARD_ONLY, 500);
        for (int l = 1; l <= 3; l++) {
            assertThat(backwardOnly.feedbackWeights(0, l)).isEqualTo(untouched.feedbackWeights(0, l));
        }
    }
}
