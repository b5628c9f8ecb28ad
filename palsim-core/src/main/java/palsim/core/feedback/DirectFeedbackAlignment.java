package palsim.core.feedback;

import java.util.Map;

/**
 * Direct feedback alignment (Nøkland 2016): every hidden population receives the output error
 * through its own fixed random matrix D_ℓ (n_ℓ × n_N); there is no layer-to-layer signal. In LE
 * networks e_ℓ = r'_ℓ ⊙ (D_ℓ e_N) (le-network.md §2.3 S4'). In the microcircuit the apical
 * compartment of hidden layer ℓ receives D_ℓ (r_N − r^I_{N−1}) — the output rates minus their
 * prediction by the top interneurons, through B_ℓ = D_ℓ and B^PI_ℓ = −D_ℓ — so that it carries
 * only the output's error, as the layer-to-layer apical potential does.
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
    public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
        // D is fixed
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("rule", NAME);
    }
}
