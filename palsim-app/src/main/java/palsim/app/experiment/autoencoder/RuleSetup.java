package palsim.app.experiment.autoencoder;

import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackRuleRegistry;
import palsim.core.feedback.ModelKind;

/**
 * One entry of the {@code rules} section: the feedback rule and the per-layer forward
 * learning-rate factors f_1 … f_K it runs with (η_k = η_0 f_k, le-network.md §2.4, §3.4). The
 * reference swept the factors per rule, so they live in the rule's own section:
 *
 * <pre>
 * rules:
 *   pal:
 *     learning_rate_factors: [1e-2, 1e-2, 1e-2, 1e-3]   # read here
 *     noise: {std: [0.01, 0.01, 0.01, 0], tau: 1.0}     # the rest goes to the rule factory
 *     ...
 * </pre>
 *
 * @param name the rule's config name ({@code bp}, {@code fa}, {@code dfa}, {@code pal})
 * @param rule the rule
 * @param learningRateFactors f_k per layer, index 0 = layer 1 (fc1)
 */
public record RuleSetup(String name, FeedbackRule rule, double[] learningRateFactors) {
    static final String LEARNING_RATE_FACTORS = "learning_rate_factors";

    public RuleSetup {
        learningRateFactors = learningRateFactors.clone();
    }

    /** Reads rule {@code name} of the {@code rules} section for a network of {@code sizes}. */
    static RuleSetup parse(ConfigSection rules, String name, int[] sizes, FeedbackRuleRegistry registry) {
        FeedbackRule rule = rules.createRule(name, registry);
        ConfigSection section = rules.section(name);
        double[] factors = section.numbers(LEARNING_RATE_FACTORS, Bounds.nonNegative());
        int layers = sizes.length - 1;
        if (factors.length != layers) {
            throw section.error(LEARNING_RATE_FACTORS, "has " + factors.length + " entries; the network has " + layers
                    + " layers (one factor per layer fc1 … fc" + layers + ")");
        }
        section.check(() -> rule.validateFor(ModelKind.LE_NETWORK, sizes));
        return new RuleSetup(name, rule, factors);
    }

    /** Whether the rule keeps a feedback matrix B_ℓ of the shape of W_{ℓ+1}ᵀ, so that ∠(B, Wᵀ) means something (FA, PAL). */
    public boolean hasFeedbackMatrices() {
        return rule.pathway() == FeedbackPathway.FEEDBACK_WEIGHTS;
    }

    /** Whether the rule injects exploratory noise (PAL): its steps cost more. */
    public boolean isNoisy() {
        return rule.noise().isPresent();
    }

    @Override
    public double[] learningRateFactors() {
        return learningRateFactors.clone();
    }
}
