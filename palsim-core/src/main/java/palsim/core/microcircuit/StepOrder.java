package palsim.core.microcircuit;

/**
 * The order in which one microcircuit step runs its {@link MicrocircuitPhases phases}. The two
 * reference codes describe the same circuit with different orders (spec README, "two step
 * semantics"); each is one implementation of this interface, chosen in the
 * {@link MicrocircuitSpec}. Implementations are stateless.
 */
public interface StepOrder {

    /** A short name for provenance, e.g. {@code rates_first}. */
    String name();

    /** Runs one step. */
    void step(MicrocircuitPhases phases);
}
