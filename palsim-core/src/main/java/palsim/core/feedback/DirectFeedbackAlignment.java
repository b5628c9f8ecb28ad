package palsim.core.feedback;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Direct feedback alignment (Nøkland 2016): every hidden population receives the output error
 * through its own fixed random matrix D_ℓ (n_ℓ × n_N); there is no layer-to-layer signal
 * (le-network.md §2.3 S4'). Available for LE networks only.
 */
public record DirectFeedbackAlignment() implements FeedbackRule {
    public static final String NAME = "dfa";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeedbackPathway pathway() {
        return FeedbackPathway.DIRECT_FROM_OUTPUT;
    }

    @Override
    public void validateFor(ModelKind model, int[] layers) {
        if (model != ModelKind.LE_NETWORK) {
            throw new IllegalArgumentException(
                    "feedback rule 'dfa' is not available for the " + model.configName() + " model");
        }
    }

    @Override
    public void initialise(FeedbackProjection projection, UniformRandomProvider rng) {
        projection.drawRandomFeedback(rng);
    }

    @Override
    public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
        // D is fixed
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("rule", NAME);
    }
}
