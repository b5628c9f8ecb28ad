package palsim.app.experiment.autoencoder;

import java.util.Arrays;
import java.util.List;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.core.le.ErrorVariant;
import palsim.core.le.LeNetworkSpec;
import palsim.core.le.Precision;
import palsim.core.le.TargetType;
import palsim.core.neuron.Activation;

/**
 * The {@code model} section of the autoencoder experiment: the LE network 784-200-2-200-784 of
 * le-network.md §3.3 and the dynamics constants of §2 (docs/config.md, "MNIST autoencoder").
 *
 * <table class="striped">
 *   <caption>Spec symbol → component (config key)</caption>
 *   <tr><th>symbol (le-network.md)</th><th>component</th><th>key</th><th>MNIST value</th></tr>
 *   <tr><td>n_0 … n_K (§3.3)</td><td>{@link #sizes}</td><td>{@code layers}</td><td>784, 200, 2, 200, 784</td></tr>
 *   <tr><td>φ_1 … φ_K (§2.1)</td><td>{@link #activations}</td><td>{@code activations}</td><td>tanh, linear, tanh, linear</td></tr>
 *   <tr><td>latent = population 2 (App. C)</td><td>{@link #latentPopulation}</td><td>{@code latent_population}</td><td>2</td></tr>
 *   <tr><td>Variant A / B (§0.3)</td><td>{@link #errorVariant}</td><td>{@code error_variant}</td><td>injection (A)</td></tr>
 *   <tr><td>target type (§2.3 S2)</td><td>{@link #targetType}</td><td>{@code target_type}</td><td>rate</td></tr>
 *   <tr><td>β, dt, τ (§2.6)</td><td>{@link #beta}, {@link #dt}, {@link #tau}</td><td>{@code beta}, {@code dt}, {@code tau}</td><td>0.1, 0.1, 10</td></tr>
 *   <tr><td>M, batch learning multiplier (§2.4)</td><td>{@link #learningRateMultiplier}</td><td>{@code learning_rate_multiplier}</td><td>64</td></tr>
 *   <tr><td>σ of the N(0, σ²) initialisation (§3.1)</td><td>{@link #initialWeightStd}</td><td>{@code init_std}</td><td>0.05</td></tr>
 * </table>
 *
 * η_0 = 0.125 M / n_steps / dt (§2.4) needs n_steps = {@code protocol.steps_per_batch}, so it is
 * formed in {@link #spec}; per-layer factors f_k belong to each rule ({@link RuleSetup}).
 *
 * @param sizes population sizes n_0 … n_K
 * @param activations φ_1 … φ_K
 * @param latentPopulation the population whose rates are the latent code (1 … K−1)
 * @param errorVariant how errors enter the dynamics (§0.3)
 * @param targetType how the output error is formed (§2.3 S2)
 * @param beta β
 * @param dt dt
 * @param tau τ
 * @param learningRateMultiplier M
 * @param initialWeightStd std of the initial W, b, B, D
 * @param precision float32 or float64
 * @param integrateMembranePotential integrate u_k instead of the exact cancellation (§2.2)
 */
public record NetworkSettings(int[] sizes, Activation[] activations, int latentPopulation, ErrorVariant errorVariant,
        TargetType targetType, double beta, double dt, double tau, double learningRateMultiplier, double initialWeightStd,
        Precision precision, boolean integrateMembranePotential) {

    /** MNIST digits: 28 × 28 pixels in the input and, the target being the input, in the output. */
    static final int PIXELS = 784;

    public NetworkSettings {
        sizes = sizes.clone();
        activations = activations.clone();
    }

    /** Reads and validates the {@code model} section. */
    static NetworkSettings parse(ConfigSection model) {
        int[] sizes = model.integers("layers", Bounds.positive());
        if (sizes.length < 3) {
            throw model.error("layers", "needs at least 3 populations (input, latent, output), got " + Arrays.toString(sizes));
        }
        if (sizes[0] != PIXELS || sizes[sizes.length - 1] != PIXELS) {
            throw model.error("layers", "the input and output populations must both have " + PIXELS
                    + " neurons (28 × 28 MNIST pixels; the target is the input), got " + Arrays.toString(sizes));
        }
        int layers = sizes.length - 1;
        List<String> names = model.strings("activations");
        if (names.size() != layers) {
            throw model.error("activations", "has " + names.size() + " entries; the network has " + layers
                    + " layers (one activation per population 1 … " + layers + ")");
        }
        Activation[] activations = model.choices("activations", Activation.class, Activation::configName)
                .toArray(Activation[]::new);
        int latent = model.integer("latent_population", layers / 2, Bounds.between(1, layers - 1));
        ErrorVariant variant = model.choice("error_variant", ErrorVariant.ERROR_INJECTION, ErrorVariant::configName);
        TargetType target = model.choice("target_type", TargetType.RATE, TargetType::configName);
        double beta = model.number("beta", 0.1, Bounds.positive());
        double dt = model.number("dt", 0.1, Bounds.positive());
        double tau = model.number("tau", 10.0, Bounds.positive());
        double multiplier = model.number("learning_rate_multiplier", 64.0, Bounds.nonNegative());
        double initStd = model.number("init_std", 0.05, Bounds.positive());
        Precision precision = model.choice("precision", Precision.FLOAT32, Precision::configName);
        boolean integrate = model.flag("integrate_membrane_potential", false);
        if (integrate && dt > tau) {
            throw model.error("dt", "must not exceed tau (" + tau + ") when integrate_membrane_potential is true, got " + dt);
        }
        return new NetworkSettings(sizes, activations, latent, variant, target, beta, dt, tau, multiplier, initStd,
                precision, integrate);
    }

    /** K, the number of layers. */
    public int layers() {
        return sizes.length - 1;
    }

    /** n of the latent population. */
    public int latentSize() {
        return sizes[latentPopulation];
    }

    /** η_0 = 0.125 M / n_steps / dt (le-network.md §2.4): 0.8 for M = 64, n_steps = 100, dt = 0.1. */
    public double baseLearningRate(int stepsPerBatch) {
        return LeNetworkSpec.referenceLearningRate(learningRateMultiplier, stepsPerBatch, dt);
    }

    /** The network spec of one rule under {@code protocol}. */
    public LeNetworkSpec spec(RuleSetup rule, ProtocolSettings protocol) {
        return LeNetworkSpec.builder(sizes).activations(activations).feedbackRule(rule.rule()).errorVariant(errorVariant)
                .targetType(targetType).beta(beta).dt(dt).tau(tau)
                .baseLearningRate(baseLearningRate(protocol.stepsPerBatch()))
                .learningRateFactors(rule.learningRateFactors()).initialWeightStd(initialWeightStd)
                .batchSize(protocol.batchSize()).precision(precision)
                .noiseDuringEvaluation(protocol.noiseDuringEvaluation())
                .integrateMembranePotential(integrateMembranePotential).build();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public Activation[] activations() {
        return activations.clone();
    }
}
