package palsim.app.experiment.autoencoder;

import palsim.app.data.DataSplit;
import palsim.app.metrics.LinearSeparability;
import palsim.core.SimulationDivergedException;
import palsim.core.data.Dataset;
import palsim.core.le.Evaluation;
import palsim.core.le.LeNetwork;
import palsim.core.le.UpdateAngles;
import palsim.core.le.LeTrainer;
import palsim.core.le.Targets;
import palsim.core.rng.RandomStreams;

/**
 * The measurements at one evaluation point of le-network.md §4.2–§4.3, for one network:
 *
 * <ol>
 *   <li>the training split presented in a seeded shuffled order, whole batches only (drop_last),
 *       each for the evaluation steps in evaluation mode (or one feed-forward pass); the latent =
 *       rates of the latent population after the last step of its batch;
 *   <li>the test set the same way, in file order;
 *   <li>{@code lin_sep}: a linear classifier fitted on the standardised training latents, its
 *       accuracy on the test latents; {@code mse}: mean over test samples and pixels of
 *       (r_K − x)² after the last step;
 *   <li>{@code angle_B_WT} for ℓ = 1 … K−1: ∠(B_ℓ, W_{ℓ+1}ᵀ) (Frobenius cosine, degrees), for
 *       rules with feedback matrices.
 * </ol>
 *
 * The passes run on the live network, so, like the reference's validation passes, they carry its
 * dynamic state forward (harmless: the dynamics are instantaneous; pitfall 22).
 */
final class CheckpointEvaluator {
    /** Seed purpose of the order in which the training split is presented for its latents. */
    static final String LATENT_ORDER_STREAM = "autoencoder-latent-order";

    private final AutoencoderSettings settings;
    private final RuleSetup rule;
    private final long seed;
    private final LinearSeparability linearSeparability;

    CheckpointEvaluator(AutoencoderSettings settings, RuleSetup rule, long seed) {
        this.settings = settings;
        this.rule = rule;
        this.seed = seed;
        this.linearSeparability = settings.metrics().linearSeparability(seed);
    }

    /**
     * What one evaluation point measured.
     *
     * @param linearSeparability {@code lin_sep}
     * @param meanSquaredError {@code mse} on the test set
     * @param angles ∠(B_ℓ, W_{ℓ+1}ᵀ) at index ℓ − 1; empty if not measured
     * @param updateAngles ∠(ΔW_k, ΔW_k^BP) at index k − 1 (hidden projections); empty if not measured
     * @param test the test latents
     */
    record Measurement(double linearSeparability, double meanSquaredError, double[] angles, double[] updateAngles,
            TestLatents test) {}

    Measurement measure(LeTrainer trainer, DataSplit data, int epoch) {
        NetworkSettings network = settings.network();
        ProtocolSettings protocol = settings.protocol();
        int latent = network.latentPopulation();
        Dataset trainSet = data.train();
        Evaluation train = trainer.evaluate(trainSet, latentOrder(trainSet.size(), seed, epoch),
                Targets.reconstruction(), protocol.evaluation(), latent, protocol.evaluationSteps());
        Evaluation test = trainer.evaluate(data.test(), Targets.reconstruction(), protocol.evaluation(), latent,
                protocol.evaluationSteps());
        LeNetwork net = trainer.network();
        requireFinite(train.readout(), net, latent);
        requireFinite(test.readout(), net, latent);
        if (!Double.isFinite(test.meanSquaredError())) {
            throw new SimulationDivergedException(net.stepCount(), network.layers(), "rate");
        }
        double accuracy = linearSeparability.accuracy(train.readout(), train.labels(), test.readout(), test.labels(),
                network.latentSize());
        double[] angles = new double[0];
        if (settings.metrics().angles() && rule.hasFeedbackMatrices()) {
            angles = new double[network.layers() - 1];
            for (int layer = 1; layer < network.layers(); layer++) {
                angles[layer - 1] = net.feedbackAngleDegrees(layer).orElse(Double.NaN);
            }
        }
        double[] updateAngles = new double[0];
        if (settings.metrics().updateAngle()) {
            // on the first test batch; the target of the reconstruction is the input itself
            float[] batch = data.test().features();
            updateAngles = UpdateAngles.degrees(net, batch, 0, batch, 0);
        }
        return new Measurement(accuracy, test.meanSquaredError(), angles, updateAngles,
                new TestLatents(rule.name(), seed, epoch, test.readout(), test.labels(), network.latentSize()));
    }

    /** The order the training split is presented in at {@code epoch}: a seeded Fisher–Yates shuffle. */
    static int[] latentOrder(int size, long seed, int epoch) {
        return RandomStreams.permutation(size, RandomStreams.derived(seed, LATENT_ORDER_STREAM, epoch));
    }

    private static void requireFinite(float[] rates, LeNetwork network, int population) {
        for (float r : rates) {
            if (!Float.isFinite(r)) {
                throw new SimulationDivergedException(network.stepCount(), population, "rate");
            }
        }
    }
}
