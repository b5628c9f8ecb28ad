package palsim.app.experiment.autoencoder;

import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.core.le.EvaluationMode;

/**
 * The {@code protocol} section: batching, presentation and evaluation (le-network.md §2.8, §2.9,
 * §4.1, §4.2). Batches are always whole (drop_last everywhere, §3.2): 8,000 training digits are
 * 250 batches of 32, 2,000 test digits 62 batches (1,984 digits).
 *
 * @param batchSize N, samples simulated side by side (32)
 * @param stepsPerBatch n_updates, training steps per presented batch (100)
 * @param evaluation how latents and reconstructions are evaluated: {@code full} (the reference's
 *     presentation in evaluation mode) or {@code feedforward} (one stateless pass, noise off)
 * @param evaluationSteps steps per batch of a {@code full} evaluation (the reference: 100; ≥ 2K)
 * @param noiseDuringEvaluation whether PAL's exploratory noise is injected in evaluation
 *     (MNIST reference: yes, pitfall 13)
 * @param validationPasses whether each epoch ends with an evaluation pass over the validation
 *     split, as the reference's training script does (official data only; it records no metric
 *     and only carries the network state forward as the reference's did)
 */
public record ProtocolSettings(int batchSize, int stepsPerBatch, EvaluationMode evaluation, int evaluationSteps,
        boolean noiseDuringEvaluation, boolean validationPasses) {

    static ProtocolSettings parse(ConfigSection protocol, int layers, boolean validationAvailable) {
        int batchSize = protocol.integer("batch_size", 32, Bounds.atLeast(1));
        int stepsPerBatch = protocol.integer("steps_per_batch", 100, Bounds.atLeast(1));
        EvaluationMode evaluation = protocol.choice("evaluation", EvaluationMode.FULL);
        int evaluationSteps = protocol.integer("evaluation_steps", stepsPerBatch, Bounds.atLeast(1));
        if (evaluation == EvaluationMode.FULL && evaluationSteps < 2 * layers) {
            throw protocol.error("evaluation_steps", "must be >= 2K = " + 2 * layers + " for a network of " + layers
                    + " layers (a batch needs K steps to reach the output and the errors of the previous one K more"
                    + " to leave), got " + evaluationSteps);
        }
        boolean noise = protocol.flag("noise_during_evaluation", true);
        boolean validation = protocol.flag("validation_passes", validationAvailable);
        if (validation && !validationAvailable) {
            throw protocol.error("validation_passes", "the bundled digits have no validation split; use false");
        }
        return new ProtocolSettings(batchSize, stepsPerBatch, evaluation, evaluationSteps, noise, validation);
    }
}
