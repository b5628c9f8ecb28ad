package palsim.core.feedback;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Backpropagation: the top-down signal travels through the transposed forward weights. In the
 * microcircuit B_ℓ (and B^PI_ℓ = −B_ℓ) is overwritten with W_{ℓ+1}ᵀ at every step, settling
 * included (microcircuit.md §3.4, quirk 8); LE networks read Wᵀ directly.
 */
public record Backprop() implements FeedbackRule {
    public static final String NAME = "bp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeedbackPathway pathway() {
        return FeedbackPathway.TRANSPOSED_FORWARD;
    }

    @Override
    public void initialise(FeedbackProjection projection, UniformRandomProvider rng) {
        projection.setFromForward(ForwardImage.TRANSPOSE);
    }

    @Override
    public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
        projection.setFromForward(ForwardImage.TRANSPOSE);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("rule", NAME);
    }
}
