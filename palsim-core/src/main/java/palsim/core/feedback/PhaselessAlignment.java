package palsim.core.feedback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Phaseless Alignment Learning (Max et al., arXiv 2212.10249): B learns from the correlation of
 * each hidden population's exploratory noise ξ_ℓ with the high-pass-filtered response h_{ℓ+1} of
 * the population above, minus a decay:
 *
 * <pre>
 *   ΔB_ℓ = η_ℓ dt (⟨ξ_ℓ h_{ℓ+1}ᵀ⟩ − α_ℓ B_ℓ)
 * </pre>
 *
 * (microcircuit.md §3.4–3.5, le-network.md §2.7). Its fixed point for linear units is
 * B_ℓ* ∝ (σ²/α) W_{ℓ+1}ᵀ.
 *
 * @param exploratoryNoise the exploratory OU noise
 * @param highPassTau τ_HP of the rate high-pass h ← (1 − dt/τ_HP) h + Δr
 * @param learningRates η_ℓ per feedback projection, index 0 = B_1
 * @param decay α_ℓ per feedback projection, index 0 = B_1
 * @param forwardLowPassTau τ_LO of the low-pass on forward-weight updates; 0 = off
 */
public record PhaselessAlignment(
        ExploratoryNoise exploratoryNoise, double highPassTau, double[] learningRates, double[] decay, double forwardLowPassTau)
        implements FeedbackRule {
    public static final String NAME = "pal";

    public PhaselessAlignment {
        learningRates = learningRates.clone();
        decay = decay.clone();
        requirePositive("tau_high_pass", highPassTau);
        NoiseLearningSettings.requireNonNegative("learning_rates", learningRates);
        NoiseLearningSettings.requireNonNegative("decay", decay);
        if (!(forwardLowPassTau >= 0) || !Double.isFinite(forwardLowPassTau)) {
            throw new IllegalArgumentException("tau_forward_low_pass must be >= 0, got " + forwardLowPassTau);
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
    public void validateFor(ModelKind model, int[] layers) {
        NoiseLearningSettings.validate(model, layers, exploratoryNoise, learningRates, decay);
    }

    @Override
    public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
        if (feedbackLearning) {
            int i = projection.layer() - 1;
            projection.learnFromCorrelation(FeedbackSignal.NOISE, FeedbackSignal.HIGH_PASSED_RATES, learningRates[i] * dt,
                    decay[i]);
        }
    }

    @Override
    public Optional<ExploratoryNoise> noise() {
        return Optional.of(exploratoryNoise);
    }

    @Override
    public double highPassTau() {
        return highPassTau;
    }

    @Override
    public double forwardLowPassTau() {
        return forwardLowPassTau;
    }

    @Override
    public Set<FeedbackSignal> learningSignals() {
        return Set.of(FeedbackSignal.NOISE, FeedbackSignal.HIGH_PASSED_RATES);
    }

    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    @Override
    public double[] decay() {
        return decay.clone();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", NAME);
        d.put("noise_std", exploratoryNoise.std());
        d.put("noise_tau", exploratoryNoise.tau());
        d.put("noise_refresh_interval", exploratoryNoise.refreshInterval());
        d.put("tau_high_pass", highPassTau);
        d.put("learning_rates", learningRates.clone());
        d.put("decay", decay.clone());
        d.put("tau_forward_low_pass", forwardLowPassTau);
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaselessAlignment p && exploratoryNoise.equals(p.exploratoryNoise) && highPassTau == p.highPassTau
                && Arrays.equals(learningRates, p.learningRates) && Arrays.equals(decay, p.decay)
                && forwardLowPassTau == p.forwardLowPassTau;
    }

    @Override
    public int hashCode() {
        return exploratoryNoise.hashCode() * 31 + Arrays.hashCode(learningRates) * 17 + Arrays.hashCode(decay)
                + Double.hashCode(highPassTau) + Double.hashCode(forwardLowPassTau);
    }

    @Override
    public String toString() {
        return "PhaselessAlignment" + describe();
    }

    private static void requirePositive(String key, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(key + " must be > 0, got " + v);
        }
    }
}
