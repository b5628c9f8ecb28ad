package palsim.core.feedback;

/** The two network models palsim simulates; a feedback rule says which of them it can serve. */
public enum ModelKind {
    /** The dendritic cortical microcircuit (microcircuit.md). */
    MICROCIRCUIT("microcircuit"),
    /** Layered leaky-integrator networks with Latent-Equilibrium neurons (le-network.md). */
    LE_NETWORK("le");

    private final String configName;

    ModelKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
