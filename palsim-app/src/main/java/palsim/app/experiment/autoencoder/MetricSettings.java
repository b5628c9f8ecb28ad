package palsim.app.experiment.autoencoder;

import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.app.metrics.LinearSeparability;
import palsim.app.metrics.LinearSeparability.Solver;

/**
 * The {@code metrics} section: how {@code lin_sep} is fitted (le-network.md §4.2; docs/data.md §4)
 * and whether {@code angle_B_WT} is recorded (§4.3).
 *
 * @param solver the linear classifier's solver ({@code liblinear}, default, or the reference's {@code sgd})
 * @param alpha the L2 penalty α (1e-4)
 * @param angles record ∠(B_ℓ, W_{ℓ+1}ᵀ) for rules with feedback matrices (FA, PAL)
 * @param updateAngle record ∠(ΔW_k, ΔW_k^BP) of every rule's hidden forward updates ({@code angle_dW_BP},
 *     {@link palsim.core.le.UpdateAngles}); off by default
 */
public record MetricSettings(Solver solver, double alpha, boolean angles, boolean updateAngle) {

    static MetricSettings parse(ConfigSection metrics) {
        ConfigSection linSep = metrics.sectionOrEmpty("lin_sep");
        Solver solver = linSep.choice("solver", Solver.LIBLINEAR, Solver::configName);
        double alpha = linSep.number("alpha", LinearSeparability.DEFAULT_ALPHA, Bounds.positive());
        boolean angles = metrics.flag("angles", true);
        boolean updateAngle = metrics.flag("update_angle", false);
        return new MetricSettings(solver, alpha, angles, updateAngle);
    }

    /** The metric, its solver seeded with the run seed. */
    public LinearSeparability linearSeparability(long seed) {
        return LinearSeparability.of(solver, alpha, seed);
    }
}
