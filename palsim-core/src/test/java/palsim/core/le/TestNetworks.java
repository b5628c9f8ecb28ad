package palsim.core.le;

import java.util.SplittableRandom;
import palsim.core.feedback.Backprop;
import palsim.core.feedback.DirectFeedbackAlignment;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;

/** Rules, inputs and comparisons shared by the LE tests. */
final class TestNetworks {
    private TestNetworks() {}

    static FeedbackRule bp() {
        return new Backprop();
    }

    static FeedbackRule fa() {
        return new FeedbackAlignment();
    }

    static FeedbackRule dfa() {
        return new DirectFeedbackAlignment();
    }

    /** PAL in LE units (τ_ξ = τ_HP = 1 = 10 steps of dt 0.1), one σ per population, η_B and α per projection. */
    static PhaselessAlignment pal(double[] sigma, double learningRate, double decay) {
        int projections = sigma.length - 1;
        double[] rates = new double[projections];
        double[] decays = new double[projections];
        java.util.Arrays.fill(rates, learningRate);
        java.util.Arrays.fill(decays, decay);
        return new PhaselessAlignment(new ExploratoryNoise(sigma, 1.0, 0.0), 1.0, rates, decays, 0.0);
    }

    static float[] uniform(long seed, int n, double low, double high) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (low + (high - low) * r.nextDouble());
        }
        return x;
    }

    static double[] gaussian(long seed, int n, double std) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box–Muller; plenty for test matrices
            double u = r.nextDouble(), v = r.nextDouble();
            x[i] = std * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
