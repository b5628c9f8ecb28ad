package palsim.core.feedback;

import java.util.Map;

/** Feedback alignment: fixed random feedback weights B that never change (Lillicrap et al. 2016). */
public record FeedbackAlignment() implements FeedbackRule {
    public static final String NAME = "fa";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeedbackPathway pathway() {
        return FeedbackPathway.FEEDBACK_WEIGHTS;
    }

    @Override
    public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
        // B is fixed
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("rule", NAME);
    }
}
