package palsim.core.feedback;

/**
 * What {@link FeedbackProjection#setFromForward} copies into B_ℓ from the forward weights W_{ℓ+1}
 * of the layer above.
 */
public enum ForwardImage {
    /** B_ℓ = W_{ℓ+1}ᵀ (backpropagation). */
    TRANSPOSE,
    /**
     * B_ℓ = m·sign(W_{ℓ+1}ᵀ) with m the mean |W_{ℓ+1}| over the whole matrix (sign-symmetry); an
     * entry whose W is exactly 0 gets 0.
     */
    SCALED_SIGN_OF_TRANSPOSE
}
