package palsim.core.microcircuit;

/**
 * How one microcircuit step is carried out, chosen in the {@link MicrocircuitSpec}. The two
 * reference simulators describe the same circuit with different step semantics (spec README, "two
 * step semantics"), each one implementation here:
 * <ul>
 *   <li>{@link RatesFirstStepOrder} ({@code numpy}): rates are taken from the state before the
 *       step, dendrites integrate them, then somata and weights move; the first layer sees the
 *       input without delay;
 *   <li>{@link SynapsesFirstStepOrder} ({@code genn}): every projection first updates its weight
 *       from the previous step's neuron state and transmits through the new weight, then every
 *       neuron updates from what it received: one step of delay per projection.
 * </ul>
 * Both run on the same engine state and kernels; an order is immutable configuration.
 */
public sealed interface StepOrder permits RatesFirstStepOrder, SynapsesFirstStepOrder {

    /** The configuration name: {@code numpy} or {@code genn}. */
    String configName();

    /** A short name for provenance, e.g. {@code rates_first}. */
    String name();
}
