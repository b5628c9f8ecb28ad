package palsim.core.microcircuit;

import palsim.core.le.Precision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

/** PAL's noise and feedback learning as the lane engine runs them (microcircuit.md §3.4–3.5). */
class PhaselessAlignmentInMicrocircuitTest {
    private static final LearningSwitches FEEDBACK_ONLY = new LearningSwitches(false, false, true);

    private static PhaselessAlignment pal(double sigma, double tauXi, double refresh, double eta, double alpha) {
        return new PhaselessAlignment(new ExploratoryNoise(new double[] {sigma}, tauXi, refresh), 0.1, new double[] {eta},
                new double[] {alpha}, 100);
    }

    @Test
    void ouNoiseHasTheStationaryVarianceAndGeometricAutocorrelationOfItsRecursion() {
        double sigma = 1.0;
        double ratio = 0.1; // dt/τ_ξ
        MicrocircuitSpec spec = MicrocircuitSpec.builder(1, 50, 1).feedbackRule(pal(sigma, 0.1, 0.01, 0, 0)).build();
        long[] seeds = {1, 2, 3, 4, 5, 6, 7, 8};
        int lanes = Math.min(seeds.length, MicrocircuitGroup.lanes(Precision.FLOAT64));
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, Arrays.copyOf(seeds, lanes));
        group.setLearning(FEEDBACK_ONLY);
        double[] x = Circuits.allLanes(group, 0.5);
        for (int t = 0; t < 200; t++) {
            group.step(x, null);
        }
        int steps = 6000;
        int maxLag = 5;
        double[][][] series = new double[lanes][steps][];
        for (int t = 0; t < steps; t++) {
            group.step(x, null);
            for (int k = 0; k < lanes; k++) {
                series[k][t] = group.noise(k, 1);
            }
        }
        double sumSquares = 0;
        double[] lagged = new double[maxLag + 1];
        long count = 0;
        for (int k = 0; k < lanes; k++) {
            for (int t = 0; t + maxLag < steps; t++) {
                for (int i = 0; i < 50; i++) {
                    double v = series[k][t][i];
                    sumSquares += v * v;
                    for (int lag = 1; lag <= maxLag; lag++) {
                        lagged[lag] += v * series[k][t + lag][i];
                    }
                    count++;
                }
            }
        }
        double variance = sumSquares / count;
        assertThat(variance).isCloseTo(sigma * sigma / (2 - ratio), within(0.03 * sigma * sigma / (2 - ratio)));
        for (int lag = 1; lag <= maxLag; lag++) {
            assertThat(lagged[lag] / count / variance).as("lag %d", lag).isCloseTo(Math.pow(1 - ratio, lag), within(0.02));
        }
    }

    @Test
    void noiseStaysZeroAndFeedbackFixedWhileFeedbackLearningIsOff() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fig1bPal(3));
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 4);
        group.setLearning(new LearningSwitches(true, true, false));
        WeightSnapshot before = group.weights(0);
        for (int t = 0; t < 200; t++) {
            group.step(Circuits.allLanes(group, 0.1, 0.2, 0.3, 0.4, 0.5), null);
        }
        for (int l = 1; l <= 3; l++) {
            assertThat(group.noise(0, l)).containsOnly(0.0);
            assertThat(group.feedbackWeights(0, l)).isEqualTo(before.feedback(l));
        }
    }

    @Test
    void aLongerRefreshIntervalHoldsTheNoiseBetweenRefreshes() {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(1, 4, 1).feedbackRule(pal(0.1, 0.1, 0.03, 0, 0)).build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 9);
        group.setLearning(FEEDBACK_ONLY);
        double[] x = Circuits.allLanes(group, 0.5);
        double[][] noise = new double[10][];
        for (int t = 0; t < noise.length; t++) {
            group.step(x, null);
            noise[t] = group.noise(0, 1);
        }
        // refresh every round(0.03/0.01) = 3 steps, counted from the first injecting step
        for (int t = 1; t < noise.length; t++) {
            if (t % 3 == 0) {
                assertThat(noise[t]).as("step %d", t).isNotEqualTo(noise[t - 1]);
            } else {
                assertThat(noise[t]).as("step %d", t).isEqualTo(noise[t - 1]);
            }
        }
    }

    @Test
    void averagePalUpdateOfALinearNetworkPointsAlongTheTransposedForwardWeights() {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(2, 3, 2)
                .activation(Activation.LINEAR)
                .feedbackRule(pal(0.1, 0.1, 0.01, 1e-3, 0))
                .build();
        long[] seeds = {1, 2, 3, 4};
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, seeds);
        group.setLearning(FEEDBACK_ONLY);
        double[][] before = new double[seeds.length][];
        for (int k = 0; k < seeds.length; k++) {
            before[k] = group.feedbackWeights(k, 1);
        }
        double[] x = Circuits.allLanes(group, 0.5, 0.5);
        for (int t = 0; t < 5000; t++) {
            group.step(x, null);
        }
        for (int k = 0; k < seeds.length; k++) {
            double[] b = group.feedbackWeights(k, 1);
            double[] change = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                change[i] = b[i] - before[k][i];
            }
            double[] w = group.forwardWeights(k, 2);
            double[] transposed = new double[w.length];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    transposed[i * 2 + j] = w[j * 3 + i];
                }
            }
            assertThat(Angles.cosine(change, transposed)).as("seed %d", seeds[k]).isGreaterThan(0.9);
        }
    }
}
