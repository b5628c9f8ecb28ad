package palsim.core.le;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.RuleTimeConstants;
import palsim.core.feedback.ModelKind;
import palsim.core.neuron.Activation;

/**
 * What an LE layered network is (le-network.md §1–§3): population sizes, activations, feedback
 * rule, error variant, target, time constants, learning rates, initialisation, batch size and
 * precision. Immutable and validated; build one with {@link #builder(int...)}, whose defaults are
 * the MNIST autoencoder's (§2.6, §2.9, §3.1, §3.3).
 *
 * <table class="striped">
 *   <caption>Spec symbol → component</caption>
 *   <tr><th>symbol</th><th>component</th><th>default</th></tr>
 *   <tr><td>n_0 … n_K</td><td>{@link #sizes}</td><td>—</td></tr>
 *   <tr><td>φ_1 … φ_K</td><td>{@link #activations}</td><td>—</td></tr>
 *   <tr><td>β (output nudging)</td><td>{@link #beta}</td><td>0.1</td></tr>
 *   <tr><td>dt</td><td>{@link #dt}</td><td>0.1</td></tr>
 *   <tr><td>τ (membrane)</td><td>{@link #tau}</td><td>10</td></tr>
 *   <tr><td>η_0</td><td>{@link #baseLearningRate}</td><td>0.8 = {@link #referenceLearningRate referenceLearningRate(64, 100, 0.1)}</td></tr>
 *   <tr><td>f_k (η_k = η_0 f_k)</td><td>{@link #learningRateFactors}</td><td>1 for every layer</td></tr>
 *   <tr><td>std of the N(0, σ²) initialisation of W, b, B, D</td><td>{@link #initialWeightStd}</td><td>0.05</td></tr>
 *   <tr><td>N</td><td>{@link #batchSize}</td><td>32</td></tr>
 * </table>
 *
 * @param sizes population sizes n_0 (input) … n_K (output), K ≥ 1
 * @param activations φ_k of populations 1 … K (index 0 = population 1)
 * @param feedbackRule how errors travel down and feedback weights learn
 * @param errorVariant Variant A ({@link ErrorVariant#ERROR_INJECTION}, default) or B
 * @param targetType how the output error is formed
 * @param beta β, the scale of the output error
 * @param dt the Euler time step
 * @param tau τ, the membrane time constant (only matters with {@code integrateMembranePotential})
 * @param baseLearningRate η_0
 * @param learningRateFactors f_k per layer (index 0 = layer 1 = W_1); biases use the same η_k
 * @param initialWeightStd standard deviation of the initial weights, biases and feedback weights
 * @param batchSize N, samples simulated side by side
 * @param precision float32 (default) or float64
 * @param noiseDuringEvaluation whether exploratory noise is injected in evaluation mode (MNIST: yes,
 *     the default; CIFAR: no — the noise process keeps running but is not added)
 * @param integrateMembranePotential integrate u_k explicitly and read ŭ_k = u_k + τ du_k/dt
 *     (bit-level fidelity to the reference) instead of the exact cancellation ŭ_k = a_k + e_k + ξ_k
 *     (default; §2.2 and pitfall 5: the two differ by rounding only)
 */
