package palsim.core.feedback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Weight mirrors (Akrout et al. 2019, "Deep learning without weight transport"): in mirror mode,
 * noise ξ_ℓ injected into each hidden population drives the population above through W_{ℓ+1},
 * and B_ℓ learns from the correlation of the noise with that response, minus a decay:
 *
 * <pre>
 *   ΔB_ℓ = η_ℓ dt (⟨ξ_ℓ r_{ℓ+1}ᵀ⟩ − α_ℓ B_ℓ)      during mirror phases only
 * </pre>
 *
 * With linear responses ⟨ξ_ℓ r_{ℓ+1}ᵀ⟩ ∝ W_{ℓ+1}ᵀ, so B_ℓ aligns with W_{ℓ+1}ᵀ. It is the phased
 * counterpart of PAL: it correlates the raw rates, so the noise must dominate their fluctuations,
 * which is what the separate mirror phases are for; PAL's high-pass filter removes the need for
 * them. Mirror phases take the first {@code duration} of every {@code period}; outside them no noise
 * is injected and B does not learn. Forward learning goes on in both phases.
 *
 * @param exploratoryNoise the noise injected in mirror mode
 * @param learningRates η_ℓ per feedback projection, index 0 = B_1
 * @param decay α_ℓ per feedback projection, index 0 = B_1
 * @param mirrorPhases when mirror mode is on
 */
public record WeightMirror(ExploratoryNoise exploratoryNoise, double[] learningRates, double[] decay,
        FeedbackSchedule mirrorPhases) implements FeedbackRule {
    public static final String NAME = "weight_mirror";

    public WeightMirror {
        learningRates = learningRates.clone();
        decay = decay.clone();
        NoiseLearningSettings.requireNonNegative("learning_rates", learningRates);
        NoiseLearningSettings.requireNonNegative("decay", decay);
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
        if (feedbackLearning) { // false outside mirror phases
            int i = projection.layer() - 1;
            projection.learnFromCorrelation(FeedbackSignal.NOISE, FeedbackSignal.RATES, learningRates[i] * dt, decay[i]);
        }
    }

    @Override
    public Optional<ExploratoryNoise> noise() {
        return Optional.of(exploratoryNoise);
    }

    @Override
    public Optional<FeedbackSchedule> schedule() {
        return Optional.of(mirrorPhases);
    }

    @Override
    public Set<FeedbackSignal> learningSignals() {
        return Set.of(FeedbackSignal.NOISE, FeedbackSignal.RATES);
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
        d.put("learning_rates", learningRates.clone());
        d.put("decay", decay.clone());
        d.put("schedule_period", mirrorPhases.period());
        d.put("schedule_duration", mirrorPhases.duration());
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightMirror w && exploratoryNoise.equals(w.exploratoryNoise)
                && Arrays.equals(learningRates, w.learningRates) && Arrays.equals(decay, w.decay)
                && mirrorPhases.equals(w.mirrorPhases);
    }

    @Override
    public int hashCode() {
        return exploratoryNoise.hashCode() * 31 + Arrays.hashCode(learningRates) * 17 + Arrays.hashCode(decay)
                + mirrorPhases.hashCode();
    }

    @Override
    public String toString() {
        return "WeightMirror" + describe();
    }
}
