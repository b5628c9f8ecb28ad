package palsim.core.microcircuit;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.feedback.Backprop;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.rng.RandomStreams;

/** Specs and inputs shared by the microcircuit tests (the paper's settings, microcircuit.md §7). */
public final class Circuits {
    private Circuits() {}

    /** PAL as in Fig3abc (Fig. 1b) for a network with {@code hidden} hidden layers. */
    public static PhaselessAlignment fig1bPal(int hidden) {
        return new PhaselessAlignment(new ExploratoryNoise(fill(hidden, 0.05), 0.1, 0.01), 0.1, fill(hidden, 50),
                fill(hidden, 1e-5), 100);
    }

    /** PAL as in Fig4ab (Fig. 1d). */
    public static PhaselessAlignment fig1dPal() {
        return new PhaselessAlignment(new ExploratoryNoise(new double[] {0.01}, 0.1, 0.01), 0.1, new double[] {20},
                new double[] {1e-6}, 100);
    }

    /** The Fig. 1b network [5-20-10-20-5] with W frozen and B^PI learning (η^PI = 5). */
    public static MicrocircuitSpec fig1b(FeedbackRule rule) {
        return MicrocircuitSpec.builder(5, 20, 10, 20, 5)
                .forwardLearningRates(1, 1, 1, 1)
                .pyramidToInterneuronLearningRates(0, 0, 0)
                .interneuronToPyramidLearningRates(5, 5, 5)
                .feedbackRule(rule)
                .build();
    }

    /** The Fig. 1d student [1-1-1]: W, B ~ U[−1, 0]. */
    public static MicrocircuitSpec fig1dStudent(FeedbackRule rule) {
        boolean pal = rule instanceof PhaselessAlignment;
        return MicrocircuitSpec.builder(1, 1, 1)
                .forwardLearningRates(2, 0.5)
                .pyramidToInterneuronLearningRates(10)
                .interneuronToPyramidLearningRates(pal ? 0.5 : 0)
                .feedbackRule(rule)
                .initialRanges(new InitialWeightRanges(WeightRange.of(-1, 0), WeightRange.of(-1, 1), WeightRange.of(-1, 0),
                        WeightRange.of(-1, 1)))
                .build();
    }

    /** B_1 of the Fig. 1d student of {@code seed} as drawn, before any learning. */
    public static double fig1dStudentInitialFeedback(long seed) {
        return CircuitState.draw(fig1dStudent(fa()), seed).weights().feedback(1)[0];
    }

    public static FeedbackRule bp() {
        return new Backprop();
    }

    public static FeedbackRule fa() {
        return new FeedbackAlignment();
    }

    /** A per-lane input array of {@code group} with every lane given {@code values}. */
    public static double[] allLanes(MicrocircuitGroup group, double... values) {
        int lanes = group.width();
        double[] laned = new double[values.length * lanes];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(laned, i * lanes, (i + 1) * lanes, values[i]);
        }
        return laned;
    }

    /** A per-lane array of {@code group} with lane k of element i = perLane[k][i] (other lanes 0). */
    public static double[] laned(MicrocircuitGroup group, double[][] perLane) {
        int lanes = group.width();
        double[] laned = new double[perLane[0].length * lanes];
        for (int k = 0; k < perLane.length; k++) {
            for (int i = 0; i < perLane[k].length; i++) {
                laned[group.index(i, k)] = perLane[k][i];
            }
        }
        return laned;
    }

    /** {@code blocks} input vectors U[0,1]^size from a seeded stream. */
    public static double[][] uniformInputs(long seed, int blocks, int size) {
        UniformRandomProvider rng = RandomStreams.seeded(seed);
        double[][] x = new double[blocks][size];
        for (double[] row : x) {
            for (int i = 0; i < size; i++) {
                row[i] = rng.nextDouble();
            }
        }
        return x;
    }

    public static double[] fill(int count, double value) {
        double[] a = new double[count];
        Arrays.fill(a, value);
        return a;
    }

    /** Largest |a_i − b_i| / max(1, |b_i|). */
    public static double relativeDistance(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
        }
        return worst;
    }
}
