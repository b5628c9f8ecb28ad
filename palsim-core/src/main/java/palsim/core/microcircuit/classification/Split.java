package palsim.core.microcircuit.classification;

/** The three sample sets of a classification protocol. */
public enum Split {
    TRAINING("train"),
    VALIDATION("validation"),
    TEST("test");

    private final String configName;

    Split(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
