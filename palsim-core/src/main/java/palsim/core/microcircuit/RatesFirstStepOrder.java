package palsim.core.microcircuit;

/**
 * The step order of microcircuit.md §2.3 (the NumPy reference): rates are taken from the state
 * before the update, then the dendrites integrate them, then the somata and weights move.
 *
 * <ol>
 *   <li>save the last values,
 *   <li>prospective voltages and rates of the state before this step,
 *   <li>shift u^old,
 *   <li>dendritic potentials from this step's rates — the first layer sees x(t) without delay,
 *       deeper layers see their input one step late (quirk 1),
 *   <li>refresh the noise (the soma has already been given the old ξ, quirk 3),
 *   <li>somatic increments,
 *   <li>plasticity signals,
 *   <li>apply voltages, then weights (BP re-ties B to the W of before this update, quirk 8),
 *   <li>(recording, outside the step),
 *   <li>high-pass trace, which the B update of the next step uses.
 * </ol>
 */
public final class RatesFirstStepOrder implements StepOrder {
    /** The only instance. */
    public static final RatesFirstStepOrder INSTANCE = new RatesFirstStepOrder();

    private RatesFirstStepOrder() {}

    @Override
    public String name() {
        return "rates_first";
    }

    @Override
    public void step(MicrocircuitPhases phases) {
        phases.saveLastValues();
        phases.computeProspectiveRates();
        phases.shiftVoltageBuffers();
        phases.computeDendriticPotentials();
        phases.refreshNoise();
        phases.computeSomaticIncrements();
        phases.computePlasticitySignals();
        phases.applyVoltageIncrements();
        phases.applyWeightIncrements();
        phases.updateHighPass();
    }

    @Override
    public String toString() {
        return name();
    }
}
