package palsim.core;

/**
 * A simulation produced a non-finite value. The command line reports it with exit code 3, naming
 * the step, layer and quantity.
 */
public final class SimulationDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final int layer;
    private final String quantity;

    /**
     * @param step the step (counted from the start of the run) at which the value was found
     * @param layer the layer or population index in the conventions of docs/metrics.md
     * @param quantity what diverged, e.g. {@code "somatic voltage"} or {@code "B"}
     */
    public SimulationDivergedException(long step, int layer, String quantity) {
        super("simulation diverged at step " + step + ": " + quantity + " of layer " + layer + " is not finite");
        this.step = step;
        this.layer = layer;
        this.quantity = quantity;
    }

    public long step() {
        return step;
    }

    public int layer() {
        return layer;
    }

    public String quantity() {
        return quantity;
    }
}
