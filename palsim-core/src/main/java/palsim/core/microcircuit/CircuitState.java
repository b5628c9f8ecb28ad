package palsim.core.microcircuit;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.core.feedback.FeedbackProjection;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.feedback.ForwardImage;
import palsim.core.rng.RandomStreams;

/**
 * The somatic voltages and weights of one seed's circuit: what a circuit starts from. {@link #draw}
 * gives the initial state of microcircuit.md §4.1–4.2, shared by the lane engine and the scalar
 * reference so that both start from the same numbers; {@link MicrocircuitGroup#circuitState(int)}
 * captures a running lane (e.g. for the update-angle evaluation). A circuit built from a state sets
 * the auxiliary state as §4.1 does (u^old = u, rates φ(u), h = φ(u), potentials, x_last, ξ, D = 0).
 *
 * <p>Draw order for seed s (quirk 13: voltages and weights come from two identically seeded
 * streams, so they are correlated):
 * <ol>
 *   <li>{@code RandomStreams.seeded(s)}, standard normals: u_1 … u_N, then u^I_1 … u^I_{N−1};
 *   <li>a second {@code RandomStreams.seeded(s)}, uniforms, each matrix row-major: all W_ℓ, all
 *       W^IP_ℓ, all B_ℓ, all B^PI_ℓ, each from its {@link InitialWeightRanges range}. B is drawn for
 *       every feedback rule, so the stream (and hence B^PI) does not depend on the rule — except
 *       under direct feedback (DFA), whose B_ℓ and B^PI_ℓ have n_ℓ × n_N entries;
 *   <li>{@link FeedbackRule#initialise} of every B_ℓ, given the weight stream. In this engine
 *       {@link FeedbackProjection#drawRandomFeedback} <em>keeps the B_ℓ drawn in step 2</em> (its
 *       place in the reference's draw order), so FA and PAL keep it and BP's
 *       {@link FeedbackProjection#setFromForward} replaces it by an image of W_{ℓ+1} (and B^PI_ℓ by −B_ℓ);
 *   <li>if {@link MicrocircuitSpec#selfPredictingStart()}, the self-predicting state (§4.2).
 * </ol>
 *
 * @param somaticVoltages u_ℓ, ℓ = 1…N (index ℓ−1)
 * @param interneuronVoltages u^I_ℓ, ℓ = 1…N−1 (index ℓ−1), n_{ℓ+1} entries each
 * @param weights the weights (for {@link #draw}: after rule initialisation and SPS)
 */
public record CircuitState(double[][] somaticVoltages, double[][] interneuronVoltages, WeightSnapshot weights) {

    public CircuitState {
        somaticVoltages = deepCopy(somaticVoltages);
        interneuronVoltages = deepCopy(interneuronVoltages);
    }

    /** Draws the initial state of seed {@code seed} as described in the class comment. */
    public static CircuitState draw(MicrocircuitSpec spec, long seed) {
        int[] n = spec.layers();
        int layers = spec.pyramidalLayers();

        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(RandomStreams.seeded(seed));
        double[][] u = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            u[l - 1] = normals(gaussian, n[l]);
        }
        double[][] uI = new double[layers - 1][];
        for (int l = 1; l <= layers - 1; l++) {
            uI[l - 1] = normals(gaussian, n[l + 1]);
        }

