package palsim.core.microcircuit;

/**
 * The two phases of a {@link SynapsesFirstStepOrder} step, each acting on every layer and every
 * lane at once. The engine has set this step's input and target (the players' new values, which
 * projections see from the next step on) before the order runs.
 */
public interface SynapticPhases {

    /**
     * Every projection, reading the neuron state at the end of the previous step: its weight update
     * (where learning is on), then its contribution through the updated weight to the
     * postsynaptic potential of this step.
     */
    void updateSynapses();

    /**
     * Every neuron from the potentials of {@link #updateSynapses()}: high-pass traces from the last
     * two rates, the noise, then prospective voltage, somatic voltage and rate; then the input and
     * target players take this step's values.
     */
    void updateNeurons();
}
