package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.WeightMirror;

/** Weight mirrors' phases in the microcircuit: noise and learning of B only in mirror mode. */
class WeightMirrorInMicrocircuitTest {

    @Test
    void noiseIsInjectedAndBLearnsOnlyInMirrorPhases() {
        // period 1 ms = 100 steps, mirror mode in the first 0.4 ms = 40 steps of each
        WeightMirror rule = new WeightMirror(new ExploratoryNoise(new double[] {0.05, 0.05, 0.05}, 0.1, 0.01),
                new double[] {50, 50, 50}, new double[] {1e-5, 1e-5, 1e-5}, new FeedbackSchedule(1.0, 0.4));
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(rule), 5, 6);
        group.setLearning(LearningSwitches.BACKWARD_ONLY);
        double[] x = Circuits.laned(group, Circuits.uniformInputs(3, 2, 5));
        double[] b0 = group.feedbackWeights(1, 2);
        for (int t = 0; t < 40; t++) {
            group.step(x, null);
        }
        double[] afterMirror = group.feedbackWeights(1, 2);
        double[] noise = group.noise(1, 2);
        assertThat(afterMirror).as("B learns in mirror mode").isNotEqualTo(b0);
        assertThat(noise).as("noise is drawn in mirror mode").isNotEqualTo(new double[noise.length]);
        for (int t = 40; t < 100; t++) {
            group.step(x, null);
        }
        assertThat(group.feedbackWeights(1, 2)).as("B is fixed between mirror phases").isEqualTo(afterMirror);
        assertThat(group.noise(1, 2)).as("no noise is drawn between mirror phases").isEqualTo(noise);
        group.step(x, null);
        assertThat(group.feedbackWeights(1, 2)).as("the next mirror phase learns again").isNotEqualTo(afterMirror);
    }
}
