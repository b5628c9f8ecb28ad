package palsim.app.experiment;

/**
 * Collects metric values from an experiment's jobs. Thread-safe: jobs running in parallel record into
 * one sink; the output order (docs/metrics.md) does not depend on the order of the calls, so
 * metrics.csv is the same for any thread count.
 *
 * <p>Conventions (docs/metrics.md): {@code epoch} 0 is before learning (after settling where the
 * protocol has one); {@code layer} is the population index ℓ the spec's conventions give (ℓ of B_ℓ
 * for feedback metrics, the population W projects into for forward metrics; the first hidden
 * population is 1); network-wide metrics such as {@code mse} have no layer. Metric names are in
 * {@link MetricNames}.
 */
public interface MetricsSink {

    /** Marks a network-wide metric (no layer); {@code layer} column empty in metrics.csv. */
    int NETWORK = -1;

    /**
     * Records one value.
     *
     * @param rule a rule of the settings' {@link ExperimentSettings#rules()}
     * @param seed a seed of the config's {@code seeds}
     * @param epoch ≥ 0
     * @param metric a name such as {@link MetricNames#ANGLE_B_WT}: letters, digits and underscores
     * @param layer ≥ 0, or {@link #NETWORK}
     * @param value any double; NaN is kept (e.g. an angle to a zero matrix)
     * @throws IllegalArgumentException for an unknown rule or seed, a bad name or index, or a value
     *     already recorded for the same (rule, seed, epoch, metric, layer)
     */
    void record(String rule, long seed, int epoch, String metric, int layer, double value);

    /** Records a network-wide value ({@code layer} = {@link #NETWORK}). */
    default void record(String rule, long seed, int epoch, String metric, double value) {
        record(rule, seed, epoch, metric, NETWORK, value);
    }

    /**
     * What was recorded so far for one rule, metric and layer, as one curve per seed (for plots).
     * Seeds that recorded nothing are left out.
     */
    SeedCurves curves(String rule, String metric, int layer);
}
