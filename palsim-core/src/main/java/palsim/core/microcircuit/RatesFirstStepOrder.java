package palsim.core.microcircuit;

/**
 * The step order of microcircuit.md §2.3 (the NumPy reference): rates are taken from the state
 * before the update, then the dendrites integrate them, then the somata and weights move.
 *
 * <ol>
 *   <li>save the last values,
 *   <li>prospective voltages and rates of the state before this step; shift u^old,
 *   <li>refresh the noise (the soma is still driven by the ξ of before the refresh, quirk 3),
 *   <li>apical potentials from this step's rates with B and B^PI of before this step, then the
 *       feedback rule's update of B (BP re-ties B to the W of before this step's update, quirk 8)
 *       and B^PI's,
 *   <li>dendritic potentials of the forward pathway — the first layer sees x(t) without delay,
 *       deeper layers see their input one step late (quirk 1) — then W^IP's and W's updates,
 *   <li>somatic increments, applied,
 *   <li>(recording, outside the step),
 *   <li>high-pass trace, which the B update of the next step uses.
 * </ol>
 *
 * The spec lists the noise refresh after the dendritic potentials and all weight updates after the
 * somatic increments; the order here gives every quantity the same inputs (see
 * {@link MicrocircuitPhases}) and reads each weight matrix once.
 */
public final class RatesFirstStepOrder implements StepOrder {
    /** The configuration name of this order. */
    public static final String CONFIG_NAME = "numpy";

    /** The only instance. */
    public static final RatesFirstStepOrder INSTANCE = new RatesFirstStepOrder();

    private RatesFirstStepOrder() {}

    @Override
    public String name() {
        return "rates_first";
    }

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    /** Runs one step over {@code phases}. */
    public void step(MicrocircuitPhases phases) {
        phases.saveLastValues();
        phases.computeProspectiveRates();
        phases.refreshNoise();
        phases.computeApicalPotentialsAndLearnFeedback();
        phases.computeForwardPotentialsAndLearnForward();
        phases.updateSomaticVoltages();
        phases.updateHighPass();
    }

    @Override
    public String toString() {
        return name();
    }
}
