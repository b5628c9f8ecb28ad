package palsim.app.experiment.microcircuit;

import java.util.Arrays;
import java.util.Objects;
import palsim.core.feedback.FeedbackRule;
import palsim.core.le.Precision;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.neuron.Activation;

/**
 * The {@code model} section shared by the microcircuit experiments: everything of a
 * {@link MicrocircuitSpec} except the feedback rule, which each entry of {@code rules} adds (with
 * its optional learning-rate overrides). Read by {@link MicrocircuitConfig#model}.
 *
 * @param layers [n_0, …, n_N]
 * @param activations φ_ℓ, ℓ = 1…N
 * @param conductances g_l, g_bas, g_api, g_den, g_nI, g_ntgt (1/ms)
 * @param dt the Euler step (ms)
 * @param taur the prospective factor (1 = LE prospective voltages, 0 = ŭ = u^old)
 * @param learningRates η^fw, η^IP, η^PI as the model section gives them
 * @param initialRanges the students' initial weight ranges
 * @param selfPredictingStart whether the self-predicting state is imposed after drawing (§4.2)
 * @param precision the engine's floating-point precision ({@code model.precision})
 */
public record CircuitModel(int[] layers, Activation[] activations, Conductances conductances, double dt, double taur,
        LearningRates learningRates, InitialWeightRanges initialRanges, boolean selfPredictingStart,
        Precision precision) {

    public CircuitModel {
        layers = layers.clone();
        activations = activations.clone();
        Objects.requireNonNull(conductances, "conductances");
        Objects.requireNonNull(learningRates, "learningRates");
        Objects.requireNonNull(initialRanges, "initialRanges");
        Objects.requireNonNull(precision, "precision");
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public Activation[] activations() {
        return activations.clone();
    }

    /**
     * The students' circuit under {@code rule} with {@code rates}.
     *
     * @throws IllegalArgumentException from the spec's validation, naming the field
     */
    public MicrocircuitSpec spec(FeedbackRule rule, LearningRates rates) {
        return MicrocircuitSpec.builder(layers)
                .activations(activations)
                .conductances(conductances)
                .dt(dt)
                .prospectiveFactor(taur)
                .forwardLearningRates(rates.forward())
                .pyramidToInterneuronLearningRates(rates.pyramidToInterneuron())
                .interneuronToPyramidLearningRates(rates.interneuronToPyramid())
                .feedbackRule(rule)
                .initialRanges(initialRanges)
                .selfPredictingStart(selfPredictingStart)
                .precision(precision)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CircuitModel m && Arrays.equals(layers, m.layers) && Arrays.equals(activations, m.activations)
                && conductances.equals(m.conductances) && dt == m.dt && taur == m.taur
                && learningRates.equals(m.learningRates) && initialRanges.equals(m.initialRanges)
                && selfPredictingStart == m.selfPredictingStart && precision == m.precision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(layers), Arrays.hashCode(activations), conductances, dt, taur, learningRates,
                initialRanges, selfPredictingStart, precision);
    }

    @Override
    public String toString() {
        return "CircuitModel[layers=" + Arrays.toString(layers) + ", activations=" + Arrays.toString(activations)
                + ", conductances=" + conductances + ", dt=" + dt + ", taur=" + taur + ", " + learningRates
                + ", init=" + initialRanges + ", init_in_sps=" + selfPredictingStart
                + ", precision=" + precision.configName() + "]";
    }
}
