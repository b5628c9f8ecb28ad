package palsim.core.microcircuit.protocol;

/**
 * The timing of one run (microcircuit.md §5.1, §7): a settling phase, then {@code epochs} passes
 * through the dataset, with a record every {@code recordInterval} steps. Times in ms; step counts
 * follow from the spec's dt and must come out whole.
 *
 * @param settlingTime settling_time (100 ms in every configuration; 0 = no settling)
 * @param presentationTime Tpres, how long each sample is held
 * @param datasetSize dataset_size, samples per epoch
 * @param epochs training epochs (0 = settling only)
 * @param recordInterval rec_per_steps, steps between records (counted continuously across settling
 *     and training)
 */
public record RunProtocol(double settlingTime, double presentationTime, int datasetSize, int epochs, int recordInterval) {

    public RunProtocol {
        if (!(settlingTime >= 0) || !Double.isFinite(settlingTime)) {
            throw new IllegalArgumentException("settling_time must be finite and >= 0, got " + settlingTime);
        }
        if (!(presentationTime > 0) || !Double.isFinite(presentationTime)) {
            throw new IllegalArgumentException("tpres must be finite and > 0, got " + presentationTime);
        }
        if (datasetSize < 1) {
            throw new IllegalArgumentException("dataset_size must be > 0, got " + datasetSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        if (recordInterval < 1) {
            throw new IllegalArgumentException("rec_per_steps must be > 0, got " + recordInterval);
        }
    }

    /** S = settling_time/dt. */
    public int settlingSteps(double dt) {
        return wholeSteps("settling_time", settlingTime, dt);
    }

    /** K = Tpres/dt. */
    public int stepsPerSample(double dt) {
        int k = wholeSteps("tpres", presentationTime, dt);
        if (k < 1) {
            throw new IllegalArgumentException("tpres must be at least dt = " + dt + ", got " + presentationTime);
        }
        return k;
    }

    /** dataset_size·K. */
    public long stepsPerEpoch(double dt) {
        return (long) datasetSize * stepsPerSample(dt);
    }

    /** Checks that every count is a whole number of steps for this dt. */
    public void validateFor(double dt) {
        settlingSteps(dt);
        stepsPerSample(dt);
    }

    private static int wholeSteps(String field, double time, double dt) {
        double steps = time / dt;
        long rounded = Math.round(steps);
        if (Math.abs(steps - rounded) > 1e-6 * Math.max(1, steps) || rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " = " + time + " is not a whole number of steps of dt = " + dt);
        }
        return (int) rounded;
    }
}
