package palsim.core.microcircuit;

/**
 * Every quantity of a microcircuit's state that a step reads, by population. Together they are
 * the whole dynamic state of one seed ({@link CircuitSnapshot}): a circuit restored from them and
 * fed the same inputs, targets and noise takes the same steps.
 *
 * <p>"Previous" values are those of the step before the last one, kept because the next step's
 * weight updates read them (the prediction errors pair this step's rates with the previous step's
 * potentials and presynaptic rates). Matrices are row-major, post × pre.
 */
public enum CircuitQuantity {
    /** u_ℓ, the somatic voltage of pyramidal layer ℓ = 1…N. */
    SOMATIC_VOLTAGE("u", Population.PYRAMIDAL),
    /** u^old_ℓ, the somatic voltage before the last step's update. */
    PREVIOUS_SOMATIC_VOLTAGE("u_old", Population.PYRAMIDAL),
    /** ŭ_ℓ, the prospective voltage computed in the last step. */
    PROSPECTIVE_VOLTAGE("u_breve", Population.PYRAMIDAL),
    /** r_ℓ = φ_ℓ(ŭ_ℓ) of the last step. */
    RATE("r", Population.PYRAMIDAL),
    /** r_ℓ of the step before. */
    PREVIOUS_RATE("r_prev", Population.PYRAMIDAL),
    /** h_ℓ, the high-pass trace of the rates (rules that keep one). */
    HIGH_PASS("h", Population.PYRAMIDAL),
    /** v^bas_ℓ of the last step. */
    BASAL_POTENTIAL("v_bas", Population.PYRAMIDAL),
    /** v^bas_ℓ of the step before. */
    PREVIOUS_BASAL_POTENTIAL("v_bas_prev", Population.PYRAMIDAL),
    /** u^I_ℓ, the interneurons of hidden layer ℓ (n_{ℓ+1} of them). */
    INTERNEURON_VOLTAGE("uI", Population.INTERNEURON),
    /** u^{I,old}_ℓ. */
    PREVIOUS_INTERNEURON_VOLTAGE("uI_old", Population.INTERNEURON),
    /** ŭ^I_ℓ of the last step. */
    INTERNEURON_PROSPECTIVE_VOLTAGE("uI_breve", Population.INTERNEURON),
    /** r^I_ℓ of the last step. */
    INTERNEURON_RATE("rI", Population.INTERNEURON),
    /** r^I_ℓ of the step before. */
    PREVIOUS_INTERNEURON_RATE("rI_prev", Population.INTERNEURON),
    /** v^den_ℓ, the interneurons' dendritic potential, of the last step. */
    DENDRITIC_POTENTIAL("v_den", Population.INTERNEURON),
    /** v^den_ℓ of the step before. */
    PREVIOUS_DENDRITIC_POTENTIAL("v_den_prev", Population.INTERNEURON),
    /** v^api_ℓ (noise-free) of the last step, hidden layers. */
    APICAL_POTENTIAL("v_api", Population.HIDDEN),
    /** v^api_ℓ of the step before. */
    PREVIOUS_APICAL_POTENTIAL("v_api_prev", Population.HIDDEN),
    /** ξ_ℓ, the exploratory noise after the last refresh (rules that inject noise). */
    NOISE("xi", Population.HIDDEN),
    /** x_last, the input of the last step (layer 1's presynaptic rates for the next update). */
    LAST_INPUT("x_last", Population.INPUT),
    /** The input of the step before the last (synapses-first order: layer 1's learning rule reads it). */
    PREVIOUS_INPUT("x_prev", Population.INPUT),
    /** The target rate of the last step, which nudges the output in the next (synapses-first order). */
    TARGET_RATE("r_tgt", Population.OUTPUT),
    /** W_ℓ, ℓ = 1…N. */
    FORWARD_WEIGHTS("W", Population.FORWARD),
    /** D_ℓ, the low-passed forward update (rules that low-pass forward updates). */
    FORWARD_LOW_PASS("D", Population.FORWARD),
    /** W^IP_ℓ, ℓ = 1…N−1, n_{ℓ+1} × n_ℓ. */
    PYRAMID_TO_INTERNEURON_WEIGHTS("W_IP", Population.PYRAMID_TO_INTERNEURON),
    /** B_ℓ, ℓ = 1…N−1, n_ℓ × n_{ℓ+1}. */
    FEEDBACK_WEIGHTS("B", Population.FEEDBACK),
    /** B^PI_ℓ, n_ℓ × n_{ℓ+1}. */
    INTERNEURON_TO_PYRAMID_WEIGHTS("B_PI", Population.FEEDBACK),
    /** The pending increment of W^IP_ℓ (synapses-first order: applied in the next step). */
    PYRAMID_TO_INTERNEURON_LOW_PASS("D_IP", Population.PYRAMID_TO_INTERNEURON),
    /** The pending increment of B^PI_ℓ (synapses-first order: applied in the next step). */
    INTERNEURON_TO_PYRAMID_LOW_PASS("D_PI", Population.FEEDBACK);

