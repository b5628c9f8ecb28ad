package palsim.core.le;

/** How {@link LeTrainer#evaluate} presents the samples it evaluates. */
public enum EvaluationMode {
    /**
     * As the reference (le-network.md §2.8, §4.2): the network in evaluation mode (weights frozen,
     * output error 0), each batch presented for the trainer's steps per batch, read out after the
     * last step; noise as the spec's {@code noiseDuringEvaluation} says (on for MNIST). The
     * dynamic state carries over from and into training, as in the reference.
     */
    FULL,
    /**
     * One stateless feed-forward pass per batch with noise off (§2.8, pitfall 18): about as many
     * times cheaper as there are steps per batch. Exact (equal to {@link #FULL} after enough steps)
     * for BP, FA and DFA; for PAL it leaves out the exploratory noise, which {@link #FULL} keeps
     * for MNIST, so latents differ by the small noise. The network's state is not touched.
     */
    FEEDFORWARD
}
