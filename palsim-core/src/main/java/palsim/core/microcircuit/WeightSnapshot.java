package palsim.core.microcircuit;

import java.util.Arrays;

/**
 * The four weight groups of one seed's microcircuit, each matrix a flat row-major post × pre array
 * (microcircuit.md §1). Immutable: accessors return copies.
 *
 * <table>
 *   <caption>Spec symbol → accessor (ℓ is 1-based)</caption>
 *   <tr><th>spec</th><th>shape</th><th>accessor</th></tr>
 *   <tr><td>W_ℓ, ℓ = 1…N</td><td>n_ℓ × n_{ℓ−1}</td><td>{@link #forward(int)}</td></tr>
 *   <tr><td>W^IP_ℓ, ℓ = 1…N−1</td><td>n_{ℓ+1} × n_ℓ</td><td>{@link #pyramidToInterneuron(int)}</td></tr>
 *   <tr><td>B_ℓ, ℓ = 1…N−1</td><td>n_ℓ × n_{ℓ+1} (direct feedback: n_ℓ × n_N)</td><td>{@link #feedback(int)}</td></tr>
 *   <tr><td>B^PI_ℓ, ℓ = 1…N−1</td><td>the shape of B_ℓ</td><td>{@link #interneuronToPyramid(int)}</td></tr>
 * </table>
 *
 * <p>With direct feedback (DFA, {@link MicrocircuitSpec#directFeedback()}) B_ℓ and B^PI_ℓ connect
 * the output population and the top interneurons to hidden layer ℓ.
 */
public final class WeightSnapshot {
    private final int[] layers;
    private final boolean directFeedback;
    private final double[][] forward;
    private final double[][] pyramidToInterneuron;
    private final double[][] feedback;
    private final double[][] interneuronToPyramid;

    /**
     * @param layers [n_0 … n_N]
     * @param forward W_1 … W_N
     * @param pyramidToInterneuron W^IP_1 … W^IP_{N−1}
     * @param feedback B_1 … B_{N−1}
     * @param interneuronToPyramid B^PI_1 … B^PI_{N−1}
     * @throws IllegalArgumentException if a matrix has the wrong size
     */
    public WeightSnapshot(int[] layers, double[][] forward, double[][] pyramidToInterneuron, double[][] feedback,
            double[][] interneuronToPyramid) {
        this(layers, false, forward, pyramidToInterneuron, feedback, interneuronToPyramid);
    }

    /**
     * @param directFeedback whether B_ℓ and B^PI_ℓ come from the output (n_ℓ × n_N, DFA)
     * @throws IllegalArgumentException if a matrix has the wrong size
     */
    public WeightSnapshot(int[] layers, boolean directFeedback, double[][] forward, double[][] pyramidToInterneuron,
            double[][] feedback, double[][] interneuronToPyramid) {
        this.layers = layers.clone();
        this.directFeedback = directFeedback;
        int n = layers.length - 1;
        this.forward = copyChecked("W", forward, n, 1, l -> layers[l] * layers[l - 1]);
        this.pyramidToInterneuron = copyChecked("W_IP", pyramidToInterneuron, n - 1, 1, l -> layers[l + 1] * layers[l]);
        this.feedback = copyChecked("B", feedback, n - 1, 1, l -> layers[l] * feedbackColumns(l));
        this.interneuronToPyramid = copyChecked("B_PI", interneuronToPyramid, n - 1, 1, l -> layers[l] * feedbackColumns(l));
    }

    /** Whether B_ℓ and B^PI_ℓ come from the output population and the top interneurons (DFA). */
    public boolean directFeedback() {
        return directFeedback;
    }

    /** The number of columns of B_ℓ and B^PI_ℓ: n_{ℓ+1}, or n_N with direct feedback. */
    public int feedbackColumns(int layer) {
        return layers[directFeedback ? layers.length - 1 : layer + 1];
    }

    /** [n_0 … n_N]. */
    public int[] layers() {
        return layers.clone();
    }

    /** W_ℓ (ℓ = 1…N), n_ℓ × n_{ℓ−1}. */
    public double[] forward(int layer) {
        return forward[layer - 1].clone();
    }