        UniformRandomProvider weightStream = RandomStreams.seeded(seed);
        InitialWeightRanges r = spec.initialRanges();
        double[][] w = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            w[l - 1] = uniforms(weightStream, r.forward(), n[l] * n[l - 1]);
        }
        double[][] wip = new double[layers - 1][];
        for (int l = 1; l <= layers - 1; l++) {
            wip[l - 1] = uniforms(weightStream, r.pyramidToInterneuron(), n[l + 1] * n[l]);
        }
        double[][] b = new double[layers - 1][];
        for (int l = 1; l <= layers - 1; l++) {
            b[l - 1] = uniforms(weightStream, r.feedback(), n[l] * n[spec.feedbackSource(l)]);
        }
        double[][] bpi = new double[layers - 1][];
        for (int l = 1; l <= layers - 1; l++) {
            bpi[l - 1] = uniforms(weightStream, r.interneuronToPyramid(), n[l] * n[spec.feedbackSource(l)]);
        }
        WeightSnapshot weights = new WeightSnapshot(n, spec.directFeedback(), w, wip, b, bpi);

        FeedbackRule rule = spec.feedbackRule();
        for (int l = 1; l <= layers - 1; l++) {
            rule.initialise(new InitialFeedback(weights, n, l), weightStream);
        }
        if (spec.selfPredictingStart()) {
            weights.imposeSelfPredictingState(spec.conductances());
        }
        return new CircuitState(u, uI, weights);
    }

    /** The same voltages with the self-predicting state imposed on the weights (§4.2). */
    public CircuitState withSelfPredictingState(Conductances g) {
        return new CircuitState(somaticVoltages, interneuronVoltages, weights.withSelfPredictingState(g));
    }

    /** u_ℓ (1-based), a copy. */
    public double[] somaticVoltage(int layer) {
        return somaticVoltages[layer - 1].clone();
    }

    /** u^I_ℓ (1-based), a copy. */
    public double[] interneuronVoltage(int layer) {
        return interneuronVoltages[layer - 1].clone();
    }

    @Override
    public double[][] somaticVoltages() {
        return deepCopy(somaticVoltages);
    }

    @Override
    public double[][] interneuronVoltages() {
        return deepCopy(interneuronVoltages);
    }

    /**
     * Checks that this state fits a circuit of {@code layers}.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    public void requireShape(int[] layers) {
        if (!Arrays.equals(weights.layers(), layers)) {
            throw new IllegalArgumentException("state has layers " + Arrays.toString(weights.layers())
                    + ", the circuit " + Arrays.toString(layers));
        }
        int top = layers.length - 1;
        if (somaticVoltages.length != top || interneuronVoltages.length != top - 1) {
            throw new IllegalArgumentException("state has voltages for " + somaticVoltages.length + " pyramidal and "
                    + interneuronVoltages.length + " interneuron layers; the circuit has " + top + " and " + (top - 1));
        }
        for (int l = 1; l <= top; l++) {
            if (somaticVoltages[l - 1].length != layers[l]) {
                throw new IllegalArgumentException("u_" + l + " has " + somaticVoltages[l - 1].length + " values, layers["
                        + l + "] is " + layers[l]);
            }
        }
        for (int l = 1; l < top; l++) {
            if (interneuronVoltages[l - 1].length != layers[l + 1]) {
                throw new IllegalArgumentException("u^I_" + l + " has " + interneuronVoltages[l - 1].length
                        + " values, layers[" + (l + 1) + "] is " + layers[l + 1]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CircuitState c && Arrays.deepEquals(somaticVoltages, c.somaticVoltages)
                && Arrays.deepEquals(interneuronVoltages, c.interneuronVoltages) && weights.equals(c.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(somaticVoltages) * 31 + weights.hashCode();
    }

    @Override
    public String toString() {
        return "CircuitState[layers=" + Arrays.toString(weights.layers()) + "]";
    }

    double[] somaticVoltageView(int layer) {
        return somaticVoltages[layer - 1];
    }

    double[] interneuronVoltageView(int layer) {
        return interneuronVoltages[layer - 1];
    }

    private static double[] normals(ZigguratSampler.NormalizedGaussian gaussian, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = gaussian.sample();
        }
        return v;
    }

    private static double[] uniforms(UniformRandomProvider rng, WeightRange range, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = range.draw(rng);
        }
        return v;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The feedback projection B_ℓ of a seed's weights while they are being initialised. */
    private record InitialFeedback(WeightSnapshot weights, int[] n, int layer) implements FeedbackProjection {

        /** B_ℓ := the image of W_{ℓ+1} and B^PI_ℓ := −B_ℓ. */
        @Override
        public void setFromForward(ForwardImage image) {
            double[] w = weights.forwardView(layer + 1);
            double[] b = weights.feedbackView(layer);
            double[] bpi = weights.interneuronToPyramidView(layer);
            switch (image) {
                case TRANSPOSE -> RowMajorTies.tieTransposed(w, b, bpi, n[layer], n[layer + 1]);
                case SCALED_SIGN_OF_TRANSPOSE -> RowMajorTies.tieSignTransposed(w, b, bpi, n[layer],
                        n[layer + 1]);
            }
        }

        /** Keeps the B_ℓ drawn at its place in the §4.1 draw order (see the class comment). */
        @Override
        public void drawRandomFeedback(UniformRandomProvider rng) {
            // already drawn
        }

        @Override
        public void learnFromCorrelation(FeedbackSignal below, FeedbackSignal above, double rate, double decay) {
            throw new IllegalStateException("a feedback rule may not learn while the network is initialised");
        }

        /** Nothing learns while the network is initialised. */
        @Override
        public double forwardLearningRate() {
            return 0.0;
        }
    }
}
