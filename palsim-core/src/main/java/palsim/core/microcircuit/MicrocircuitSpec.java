package palsim.core.microcircuit;

import java.util.Arrays;
import java.util.Objects;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.RuleTimeConstants;
import palsim.core.feedback.ModelKind;
import palsim.core.le.Precision;
import palsim.core.neuron.Activation;

/**
 * Everything that defines one dendritic microcircuit (microcircuit.md §1–4): immutable and
 * validated, so that an engine built from it cannot meet a bad setting mid-run. Exceptions name the
 * offending field by its configuration name (left column below).
 *
 * <table>
 *   <caption>Configuration name / spec symbol → component</caption>
 *   <tr><th>field name in messages</th><th>spec</th><th>component</th></tr>
 *   <tr><td>{@code layers}</td><td>[n_0 … n_N]</td><td>{@link #layers()}</td></tr>
 *   <tr><td>{@code activations}</td><td>φ_ℓ, ℓ = 1…N</td><td>{@link #activations()}</td></tr>
 *   <tr><td>{@code conductances.*}</td><td>g_l, g_bas, …</td><td>{@link #conductances()}</td></tr>
 *   <tr><td>{@code dt}</td><td>dt</td><td>{@link #dt()}</td></tr>
 *   <tr><td>{@code taur}</td><td>taur (§2.2; 1 = LE, 0 = ŭ = u^old)</td><td>{@link #prospectiveFactor()}</td></tr>
 *   <tr><td>{@code eta_fw}</td><td>η^fw_ℓ, ℓ = 1…N</td><td>{@link #forwardLearningRates()}</td></tr>
 *   <tr><td>{@code eta_ip}</td><td>η^IP_ℓ, ℓ = 1…N−1</td><td>{@link #pyramidToInterneuronLearningRates()}</td></tr>
 *   <tr><td>{@code eta_pi}</td><td>η^PI_ℓ, ℓ = 1…N−1</td><td>{@link #interneuronToPyramidLearningRates()}</td></tr>
 *   <tr><td>{@code feedback_rule}</td><td>model_type (BP, FA, PAL with η^bw, α, σ, τ_ξ, τ_HP, τ_LO)</td><td>{@link #feedbackRule()}</td></tr>
 *   <tr><td>{@code init_*_range}</td><td>init_WPP/WIP/BPP/BPI_range</td><td>{@link #initialRanges()}</td></tr>
 *   <tr><td>{@code init_in_sps}</td><td>init_in_SPS (§4.2)</td><td>{@link #selfPredictingStart()}</td></tr>
 *   <tr><td>—</td><td>update order of one step (README "two step semantics")</td><td>{@link #stepOrder()}</td></tr>
 *   <tr><td>{@code precision}</td><td>float32 (the reference) or float64</td><td>{@link #precision()}</td></tr>
 * </table>
 *
 * <p>Arrays are indexed from 0: {@code activations[0]} is φ_1, {@code eta_fw[0]} is η^fw_1 (the
 * input → first hidden projection), {@code eta_ip[0]} is η^IP_1.
 *
 * @param layers population sizes [n_0, n_1, …, n_N], N ≥ 2
 * @param activations φ_ℓ of the pyramidal layers ℓ = 1…N; interneurons of layer ℓ use φ_{ℓ+1}
 * @param conductances the conductances (§1)
 * @param dt the Euler time step (ms)
 * @param prospectiveFactor taur in ŭ = u^old + taur·τ·(u − u^old)/dt; 1 gives the LE prospective
 *     voltage, 0 the non-prospective ŭ = u^old
 * @param forwardLearningRates η^fw_ℓ, N entries
 * @param pyramidToInterneuronLearningRates η^IP_ℓ, N−1 entries
 * @param interneuronToPyramidLearningRates η^PI_ℓ, N−1 entries
 * @param feedbackRule how B is obtained and learned (bp, fa, pal; dfa is rejected)
 * @param initialRanges uniform ranges of the initial weights
 * @param selfPredictingStart whether to impose the self-predicting state after drawing (§4.2)
 * @param stepOrder the order of the phases of one step
 * @param precision the floating-point precision of the engine's state, weights and arithmetic
 */