    /** W^IP_ℓ (ℓ = 1…N−1), n_{ℓ+1} × n_ℓ. */
    public double[] pyramidToInterneuron(int layer) {
        return pyramidToInterneuron[layer - 1].clone();
    }

    /** B_ℓ (ℓ = 1…N−1), n_ℓ × {@link #feedbackColumns(int)}. */
    public double[] feedback(int layer) {
        return feedback[layer - 1].clone();
    }

    /** B^PI_ℓ (ℓ = 1…N−1), the shape of B_ℓ. */
    public double[] interneuronToPyramid(int layer) {
        return interneuronToPyramid[layer - 1].clone();
    }

    /**
     * These weights with the self-predicting state imposed (microcircuit.md §4.2):
     *
     * <pre>
     *   B^PI_ℓ := −B_ℓ                                              ℓ = 1…N−1
     *   W^IP_ℓ := g_bas(g_l+g_den) / (g_den·G_P) · W_{ℓ+1}          ℓ = 1…N−2
     *   W^IP_{N−1} := g_bas(g_l+g_den) / (g_den(g_l+g_bas)) · W_N
     * </pre>
     *
     * With them a_d·v^den_ℓ equals the attenuated basal prediction of the layer above, so in the
     * absence of a target and noise the apical potential vanishes at steady state.
     */
    public WeightSnapshot withSelfPredictingState(Conductances g) {
        WeightSnapshot s = new WeightSnapshot(layers, directFeedback, forward, pyramidToInterneuron, feedback,
                interneuronToPyramid);
        s.imposeSelfPredictingState(g);
        return s;
    }

    /** Factor c_ℓ of W^IP_ℓ = c_ℓ W_{ℓ+1} in the self-predicting state (§4.2). */
    public static double selfPredictingFactor(Conductances g, int layer, int pyramidalLayers) {
        double common = g.basal() * (g.leak() + g.dendrite()) / g.dendrite();
        return layer == pyramidalLayers - 1 ? common / (g.leak() + g.basal()) : common / g.hiddenTotal();
    }

    /** In place; only for snapshots not yet handed out. */
    void imposeSelfPredictingState(Conductances g) {
        int n = layers.length - 1;
        for (int l = 1; l <= n - 1; l++) {
            double[] b = feedback[l - 1];
            double[] bpi = interneuronToPyramid[l - 1];
            for (int k = 0; k < b.length; k++) {
                bpi[k] = -b[k];
            }
            double c = selfPredictingFactor(g, l, n);
            double[] w = forward[l];
            double[] wip = pyramidToInterneuron[l - 1];
            for (int k = 0; k < w.length; k++) {
                wip[k] = c * w[k];
            }
        }
    }

    double[] forwardView(int layer) {
        return forward[layer - 1];
    }

    double[] pyramidToInterneuronView(int layer) {
        return pyramidToInterneuron[layer - 1];
    }

    double[] feedbackView(int layer) {
        return feedback[layer - 1];
    }

    double[] interneuronToPyramidView(int layer) {
        return interneuronToPyramid[layer - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSnapshot s && Arrays.equals(layers, s.layers) && directFeedback == s.directFeedback
                && Arrays.deepEquals(forward, s.forward)
                && Arrays.deepEquals(pyramidToInterneuron, s.pyramidToInterneuron) && Arrays.deepEquals(feedback, s.feedback)
                && Arrays.deepEquals(interneuronToPyramid, s.interneuronToPyramid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layers) * 31 + Arrays.deepHashCode(forward) * 17 + Arrays.deepHashCode(feedback);
    }

    private interface Size {
        int of(int layer);
    }

    private static double[][] copyChecked(String name, double[][] matrices, int count, int first, Size size) {
        if (matrices == null || matrices.length != count) {
            throw new IllegalArgumentException(name + " must hold " + count + " matrices, got "
                    + (matrices == null ? "none" : matrices.length));
        }
        double[][] copy = new double[count][];
        for (int i = 0; i < count; i++) {
            int expected = size.of(i + first);
            if (matrices[i] == null || matrices[i].length != expected) {
                throw new IllegalArgumentException(name + "_" + (i + first) + " must hold " + expected + " values, got "
                        + (matrices[i] == null ? "none" : matrices[i].length));
            }
            copy[i] = matrices[i].clone();
        }
        return copy;
    }
}
