package palsim.app.experiment.microcircuit;

import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ProgressReporter;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.metrics.FeedbackAngles;
import palsim.core.microcircuit.protocol.RunObserver;

/**
 * The metrics of task {@code bw_only} for one group of seeds: at the end of settling (epoch 0) and
 * of every epoch, per seed and hidden layer ℓ, {@code angle_B_WT} = ∠(B_ℓ, W_{ℓ+1}ᵀ),
 * {@code angle_B_RHS} = ∠(B_ℓ, D_ℓ W_{ℓ+1}ᵀ D_{ℓ+1}) and {@code angle_jacobians} =
 * ∠(B_ℓ D_{ℓ+1}, D_ℓ W_{ℓ+1}ᵀ) ({@link FeedbackAngles}, microcircuit.md §6), and optionally
 * {@code angle_dW_BP} per forward layer. Layers whose B comes straight from the output (DFA) have
 * no B angles.
 */
final class AlignmentRecorder implements RunObserver {
    private final MetricsSink metrics;
    private final String rule;
    private final UpdateAngleProbe updateAngle;
    private final ProgressReporter progress;

    /**
     * @param updateAngle null unless {@code angle_dW_BP} is wanted
     * @param progress advanced by the group's seed count per training epoch (and per update-angle
     *     evaluation)
     */
    AlignmentRecorder(MetricsSink metrics, String rule, UpdateAngleProbe updateAngle, ProgressReporter progress) {
        this.metrics = metrics;
        this.rule = rule;
        this.updateAngle = updateAngle;
        this.progress = progress;
    }

    @Override
    public void epochEnded(MicrocircuitGroup group, int epoch) {
        for (int lane = 0; lane < group.seedCount(); lane++) {
            long seed = group.seed(lane);
            FeedbackAngles.LayerAngles angles = FeedbackAngles.of(group, lane);
            double[] toTranspose = angles.feedbackToTransposedForward();
            double[] toFixedPoint = angles.feedbackToFixedPoint();
            double[] jacobians = angles.jacobians();
            for (int l = 1; l <= toTranspose.length; l++) {
                if (Double.isNaN(toTranspose[l - 1])) {
                    continue; // DFA's direct feedback into a layer below the last hidden one: no angle
                }
                metrics.record(rule, seed, epoch, MetricNames.ANGLE_B_WT, l, toTranspose[l - 1]);
                metrics.record(rule, seed, epoch, MetricNames.ANGLE_B_RHS, l, toFixedPoint[l - 1]);
                metrics.record(rule, seed, epoch, MetricNames.ANGLE_JACOBIANS, l, jacobians[l - 1]);
            }
        }
        if (updateAngle != null) {
            updateAngle.record(group, epoch);
            progress.advance(group.seedCount());
        }
        if (epoch > 0) {
            progress.advance(group.seedCount());
        }
    }
}
