package palsim.core.feedback;

/**
 * Which matrix carries the top-down signal into a population. Engines pick their transport kernel
 * from it once, when a network is built; nothing branches on the rule inside a step.
 */
public enum FeedbackPathway {
    /** The transposed forward weights Wᵀ of the layer above (backpropagation). */
    TRANSPOSED_FORWARD,
    /** Separate feedback weights B from the layer above, fixed or learned (FA, PAL). */
    FEEDBACK_WEIGHTS,
    /** A fixed random matrix straight from the output layer (direct feedback alignment). */
    DIRECT_FROM_OUTPUT
}
