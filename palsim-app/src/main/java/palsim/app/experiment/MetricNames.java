package palsim.app.experiment;

/**
 * The metric names palsim writes (docs/metrics.md). Experiments use these constants so that every
 * run directory spells a metric the same way.
 */
public final class MetricNames {
    /** ∠(B_ℓ, W_{ℓ+1}ᵀ) in degrees, per feedback layer ℓ. */
    public static final String ANGLE_B_WT = "angle_B_WT";
    /** ∠(B_ℓ, D_ℓ W_{ℓ+1}ᵀ D_{ℓ+1}) in degrees (microcircuit.md §6), per feedback layer ℓ. */
    public static final String ANGLE_B_RHS = "angle_B_RHS";
    /** ∠(B_ℓ D_{ℓ+1}, D_ℓ W_{ℓ+1}ᵀ) in degrees (microcircuit.md §6), per feedback layer ℓ. */
    public static final String ANGLE_JACOBIANS = "angle_jacobians";
    /** ∠(ΔW_ℓ, ΔW_ℓ^BP) in degrees, the update angle to an ANN trained by BP, per forward layer ℓ. */
    public static final String ANGLE_DW_BP = "angle_dW_BP";
    /** A forward weight (1×1 projections), per forward layer ℓ. */
    public static final String W_FORWARD = "w_forward";
    /** A feedback weight (1×1 projections), per feedback layer ℓ. */
    public static final String B_FEEDBACK = "b_feedback";
    /** Mean squared error, network-wide. */
    public static final String MSE = "mse";
    /** Linear separability of the latent representation (test accuracy of a linear classifier), network-wide. */
    public static final String LIN_SEP = "lin_sep";

    /** Validation accuracy of a classifier (fraction correct), network-wide; epoch 0 is before training. */
    public static final String VAL_ACC = "val_acc";
    /** Test accuracy of a classifier (fraction correct) after the last epoch, network-wide. */
    public static final String TEST_ACC = "test_acc";

    private MetricNames() {}
}
