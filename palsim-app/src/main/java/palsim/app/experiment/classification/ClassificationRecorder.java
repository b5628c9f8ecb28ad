package palsim.app.experiment.classification;

import java.util.List;
import java.util.Map;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ProgressReporter;
import palsim.core.metrics.Angles;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.classification.ClassificationObserver;
import palsim.core.microcircuit.classification.StageResult;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * Turns the stage results of one job into metrics: {@code val_acc} per validation stage,
 * {@code test_acc} for the test, and {@code angle_B_WT} per hidden layer from the weights at the
 * start (epoch 0) and at the end of every training epoch; the test decisions are kept for the
 * figures.
 */
final class ClassificationRecorder implements ClassificationObserver {
    /** The test decisions of one circuit and seed. */
    record TestResults(String label, long seed, int[] predictions, int[] labels, int classes) {}

    private final MetricsSink metrics;
    private final String label;
    private final ProgressReporter progress;
    private final Map<String, TestResults> tests;

    ClassificationRecorder(MetricsSink metrics, String label, ProgressReporter progress, Map<String, TestResults> tests) {
        this.metrics = metrics;
        this.label = label;
        this.progress = progress;
        this.tests = tests;
    }

    /** The key of one circuit and seed in the map of test results. */
    static String key(String label, long seed) {
        return label + "#" + seed;
    }

    @Override
    public void stageEnded(MicrocircuitGroup group, List<StageResult> results) {
        for (int k = 0; k < results.size(); k++) {
            StageResult r = results.get(k);
            int epoch = r.stage().epoch();
            switch (r.stage().split()) {
                case VALIDATION -> {
                    metrics.record(label, r.seed(), epoch, MetricNames.VAL_ACC, r.accuracy());
                    if (epoch == 0) {
                        recordAngles(group, k, 0);
                    }
                }
                case TRAINING -> recordAngles(group, k, epoch);
                case TEST -> {
                    metrics.record(label, r.seed(), epoch, MetricNames.TEST_ACC, r.accuracy());
                    tests.put(key(label, r.seed()), new TestResults(label, r.seed(), r.predictions(), r.labels(), r.classes()));
                }
            }
        }
        progress.advance(results.size());
    }

    private void recordAngles(MicrocircuitGroup group, int lane, int epoch) {
        if (group.spec().directFeedback()) {
            return; // B_ℓ has no transpose to align with
        }
        int[] n = group.spec().layers();
        for (int l = 1; l < n.length - 1; l++) {
            double angle = Angles.degreesToTranspose(group.feedbackWeights(lane, l), group.forwardWeights(lane, l + 1), n[l],
                    n[l + 1]);
            metrics.record(label, group.seed(lane), epoch, MetricNames.ANGLE_B_WT, l, angle);
        }
    }

    /** The test decisions of {@code seeds} recorded so far (after the test stage), for a checkpoint. */
    void writeState(StateWriter out, long[] seeds) {
        for (long seed : seeds) {
            TestResults t = tests.get(key(label, seed));
            out.writeBoolean(t != null);
            if (t != null) {
                out.writeLong(seed);
                out.writeInts(t.predictions());
                out.writeInts(t.labels());
                out.writeInt(t.classes());
            }
        }
    }

    /** Continues from {@link #writeState} of the same seeds: puts the saved test decisions back. */
    void readState(StateReader in, long[] seeds) {
        for (long seed : seeds) {
            if (in.readBoolean()) {
                long saved = in.readLong();
                if (saved != seed) {
                    throw new StateMismatchException("classification: test decisions of seed " + saved + ", expected " + seed);
                }
                tests.put(key(label, seed), new TestResults(label, seed, in.readInts(), in.readInts(), in.readInt()));
            }
        }
    }
}
