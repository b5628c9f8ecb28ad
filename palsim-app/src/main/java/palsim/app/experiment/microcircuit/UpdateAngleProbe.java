package palsim.app.experiment.microcircuit;

import java.util.ArrayList;
import java.util.List;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.core.microcircuit.CircuitState;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.metrics.BackpropUpdateAngle;

/**
 * Records {@code angle_dW_BP} (microcircuit.md §6) of every seed of a group at an epoch end: the
 * seeds' current circuits are evaluated together in the lanes of one evaluation group (one pass
 * through the input, as costly as a training epoch), leaving the training group untouched.
 */
final class UpdateAngleProbe {
    private final BackpropUpdateAngle angle;
    private final MetricsSink metrics;
    private final String rule;

    UpdateAngleProbe(BackpropUpdateAngle angle, MetricsSink metrics, String rule) {
        this.angle = angle;
        this.metrics = metrics;
        this.rule = rule;
    }

    /** Records ∠(ΔW_ℓ, ΔW_ℓ^BP), ℓ = 1…N, of every seed of {@code group} as the value of {@code epoch}. */
    void record(MicrocircuitGroup group, int epoch) {
        List<CircuitState> states = new ArrayList<>(group.seedCount());
        for (int lane = 0; lane < group.seedCount(); lane++) {
            states.add(group.circuitState(lane));
        }
        List<double[]> angles = angle.meanAngles(states);
        for (int lane = 0; lane < angles.size(); lane++) {
            double[] perLayer = angles.get(lane);
            for (int l = 1; l <= perLayer.length; l++) {
                metrics.record(rule, group.seed(lane), epoch, MetricNames.ANGLE_DW_BP, l, perLayer[l - 1]);
            }
        }
    }
}