    /** Which layers a quantity exists for and how large it is there. */
    public enum Population {
        /** x: layer 0 only, n_0 values. */
        INPUT,
        /** layer N only, n_N values. */
        OUTPUT,
        /** ℓ = 1…N, n_ℓ values. */
        PYRAMIDAL,
        /** ℓ = 1…N−1, n_ℓ values. */
        HIDDEN,
        /** ℓ = 1…N−1, n_{ℓ+1} values. */
        INTERNEURON,
        /** ℓ = 1…N, n_ℓ × n_{ℓ−1}. */
        FORWARD,
        /** ℓ = 1…N−1, n_{ℓ+1} × n_ℓ. */
        PYRAMID_TO_INTERNEURON,
        /** ℓ = 1…N−1, n_ℓ × n_{ℓ+1}. */
        FEEDBACK
    }

    private final String symbol;
    private final Population population;

    CircuitQuantity(String symbol, Population population) {
        this.symbol = symbol;
        this.population = population;
    }

    /** A short ASCII name, e.g. {@code u_breve}, {@code W_IP}. */
    public String symbol() {
        return symbol;
    }

    public Population population() {
        return population;
    }

    /**
     * The first layer the quantity exists for in a circuit of N = {@code layers.length − 1}
     * pyramidal layers (0 for the input, N for the output only, else 1).
     */
    public int firstLayer(int[] layers) {
        return switch (population) {
            case INPUT -> 0;
            case OUTPUT -> layers.length - 1;
            default -> 1;
        };
    }

    /** The last layer it exists for in a circuit of N = {@code layers.length − 1} pyramidal layers. */
    public int lastLayer(int[] layers) {
        int top = layers.length - 1;
        return switch (population) {
            case INPUT -> 0;
            case OUTPUT, PYRAMIDAL, FORWARD -> top;
            case HIDDEN, INTERNEURON, PYRAMID_TO_INTERNEURON, FEEDBACK -> top - 1;
        };
    }

    /** The number of values at layer {@code layer} of a circuit of sizes {@code n}. */
    public int size(int[] n, int layer) {
        return switch (population) {
            case INPUT, OUTPUT, PYRAMIDAL, HIDDEN -> n[layer];
            case INTERNEURON -> n[layer + 1];
            case FORWARD -> n[layer] * n[layer - 1];
            case PYRAMID_TO_INTERNEURON, FEEDBACK -> n[layer] * n[layer + 1];
        };
    }

    /** Rows × columns at {@code layer}, {columns = 1} for vectors. */
    public int[] shape(int[] n, int layer) {
        return switch (population) {
            case INPUT, OUTPUT, PYRAMIDAL, HIDDEN -> new int[] {n[layer], 1};
            case INTERNEURON -> new int[] {n[layer + 1], 1};
            case FORWARD -> new int[] {n[layer], n[layer - 1]};
            case PYRAMID_TO_INTERNEURON -> new int[] {n[layer + 1], n[layer]};
            case FEEDBACK -> new int[] {n[layer], n[layer + 1]};
        };
    }
}
