package palsim.core.microcircuit;

/**
 * The step semantics of an event-driven GPU simulator (microcircuit-classification.md §1, §5): in
 * each step every projection first updates its weight from the neuron state at the end of the
 * previous step and transmits through the updated weight, then every neuron updates from what it
 * received. So each projection delays its signal by one step, the learning rules pair a
 * postsynaptic error of the previous step with the presynaptic rate of the step before that, and a
 * rate's high-pass is built from r(n−1) − r(n−2).
 *
 * <ol>
 *   <li>{@link SynapticPhases#updateSynapses()}: forward weights W (through the per-synapse
 *       low-pass with time constant {@link #forwardLowPassTau()}, old filter value applied first),
 *       W^IP and B^PI (filter factor 1: each increment lands one step late), B through the feedback
 *       rule, then the dendritic and apical potentials from the previous step's rates; interneurons
 *       are nudged by the previous prospective voltage of the layer above, outputs by the previous
 *       target rate;
 *   <li>{@link SynapticPhases#updateNeurons()}: high-pass traces, noise, then interneurons,
 *       pyramidal cells and outputs (prospective voltage, somatic Euler step, rate), then the input
 *       and target players.
 * </ol>
 *
 * <p>Neurons are Latent Equilibrium neurons only (taur = 1): their prospective voltage is the
 * steady state of their inputs, computed as V + τ·G·(v_ss − V).
 *
 * @param forwardLowPassTau τ_w of the forward weights' update filter (ms, ≥ dt), for every rule
 * @param staticInterneuronToPyramid whether B^PI stays as built (feedback alignment and other runs
 *     whose B does not learn keep B^PI = −B exactly)
 */
public record SynapsesFirstStepOrder(double forwardLowPassTau, boolean staticInterneuronToPyramid) implements StepOrder {
    /** The configuration name of this order. */
    public static final String CONFIG_NAME = "genn";

    public SynapsesFirstStepOrder {
        if (!(forwardLowPassTau > 0) || !Double.isFinite(forwardLowPassTau)) {
            throw new IllegalArgumentException("tau_forward_low_pass must be finite and > 0 with step_order " + CONFIG_NAME
                    + ", got " + forwardLowPassTau);
        }
    }

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public String name() {
        return "synapses_first";
    }

    /** Runs one step over {@code phases}. */
    public void step(SynapticPhases phases) {
        phases.updateSynapses();
        phases.updateNeurons();
    }

    @Override
    public String toString() {
        return name() + "(tau_forward_low_pass=" + forwardLowPassTau + ", static_interneuron_to_pyramid="
                + staticInterneuronToPyramid + ")";
    }
}
