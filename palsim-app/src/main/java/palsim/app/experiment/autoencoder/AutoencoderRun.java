package palsim.app.experiment.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import palsim.app.data.DataSplit;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ProgressReporter;
import palsim.core.le.EpochListener;
import palsim.core.le.EvaluationMode;
import palsim.core.le.LeNetwork;
import palsim.core.le.LeTrainer;
import palsim.core.le.Targets;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;

/**
 * One job of the experiment: the protocol of le-network.md §4.1 for one rule and one seed, on one
 * thread. The network is built from the seed; the listener of {@link LeTrainer#train} runs at
 * epoch 0 (before learning) and after every training epoch:
 *
 * <ol>
 *   <li>a validation pass (official data, {@code full} evaluation, if enabled) — as the reference
 *       it only moves the dynamic state on;
 *   <li>the measurements of {@link CheckpointEvaluator}, recorded as {@code lin_sep}, {@code mse}
 *       and {@code angle_B_WT} (layer ℓ of B_ℓ).
 * </ol>
 *
 * State is never reset; per-epoch shuffles are seeded ({@link LeTrainer}). Same settings and seed
 * ⇒ bit-identical metrics, whatever else runs on other threads.
 */
final class AutoencoderRun {
    private final AutoencoderSettings settings;
    private final RuleSetup rule;
    private final long seed;
    private final int epochs;

    AutoencoderRun(AutoencoderSettings settings, RuleSetup rule, long seed, int epochs) {
        this.settings = settings;
        this.rule = rule;
        this.seed = seed;
        this.epochs = epochs;
    }

    /**
     * Trains and measures; returns the test latents after the last epoch. Keeps its state in
     * {@code checkpoint} after every epoch's measurements (the network, and after the last epoch the
     * test latents too), and continues from the saved state when there is one.
     */
    TestLatents run(DataSplit data, JobCheckpoint checkpoint, ProgressReporter progress) {
        MetricsSink metrics = checkpoint.metrics();
        ProtocolSettings protocol = settings.protocol();
        int latent = settings.network().latentPopulation();
        CheckpointEvaluator evaluator = new CheckpointEvaluator(settings, rule, seed);
        boolean validationPasses = protocol.validationPasses() && protocol.evaluation() == EvaluationMode.FULL
                && data.validation().isPresent();
        List<TestLatents> testLatents = new ArrayList<>();
        try (LeNetwork network = LeNetwork.create(settings.network().spec(rule, protocol), seed)) {
            LeTrainer trainer = new LeTrainer(network, protocol.stepsPerBatch(), seed);
            EpochListener listener = (epoch, t) -> {
                if (validationPasses) {
                    t.evaluate(data.validation().orElseThrow(), Targets.reconstruction(), EvaluationMode.FULL, latent,
                            protocol.evaluationSteps());
                }
                CheckpointEvaluator.Measurement m = evaluator.measure(t, data, epoch);
                record(metrics, epoch, m);
                if (epoch == epochs) {
                    testLatents.add(m.test());
                }
                if (epoch > 0) {
                    progress.advance(1);
                }
                checkpoint.epochEnded(epoch, out -> {
                    out.writeInt(epoch);
                    out.writeBoolean(epoch == epochs);
                    if (epoch == epochs) {
                        out.writeFloats(m.test().codes());
                        out.writeInts(m.test().labels());
                    }
                    network.writeState(out);
                });
            };
            Optional<StateReader> saved = checkpoint.saved();
            if (saved.isPresent()) {
                StateReader in = saved.get();
                int done = in.readInt();
                if (done < 0 || done > epochs) {
                    throw new StateMismatchException("autoencoder: saved at epoch " + done + ", outside 0…" + epochs);
                }
                if (in.readBoolean()) {
                    testLatents.add(new TestLatents(rule.name(), seed, done, in.readFloats(), in.readInts(),
                            settings.network().latentSize()));
                }
                network.readState(in);
                progress.advance(done);
                trainer.resume(data.train(), Targets.reconstruction(), done, epochs, listener);
            } else {
                trainer.train(data.train(), Targets.reconstruction(), epochs, listener);
            }
        }
        return testLatents.getFirst();
    }

    private void record(MetricsSink metrics, int epoch, CheckpointEvaluator.Measurement m) {
        metrics.record(rule.name(), seed, epoch, MetricNames.LIN_SEP, m.linearSeparability());
        metrics.record(rule.name(), seed, epoch, MetricNames.MSE, m.meanSquaredError());
        double[] angles = m.angles();
        for (int layer = 1; layer <= angles.length; layer++) {
            metrics.record(rule.name(), seed, epoch, MetricNames.ANGLE_B_WT, layer, angles[layer - 1]);
        }
        double[] updateAngles = m.updateAngles();
        for (int layer = 1; layer <= updateAngles.length; layer++) {
            metrics.record(rule.name(), seed, epoch, MetricNames.ANGLE_DW_BP, layer, updateAngles[layer - 1]);
        }
    }
}
