package palsim.core.feedback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kolen–Pollack learning (Kolen and Pollack 1994; Akrout et al. 2019): B_ℓ receives the transpose
 * of the update of W_{ℓ+1}, and both decay at the same rate:
 *
 * <pre>
 *   ΔW_{ℓ+1} = η_{ℓ+1} dt (e_{ℓ+1} r_ℓᵀ − λ W_{ℓ+1})
 *   ΔB_ℓ     = η_{ℓ+1} dt (r_ℓ e_{ℓ+1}ᵀ − λ B_ℓ)
 * </pre>
 *
 * so W_{ℓ+1}ᵀ − B_ℓ shrinks by the factor (1 − η dt λ) at every step and B_ℓ → W_{ℓ+1}ᵀ without
 * any weight transport. The update of B uses only the two factors of W's own update, which are
 * present at both ends of the connection. B starts random, like feedback alignment. While W_{ℓ+1}
 * is frozen (no forward learning, e.g. backward-only tasks) neither matrix changes: B keeps its
 * value and the rule acts as feedback alignment.
 *
 * @param decay λ, the decay of W and B per unit of η·dt (≥ 0; 0 keeps the difference B − Wᵀ)
 */
public record KolenPollack(double decay) implements FeedbackRule {
    public static final String NAME = "kolen_pollack";

    public KolenPollack {
        if (!(decay >= 0) || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("decay must be finite and >= 0, got " + decay);
        }
    }

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
        double eta = projection.forwardLearningRate();
        if (eta != 0) {
            // rate 1: the correlation of RATES with FORWARD_UPDATE is ΔW_{ℓ+1}ᵀ itself
            projection.learnFromCorrelation(FeedbackSignal.RATES, FeedbackSignal.FORWARD_UPDATE, 1.0, eta * dt * decay);
        }
    }

    @Override
    public double forwardDecay() {
        return decay;
    }

    @Override
    public Set<FeedbackSignal> learningSignals() {
        return Set.of(FeedbackSignal.RATES, FeedbackSignal.FORWARD_UPDATE);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", NAME);
        d.put("decay", decay);
        return d;
    }
}
