package palsim.app.experiment.microcircuit;

import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ProgressReporter;
import palsim.app.experiment.SummaryExtras;
import palsim.core.metrics.Angles;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.WeightSnapshot;
import palsim.core.microcircuit.protocol.OutputLoss;
import palsim.core.microcircuit.protocol.RecordPoint;
import palsim.core.microcircuit.protocol.RunObserver;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * The metrics of task {@code fw_bw} for one group of student seeds (microcircuit.md §5.3, §6), at
 * the end of settling (epoch 0) and of every epoch:
 *
 * <ul>
 *   <li>{@code w_forward} (layer ℓ = W_ℓ) and {@code b_feedback} (layer ℓ = B_ℓ) for every
 *       projection that is a single weight (all of them in the [1-1-1] network);
 *   <li>{@code angle_B_WT} = ∠(B_ℓ, W_{ℓ+1}ᵀ) per hidden layer (0° or 180° for 1×1);
 *   <li>{@code mse}: the mean over the epoch's records of ‖ŭ_N − u^tgt‖² ({@link OutputLoss});
 *   <li>optionally {@code angle_dW_BP}.
 * </ul>
 *
 * and, in {@link #finish}, the summary extras {@code sign_flip_epoch} (B_1 against the teacher's
 * W*_2ᵀ, the sign the error must be sent back with) and {@code forward_sign_flip_epoch} (W_1
 * against W*_1); see {@link SignFlips}.
 */
final class TeacherStudentRecorder implements RunObserver {
    static final String SIGN_FLIP_EPOCH = "sign_flip_epoch";
    static final String FORWARD_SIGN_FLIP_EPOCH = "forward_sign_flip_epoch";

    private final MetricsSink metrics;
    private final String rule;
    private final int[] layers;
    private final UpdateAngleProbe updateAngle;
    private final ProgressReporter progress;
    private final OutputLoss loss;
    /** W*_2ᵀ, the shape of B_1. */
    private final double[] teacherFeedbackDirection;
    /** W*_1. */
    private final double[] teacherFirstForward;
    /** [lane][epoch]. */
    private final boolean[][] feedbackAgrees;
    private final boolean[][] forwardAgrees;

    /**
     * @param seedCount seeds in the observed group
     * @param teacher the teacher's weights
     * @param updateAngle null unless {@code angle_dW_BP} is wanted
     */
    TeacherStudentRecorder(MetricsSink metrics, String rule, int[] layers, int epochs, int seedCount, WeightSnapshot teacher,
            UpdateAngleProbe updateAngle, ProgressReporter progress) {
        this.metrics = metrics;
        this.rule = rule;
        this.layers = layers.clone();
        this.updateAngle = updateAngle;
        this.progress = progress;
        this.loss = new OutputLoss(seedCount, layers[layers.length - 1], epochs);
        this.teacherFeedbackDirection = SignFlips.transpose(teacher.forward(2), layers[2], layers[1]);
        this.teacherFirstForward = teacher.forward(1);
        this.feedbackAgrees = new boolean[seedCount][epochs + 1];
        this.forwardAgrees = new boolean[seedCount][epochs + 1];
    }

    @Override
    public void recorded(MicrocircuitGroup group, RecordPoint point) {
        loss.recorded(group, point);
    }

    @Override
    public void epochEnded(MicrocircuitGroup group, int epoch) {
        int top = layers.length - 1;
        for (int lane = 0; lane < group.seedCount(); lane++) {
            long seed = group.seed(lane);
            for (int l = 1; l <= top; l++) {
                if (layers[l] * layers[l - 1] == 1) {
                    metrics.record(rule, seed, epoch, MetricNames.W_FORWARD, l, group.forwardWeights(lane, l)[0]);
                }
            }
            for (int l = 1; l < top; l++) {
                double[] b = group.feedbackWeights(lane, l);
                if (b.length == 1) {
                    metrics.record(rule, seed, epoch, MetricNames.B_FEEDBACK, l, b[0]);
                }
                if (group.spec().feedbackSource(l) == l + 1) { // DFA's direct B below the last hidden layer has no angle
                    double angle = Angles.degreesToTranspose(b, group.forwardWeights(lane, l + 1), layers[l], layers[l + 1]);
                    metrics.record(rule, seed, epoch, MetricNames.ANGLE_B_WT, l, angle);
                }
            }
            feedbackAgrees[lane][epoch] = SignFlips.agrees(group.feedbackWeights(lane, 1), teacherFeedbackDirection);
            forwardAgrees[lane][epoch] = SignFlips.agrees(group.forwardWeights(lane, 1), teacherFirstForward);
        }
        if (updateAngle != null) {
            updateAngle.record(group, epoch);
            progress.advance(group.seedCount());
        }
        if (epoch > 0) {
            progress.advance(group.seedCount());
        }
    }

    /** What the recorder gathered so far (the loss sums, the sign agreements), for a checkpoint. */
    void writeState(StateWriter out) {
        loss.writeState(out);
        for (int lane = 0; lane < feedbackAgrees.length; lane++) {
            out.writeBooleans(feedbackAgrees[lane]);
            out.writeBooleans(forwardAgrees[lane]);
        }
    }

    /** Continues from {@link #writeState}. */
    void readState(StateReader in) {
        loss.readState(in);
        for (int lane = 0; lane < feedbackAgrees.length; lane++) {
            in.readBooleansInto(feedbackAgrees[lane], "sign agreements of B_1");
            in.readBooleansInto(forwardAgrees[lane], "sign agreements of W_1");
        }
    }

    /** The sign-flip epochs of one seed. */
    record Flips(long seed, Integer feedback, Integer forward) {}

    /**
     * After the run: records {@code mse} per epoch and the sign-flip extras of every seed.
     *
     * @return the sign-flip epochs per seed, lane order
     */
    Flips[] finish(MicrocircuitGroup group, SummaryExtras extras) {
        Flips[] flips = new Flips[group.seedCount()];
        for (int lane = 0; lane < group.seedCount(); lane++) {
            long seed = group.seed(lane);
            double[] mse = loss.meanPerEpoch(lane);
            for (int epoch = 0; epoch < mse.length; epoch++) {
                metrics.record(rule, seed, epoch, MetricNames.MSE, mse[epoch]);
            }
            flips[lane] = new Flips(seed, SignFlips.lastingAgreementEpoch(feedbackAgrees[lane]),
                    SignFlips.lastingAgreementEpoch(forwardAgrees[lane]));
            extras.put(SIGN_FLIP_EPOCH, rule, seed, flips[lane].feedback());
            extras.put(FORWARD_SIGN_FLIP_EPOCH, rule, seed, flips[lane].forward());
        }
        return flips;
    }
}
