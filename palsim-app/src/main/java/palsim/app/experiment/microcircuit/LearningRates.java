package palsim.app.experiment.microcircuit;

import java.util.Arrays;

/**
 * The circuit's own learning rates (microcircuit.md §3.1–3.3), as the {@code model} section gives
 * them and as a rule's {@code overrides} may replace them. Lists are indexed by ℓ−1.
 *
 * <table>
 *   <caption>Config key / spec symbol → component</caption>
 *   <tr><th>key</th><th>spec</th><th>component</th><th>entries</th></tr>
 *   <tr><td>{@code eta_fw}</td><td>η^fw_ℓ (W_ℓ)</td><td>{@link #forward()}</td><td>N</td></tr>
 *   <tr><td>{@code eta_ip}</td><td>η^IP_ℓ (W^IP_ℓ)</td><td>{@link #pyramidToInterneuron()}</td><td>N−1</td></tr>
 *   <tr><td>{@code eta_pi}</td><td>η^PI_ℓ (B^PI_ℓ)</td><td>{@link #interneuronToPyramid()}</td><td>N−1</td></tr>
 * </table>
 *
 * The feedback rule's own rate (PAL's η^bw) belongs to the rule's section, not here.
 *
 * @param forward η^fw
 * @param pyramidToInterneuron η^IP
 * @param interneuronToPyramid η^PI
 */
public record LearningRates(double[] forward, double[] pyramidToInterneuron, double[] interneuronToPyramid) {
    public static final String ETA_FW = "eta_fw";
    public static final String ETA_IP = "eta_ip";
    public static final String ETA_PI = "eta_pi";

    public LearningRates {
        forward = forward.clone();
        pyramidToInterneuron = pyramidToInterneuron.clone();
        interneuronToPyramid = interneuronToPyramid.clone();
    }

    @Override
    public double[] forward() {
        return forward.clone();
    }

    @Override
    public double[] pyramidToInterneuron() {
        return pyramidToInterneuron.clone();
    }

    @Override
    public double[] interneuronToPyramid() {
        return interneuronToPyramid.clone();
    }

    /** These rates with η^fw replaced. */
    public LearningRates withForward(double[] rates) {
        return new LearningRates(rates, pyramidToInterneuron, interneuronToPyramid);
    }

    /** These rates with η^IP replaced. */
    public LearningRates withPyramidToInterneuron(double[] rates) {
        return new LearningRates(forward, rates, interneuronToPyramid);
    }

    /** These rates with η^PI replaced. */
    public LearningRates withInterneuronToPyramid(double[] rates) {
        return new LearningRates(forward, pyramidToInterneuron, rates);
    }

    /**
     * Checks the list lengths against a network with {@code layers} = [n_0 … n_N].
     *
     * @throws IllegalArgumentException naming the key: {@code eta_pi has 2 entries; the network has 1 hidden layer}
     */
    public void requireFor(int[] layers) {
        int n = layers.length - 1;
        requireLength(ETA_FW, forward.length, n, n == 1 ? "forward projection" : "forward projections");
        requireLength(ETA_IP, pyramidToInterneuron.length, n - 1, n - 1 == 1 ? "hidden layer" : "hidden layers");
        requireLength(ETA_PI, interneuronToPyramid.length, n - 1, n - 1 == 1 ? "hidden layer" : "hidden layers");
    }

    private static void requireLength(String key, int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(key + " has " + actual + " entries; the network has " + expected + " " + what);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningRates r && Arrays.equals(forward, r.forward)
                && Arrays.equals(pyramidToInterneuron, r.pyramidToInterneuron)
                && Arrays.equals(interneuronToPyramid, r.interneuronToPyramid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(forward) * 31 * 31 + Arrays.hashCode(pyramidToInterneuron) * 31
                + Arrays.hashCode(interneuronToPyramid);
    }

    @Override
    public String toString() {
        return "LearningRates[eta_fw=" + Arrays.toString(forward) + ", eta_ip=" + Arrays.toString(pyramidToInterneuron)
                + ", eta_pi=" + Arrays.toString(interneuronToPyramid) + "]";
    }
}