public record MicrocircuitSpec(
        int[] layers,
        Activation[] activations,
        Conductances conductances,
        double dt,
        double prospectiveFactor,
        double[] forwardLearningRates,
        double[] pyramidToInterneuronLearningRates,
        double[] interneuronToPyramidLearningRates,
        FeedbackRule feedbackRule,
        InitialWeightRanges initialRanges,
        boolean selfPredictingStart,
        StepOrder stepOrder,
        Precision precision) {

    public MicrocircuitSpec {
        layers = requireLayers(layers);
        int n = layers.length - 1;
        activations = Objects.requireNonNull(activations, "activations is missing").clone();
        if (activations.length != n) {
            throw new IllegalArgumentException("activations has " + activations.length
                    + " entries; the network has " + n + " pyramidal layers");
        }
        for (int i = 0; i < n; i++) {
            if (activations[i] == null) {
                throw new IllegalArgumentException("activations[" + i + "] is missing");
            }
        }
        Objects.requireNonNull(conductances, "conductances is missing");
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        if (!(prospectiveFactor >= 0) || !Double.isFinite(prospectiveFactor)) {
            throw new IllegalArgumentException("taur must be finite and >= 0, got " + prospectiveFactor);
        }
        forwardLearningRates = requireRates("eta_fw", forwardLearningRates, n, "forward projections");
        pyramidToInterneuronLearningRates = requireRates("eta_ip", pyramidToInterneuronLearningRates, n - 1, "hidden layers");
        interneuronToPyramidLearningRates = requireRates("eta_pi", interneuronToPyramidLearningRates, n - 1, "hidden layers");
        if (feedbackRule == null) {
            throw new IllegalArgumentException("feedback_rule is missing");
        }
        feedbackRule.validateFor(ModelKind.MICROCIRCUIT, layers.clone());
        RuleTimeConstants.requireResolvedBy(feedbackRule, dt);
        if (initialRanges == null) {
            throw new IllegalArgumentException("init ranges are missing");
        }
        if (stepOrder == null) {
            throw new IllegalArgumentException("step_order is missing");
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision is missing");
        }
    }

    /** A builder with the paper's defaults for everything but the layers and the rule. */
    public static Builder builder(int... layers) {
        return new Builder(layers);
    }

    /** N, the number of pyramidal layers (hidden + output). */
    public int pyramidalLayers() {
        return layers.length - 1;
    }

    /**
     * Whether the apical compartments are driven straight from the output (direct feedback
     * alignment): B_ℓ is then n_ℓ × n_N and multiplies r_N − r^I_{N−1} (see {@link #feedbackSource}).
     */
    public boolean directFeedback() {
        return feedbackRule.pathway() == FeedbackPathway.DIRECT_FROM_OUTPUT;
    }

    /**
     * The pyramidal population whose rates reach the apical compartment of hidden layer ℓ through
     * B_ℓ: ℓ+1, or N with {@link #directFeedback()}. The interneurons that cancel it are those of
     * layer {@code feedbackSource(ℓ) − 1}.
     */
    public int feedbackSource(int layer) {
        return directFeedback() ? pyramidalLayers() : layer + 1;
    }

    /** {@link #feedbackSource} of every hidden layer ℓ at index ℓ (index 0 unused). */
    public int[] feedbackSources() {
        int[] sources = new int[layers.length - 1];
        for (int l = 1; l < sources.length; l++) {
            sources[l] = feedbackSource(l);
        }
        return sources;
    }

    /** n_ℓ, the size of population ℓ (0 = input). */
    public int size(int population) {
        return layers[population];
    }

    /** A builder initialised with this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder(layers);
        b.activations = activations.clone();
        b.conductances = conductances;
        b.dt = dt;
        b.prospectiveFactor = prospectiveFactor;
        b.forwardLearningRates = forwardLearningRates.clone();
        b.pyramidToInterneuronLearningRates = pyramidToInterneuronLearningRates.clone();
        b.interneuronToPyramidLearningRates = interneuronToPyramidLearningRates.clone();
        b.feedbackRule = feedbackRule;
        b.initialRanges = initialRanges;
        b.selfPredictingStart = selfPredictingStart;
        b.stepOrder = stepOrder;
        b.precision = precision;
        return b;
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public Activation[] activations() {
        return activations.clone();
    }

    /** φ_ℓ of pyramidal layer ℓ (1-based). */
    public Activation activation(int layer) {
        return activations[layer - 1];
    }

    @Override
    public double[] forwardLearningRates() {
        return forwardLearningRates.clone();
    }

    @Override
    public double[] pyramidToInterneuronLearningRates() {
        return pyramidToInterneuronLearningRates.clone();
    }

    @Override
    public double[] interneuronToPyramidLearningRates() {
        return interneuronToPyramidLearningRates.clone();
    }

    /** η^fw_ℓ (1-based ℓ). */
    public double forwardLearningRate(int layer) {
        return forwardLearningRates[layer - 1];
    }

    /** η^IP_ℓ (1-based ℓ). */
    public double pyramidToInterneuronLearningRate(int layer) {
        return pyramidToInterneuronLearningRates[layer - 1];
    }

    /** η^PI_ℓ (1-based ℓ). */
    public double interneuronToPyramidLearningRate(int layer) {
        return interneuronToPyramidLearningRates[layer - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MicrocircuitSpec s && Arrays.equals(layers, s.layers) && Arrays.equals(activations, s.activations)
                && conductances.equals(s.conductances) && dt == s.dt && prospectiveFactor == s.prospectiveFactor
                && Arrays.equals(forwardLearningRates, s.forwardLearningRates)
                && Arrays.equals(pyramidToInterneuronLearningRates, s.pyramidToInterneuronLearningRates)
                && Arrays.equals(interneuronToPyramidLearningRates, s.interneuronToPyramidLearningRates)
                && feedbackRule.equals(s.feedbackRule) && initialRanges.equals(s.initialRanges)
                && selfPredictingStart == s.selfPredictingStart && stepOrder.equals(s.stepOrder)
                && precision == s.precision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(layers), Arrays.hashCode(activations), conductances, dt, prospectiveFactor,
                Arrays.hashCode(forwardLearningRates), Arrays.hashCode(pyramidToInterneuronLearningRates),
                Arrays.hashCode(interneuronToPyramidLearningRates), feedbackRule, initialRanges, selfPredictingStart, stepOrder,
                precision);
    }

    @Override
    public String toString() {
        return "MicrocircuitSpec[layers=" + Arrays.toString(layers) + ", activations=" + Arrays.toString(activations)
                + ", conductances=" + conductances + ", dt=" + dt + ", taur=" + prospectiveFactor
                + ", eta_fw=" + Arrays.toString(forwardLearningRates) + ", eta_ip=" + Arrays.toString(pyramidToInterneuronLearningRates)
                + ", eta_pi=" + Arrays.toString(interneuronToPyramidLearningRates) + ", feedback_rule=" + feedbackRule
                + ", init=" + initialRanges + ", init_in_sps=" + selfPredictingStart + ", step_order=" + stepOrder
                + ", precision=" + precision.configName() + "]";
    }

    private static int[] requireLayers(int[] layers) {
        if (layers == null) {
            throw new IllegalArgumentException("layers is missing");
        }
        if (layers.length < 3) {
            throw new IllegalArgumentException("layers must have at least 3 entries (input, hidden, output), got "
                    + Arrays.toString(layers));
        }
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] <= 0) {
                throw new IllegalArgumentException("layers[" + i + "] must be > 0, got " + layers[i]);
            }
        }
        return layers.clone();
    }

    private static double[] requireRates(String field, double[] rates, int expected, String what) {
        if (rates == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (rates.length != expected) {
            throw new IllegalArgumentException(field + " has " + rates.length + " entries; the network has "
                    + expected + " " + what);
        }
        for (int i = 0; i < rates.length; i++) {
            if (!(rates[i] >= 0) || !Double.isFinite(rates[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] must be finite and >= 0, got " + rates[i]);
            }
        }
        return rates.clone();
    }

    /** Collects the settings of a {@link MicrocircuitSpec}; {@link #build()} validates them. */
    public static final class Builder {
        private final int[] layers;
        private Activation[] activations;
        private Conductances conductances = Conductances.PAPER;
        private double dt = 0.01;
        private double prospectiveFactor = 1.0;
        private double[] forwardLearningRates;
        private double[] pyramidToInterneuronLearningRates;
        private double[] interneuronToPyramidLearningRates;
        private FeedbackRule feedbackRule;
        private InitialWeightRanges initialRanges = InitialWeightRanges.SYMMETRIC_UNIT;
        private boolean selfPredictingStart = true;
        private StepOrder stepOrder = RatesFirstStepOrder.INSTANCE;
        private Precision precision = Precision.FLOAT64;

        private Builder(int[] layers) {
            this.layers = requireLayers(layers);
            int n = layers.length - 1;
            activations = new Activation[n];
            Arrays.fill(activations, Activation.LOGISTIC);
            forwardLearningRates = new double[n];
            pyramidToInterneuronLearningRates = new double[n - 1];
            interneuronToPyramidLearningRates = new double[n - 1];
        }

        /** One activation for every pyramidal layer (default logistic). */
        public Builder activation(Activation activation) {
            Arrays.fill(activations, activation);
            return this;
        }

        /** φ_ℓ per pyramidal layer. */
        public Builder activations(Activation... activations) {
            this.activations = activations.clone();
            return this;
        }

        public Builder conductances(Conductances conductances) {
            this.conductances = conductances;
            return this;
        }

        public Builder dt(double dt) {
            this.dt = dt;
            return this;
        }

        /** taur: 1 = prospective (LE, default), 0 = non-prospective. */
        public Builder prospectiveFactor(double taur) {
            this.prospectiveFactor = taur;
            return this;
        }

        /** η^fw (N entries, default 0). */
        public Builder forwardLearningRates(double... rates) {
            this.forwardLearningRates = rates.clone();
            return this;
        }

        /** η^IP (N−1 entries, default 0). */
        public Builder pyramidToInterneuronLearningRates(double... rates) {
            this.pyramidToInterneuronLearningRates = rates.clone();
            return this;
        }

        /** η^PI (N−1 entries, default 0). */
        public Builder interneuronToPyramidLearningRates(double... rates) {
            this.interneuronToPyramidLearningRates = rates.clone();
            return this;
        }

        public Builder feedbackRule(FeedbackRule rule) {
            this.feedbackRule = rule;
            return this;
        }

        /** Default: U[−1, 1] for all four groups. */
        public Builder initialRanges(InitialWeightRanges ranges) {
            this.initialRanges = ranges;
            return this;
        }

        /** Default true. */
        public Builder selfPredictingStart(boolean sps) {
            this.selfPredictingStart = sps;
            return this;
        }

        /** Default {@link RatesFirstStepOrder}. */
        public Builder stepOrder(StepOrder order) {
            this.stepOrder = order;
            return this;
        }

        /** Default {@link Precision#FLOAT64}. */
        public Builder precision(Precision precision) {
            this.precision = precision;
            return this;
        }

        public MicrocircuitSpec build() {
            return new MicrocircuitSpec(layers, activations, conductances, dt, prospectiveFactor, forwardLearningRates,
                    pyramidToInterneuronLearningRates, interneuronToPyramidLearningRates, feedbackRule, initialRanges,
                    selfPredictingStart, stepOrder, precision);
        }
    }
}