public record LeNetworkSpec(int[] sizes, Activation[] activations, FeedbackRule feedbackRule,
        ErrorVariant errorVariant, TargetType targetType, double beta, double dt, double tau,
        double baseLearningRate, double[] learningRateFactors, double initialWeightStd, int batchSize,
        Precision precision, boolean noiseDuringEvaluation, boolean integrateMembranePotential) {

    public LeNetworkSpec {
        requireSet("layers", sizes);
        requireSet("activations", activations);
        requireSet("feedback_rule", feedbackRule);
        requireSet("error_variant", errorVariant);
        requireSet("target_type", targetType);
        requireSet("learning_rate_factors", learningRateFactors);
        requireSet("precision", precision);
        sizes = sizes.clone();
        activations = activations.clone();
        learningRateFactors = learningRateFactors.clone();
        if (sizes.length < 2) {
            throw new IllegalArgumentException("layers: need at least an input and an output population, got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layers: every population needs at least one neuron, got "
                        + Arrays.toString(sizes));
            }
        }
        int layers = sizes.length - 1;
        if (activations.length != layers) {
            throw new IllegalArgumentException("activations has " + activations.length + " entries; the network has "
                    + layers + " layers");
        }
        for (Activation a : activations) {
            requireSet("activations", a);
        }
        if (learningRateFactors.length != layers) {
            throw new IllegalArgumentException("learning_rate_factors has " + learningRateFactors.length
                    + " entries; the network has " + layers + " layers");
        }
        for (double f : learningRateFactors) {
            requireFinite("learning_rate_factors", f);
        }
        requireFinite("beta", beta);
        requirePositive("dt", dt);
        requirePositive("tau", tau);
        requireFinite("learning_rate", baseLearningRate);
        requirePositive("init_std", initialWeightStd);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
        if (integrateMembranePotential && dt > tau) {
            throw new IllegalArgumentException("dt (" + dt + ") must not exceed tau (" + tau + ")");
        }
        feedbackRule.validateFor(ModelKind.LE_NETWORK, sizes);
        feedbackRule.noise().ifPresent(noise -> {
            if (noise.refreshSteps(dt) != 1) {
                throw new IllegalArgumentException(
                        "noise.refresh_interval: LE networks refresh the noise every step; use 0");
            }
        });
        RuleTimeConstants.requireResolvedBy(feedbackRule, dt);
    }

    /**
     * η_0 = 0.125·M / n_steps / dt (le-network.md §2.4); the reference's M = 64, n_steps = 100 and
     * dt = 0.1 give 0.8.
     *
     * @param batchLearningMultiplier M
     * @param stepsPerBatch n_steps (n_updates)
     * @param dt the time step
     */
    public static double referenceLearningRate(double batchLearningMultiplier, int stepsPerBatch, double dt) {
        if (stepsPerBatch < 1) {
            throw new IllegalArgumentException("steps_per_batch must be >= 1, got " + stepsPerBatch);
        }
        requirePositive("dt", dt);
        return 0.125 * batchLearningMultiplier / (stepsPerBatch * dt);
    }

    /** K, the number of layers (weight matrices). */
    public int layers() {
        return sizes.length - 1;
    }

    /** n_k. */
    public int size(int population) {
        return sizes[population];
    }

    /** η_k = η_0 f_k of layer k (1-based). */
    public double learningRate(int layer) {
        return baseLearningRate * learningRateFactors[layer - 1];
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public Activation[] activations() {
        return activations.clone();
    }

    @Override
    public double[] learningRateFactors() {
        return learningRateFactors.clone();
    }

    /** A builder for a network of these population sizes (n_0 = input … n_K = output). */
    public static Builder builder(int... sizes) {
        return new Builder(sizes);
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder(sizes).activations(activations).feedbackRule(feedbackRule).errorVariant(errorVariant)
                .targetType(targetType).beta(beta).dt(dt).tau(tau).baseLearningRate(baseLearningRate)
                .learningRateFactors(learningRateFactors).initialWeightStd(initialWeightStd).batchSize(batchSize)
                .precision(precision).noiseDuringEvaluation(noiseDuringEvaluation)
                .integrateMembranePotential(integrateMembranePotential);
    }

    /** The settings by configuration name, for provenance. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("layers", sizes.clone());
        d.put("activations", Arrays.stream(activations).map(Activation::configName).toArray(String[]::new));
        d.put("feedback_rule", feedbackRule.describe());
        d.put("error_variant", errorVariant.configName());
        d.put("target_type", targetType.configName());
        d.put("beta", beta);
        d.put("dt", dt);
        d.put("tau", tau);
        d.put("learning_rate", baseLearningRate);
        d.put("learning_rate_factors", learningRateFactors.clone());
        d.put("init_std", initialWeightStd);
        d.put("batch_size", batchSize);
        d.put("precision", precision.configName());
        d.put("noise_during_evaluation", noiseDuringEvaluation);
        d.put("integrate_membrane_potential", integrateMembranePotential);
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeNetworkSpec s && Arrays.equals(sizes, s.sizes) && Arrays.equals(activations, s.activations)
                && feedbackRule.equals(s.feedbackRule) && errorVariant == s.errorVariant && targetType == s.targetType
                && Double.compare(beta, s.beta) == 0 && Double.compare(dt, s.dt) == 0
                && Double.compare(tau, s.tau) == 0 && Double.compare(baseLearningRate, s.baseLearningRate) == 0
                && Arrays.equals(learningRateFactors, s.learningRateFactors)
                && Double.compare(initialWeightStd, s.initialWeightStd) == 0 && batchSize == s.batchSize
                && precision == s.precision && noiseDuringEvaluation == s.noiseDuringEvaluation
                && integrateMembranePotential == s.integrateMembranePotential;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sizes), Arrays.hashCode(activations), feedbackRule, errorVariant,
                targetType, beta, dt, tau, baseLearningRate, Arrays.hashCode(learningRateFactors), initialWeightStd,
                batchSize, precision, noiseDuringEvaluation, integrateMembranePotential);
    }

    @Override
    public String toString() {
        return "LeNetworkSpec" + describe();
    }

    private static void requireSet(String key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " must be set");
        }
    }

    private static void requireFinite(String key, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(key + " must be finite, got " + v);
        }
    }

    private static void requirePositive(String key, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(key + " must be > 0, got " + v);
        }
    }

    /** Collects the settings of an {@link LeNetworkSpec}; {@link #build()} validates them. */
    public static final class Builder {
        private final int[] sizes;
        private Activation[] activations;
        private FeedbackRule feedbackRule;
        private ErrorVariant errorVariant = ErrorVariant.ERROR_INJECTION;
        private TargetType targetType = TargetType.RATE;
        private double beta = 0.1;
        private double dt = 0.1;
        private double tau = 10.0;
        private double baseLearningRate = referenceLearningRate(64, 100, 0.1);
        private double[] learningRateFactors;
        private double initialWeightStd = 0.05;
        private int batchSize = 32;
        private Precision precision = Precision.FLOAT32;
        private boolean noiseDuringEvaluation = true;
        private boolean integrateMembranePotential;

        private Builder(int[] sizes) {
            this.sizes = sizes == null ? null : sizes.clone();
        }

        /** φ_k for populations 1 … K. */
        public Builder activations(Activation... activations) {
            this.activations = activations.clone();
            return this;
        }

        public Builder feedbackRule(FeedbackRule rule) {
            this.feedbackRule = rule;
            return this;
        }

        public Builder errorVariant(ErrorVariant variant) {
            this.errorVariant = variant;
            return this;
        }

        public Builder targetType(TargetType type) {
            this.targetType = type;
            return this;
        }

        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        public Builder dt(double dt) {
            this.dt = dt;
            return this;
        }

        public Builder tau(double tau) {
            this.tau = tau;
            return this;
        }

        /** η_0. */
        public Builder baseLearningRate(double rate) {
            this.baseLearningRate = rate;
            return this;
        }

        /** f_k for layers 1 … K. */
        public Builder learningRateFactors(double... factors) {
            this.learningRateFactors = factors.clone();
            return this;
        }

        public Builder initialWeightStd(double std) {
            this.initialWeightStd = std;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder precision(Precision precision) {
            this.precision = precision;
            return this;
        }

        public Builder noiseDuringEvaluation(boolean on) {
            this.noiseDuringEvaluation = on;
            return this;
        }

        public Builder integrateMembranePotential(boolean on) {
            this.integrateMembranePotential = on;
            return this;
        }

        /**
         * The validated spec. Unset activations and learning-rate factors default to tanh and 1 for
         * every layer.
         *
         * @throws IllegalArgumentException naming the first bad setting
         */
        public LeNetworkSpec build() {
            int layers = sizes == null ? 0 : Math.max(sizes.length - 1, 0);
            Activation[] a = activations;
            if (a == null) {
                a = new Activation[layers];
                Arrays.fill(a, Activation.TANH);
            }
            double[] f = learningRateFactors;
            if (f == null) {
                f = new double[layers];
                Arrays.fill(f, 1.0);
            }
            return new LeNetworkSpec(sizes, a, feedbackRule, errorVariant, targetType, beta, dt, tau, baseLearningRate,
                    f, initialWeightStd, batchSize, precision, noiseDuringEvaluation, integrateMembranePotential);
        }
    }
}
