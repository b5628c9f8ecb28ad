package palsim.core.feedback;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sign-symmetry (Liao, Leibo and Poggio 2016; Xiao et al. 2018): B_ℓ carries only the signs of
 * W_{ℓ+1}ᵀ, scaled by the mean magnitude m_{ℓ+1} of W_{ℓ+1} so that the feedback has the forward
 * weights' size:
 *
 * <pre>
 *   B_ℓ = m_{ℓ+1} sign(W_{ℓ+1}ᵀ),   m_{ℓ+1} = mean |W_{ℓ+1}|
 * </pre>
 *
 * refreshed at every step, like backpropagation's tie (the microcircuit also sets B^PI_ℓ = −B_ℓ).
 * It transports one bit per synapse plus one number per layer.
 */
public record SignSymmetry() implements FeedbackRule {
    public static final String NAME = "sign_symmetry";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeedbackPathway pathway() {
        return FeedbackPathway.FEEDBACK_WEIGHTS;
    }

    @Override
    public void initialise(FeedbackProjection projection, UniformRandomProvider rng) {
        projection.setFromForward(ForwardImage.SCALED_SIGN_OF_TRANSPOSE);
    }

    @Override
    public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
        projection.setFromForward(ForwardImage.SCALED_SIGN_OF_TRANSPOSE);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("rule", NAME);
    }
}
