package palsim.core.le;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.core.SimulationDivergedException;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.feedback.FeedbackProjection;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSchedule;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.feedback.ForwardImage;
import palsim.core.linalg.Transpose;
import palsim.core.rng.OrnsteinUhlenbeck;
import palsim.core.rng.RandomStreams;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * The LE network engine, written once for both precisions against {@link LeKernels}: state,
 * parameters and the per-step algorithm of le-network.md §2.3.
 *
 * <h2>One step</h2>
 * A step runs in three phases; inside a phase every piece of work is independent of the others,
 * so a {@link WorkerTeam} may run them on several threads (see {@link PhasePlan}):
 * <ol start="0">
 *   <li><b>Noise and output error.</b> ξ_k ← (1 − dt/τ_ξ) ξ_k + σ_k √(dt/τ_ξ) w for every noisy
 *       population (one random stream each); in Variant A g_k = e_k + ξ_k. The output error from
 *       the <em>previous</em> step's output (S2): E[K] = β r'_K ⊙ (y − r_K) ("rate") or β (y − ŭ_K)
 *       ("mse"); 0 in evaluation mode.
 *   <li><b>Forward sweep and hand-down</b> (S3), reading only last step's rates R[k−1] (R[0] = the
 *       current input): a_k = W_k R[k−1] + b_k; ŭ_k = a_k (+ e_k in Variant A) (+ ξ_k);
 *       r_k = φ_k(ŭ_k), r'_k = φ'_k(ŭ_k); h_k ← (1 − dt/τ_HP) h_k + (r_k − r_k^old) (not at the very
 *       first step); and for k ≥ 2 the error for the population below,
 *       d_{k−1} = r'_{k−1} ⊙ (M_k g_k) with last step's r'_{k−1} and M_k = W_kᵀ (BP) or B_{k−1}
 *       (FA, PAL). The hand-down into the input (k = 1) is skipped: the input's derivative is 0.
 *       g_k = ŭ_k − a_k of Variant A is computed as e_k + ξ_k, which is the same up to rounding.
 *   <li><b>Learning</b> (S4/S4′, S5): for DFA first e_k = r'_k ⊙ (D_k E[K]) with this step's
 *       r'_k (k &lt; K); then, in training mode, W_k ← W_k + η_k dt (1/N) E[k] R[k−1]ᵀ and
 *       b_k ← b_k + η_k dt (1/N) Σ_batch E[k] (or through the low-pass of §2.4), and the feedback
 *       rule's update of each B_ℓ (PAL: B_ℓ ← (1 − η_B dt α) B_ℓ + η_B dt (1/N) X[ℓ] H[ℓ+1]ᵀ).
 * </ol>
 * Then the double buffers swap: this step's rates, derivatives and errors become the state the
 * next step reads (e_k := E[k]).
 *
 * <h2>Memory layout</h2>
 * Population buffers are feature-major n × N; W_k is n_k × n_{k−1} (post × pre), B_ℓ n_ℓ × n_{ℓ+1},
 * D_ℓ n_ℓ × n_K, all row-major. So the forward product is W·R, the BP hand-down reads W_kᵀ straight
 * from W_k ({@link Transpose#TRANSPOSED}), and the weight update multiplies the error E (n_k × N) by
 * the sample-major copy R[k−1]ᵀ (N × n_{k−1}) that each forward sweep writes — all one kernel.
 *
 * @param <A> the array type, {@code float[]} or {@code double[]}
 */
final class LeEngine<A> implements AutoCloseable {
    private static final String FORWARD_STREAM = "le-forward-weights";
    private static final String FEEDBACK_STREAM = "le-feedback-weights";
    private static final String NOISE_STREAM = "le-exploratory-noise";
    /**
     * Extra elements behind every sample-major (transposed) buffer: a product reads its last rows
     * with masked vector loads whose full width may reach past the logical end, and a masked load
     * that stays inside the array is much faster than one that does not.
     */
    private static final int PADDING = 64;

    private final LeNetworkSpec spec;
    private final LeKernels<A> kernels;
    private final FeedbackRule rule;
    private final int layerCount;
    private final int batch;
    private final PopulationState<A>[] populations;
    private final ForwardLayer<A>[] layers;
    private final FeedbackMatrix<A>[] feedback;
    /**
     * The image of W_{ℓ+1} a rule asked B_ℓ to be set to in the last learning phase, or null. It is
     * applied before the next step reads B (and before any read-out): in the learning phase W_{ℓ+1}
     * itself is being updated by other threads.
     */
    private final ForwardImage[] pendingImage;
    private final OrnsteinUhlenbeck[] noiseProcesses;
    private final NormalizedGaussianSampler[] gaussians;
    /** The generators behind {@link #gaussians} (the samplers keep no state of their own), for checkpoints. */
    private final UniformRandomProvider[] noiseGenerators;
    private final double highPassDecay;
    private final boolean injectErrors;
    private final boolean directErrors;
    private final A target;
    private final WorkerTeam team;
    private final Runnable[] noiseAndTargetPhase;
    private final Runnable[] forwardPhase;
    private final Runnable[] learningPhase;

    private boolean training = true;
    /** The rule's phases (weight mirrors), or null: always in learning mode. */
    private final FeedbackSchedule schedule;
    /** Whether this step lies in a phase of the rule's schedule (always, without one). */
    private boolean inRulePhase = true;
    private boolean batchPresented;
    private long stepCount;
    private FeedForwardScratch<A> feedForward;

    /** W_k, b_k and the optional low-pass traces of one layer (le-network.md §2.4). */
    static final class ForwardLayer<A> {
        final A weights;
        final A bias;
        final A weightTrace;
        final A biasTrace;
        final double learningRate;
        /** 1 − η dt λ: what is kept of W_k per step under a rule's forward decay λ (exactly 1 without). */
        final double weightKeep;

        ForwardLayer(A weights, A bias, A weightTrace, A biasTrace, double learningRate, double weightKeep) {
            this.weights = weights;
            this.bias = bias;
            this.weightTrace = weightTrace;
            this.biasTrace = biasTrace;
            this.learningRate = learningRate;
            this.weightKeep = weightKeep;
        }
    }

    /**
     * A feedback matrix into population ℓ from population {@code source}: B_ℓ (source ℓ + 1) or,
     * for direct feedback alignment, D_ℓ (source K). Absent for backpropagation.
     */
    static final class FeedbackMatrix<A> {
        final A matrix;
        final int rows;
        final int source;
        final int columns;

        FeedbackMatrix(A matrix, int rows, int source, int columns) {
            this.matrix = matrix;
            this.rows = rows;
            this.source = source;
            this.columns = columns;
        }
    }

    /** Buffers of the stateless single-pass evaluation, allocated on first use. */
    static final class FeedForwardScratch<A> {
        final A[] rates;
        final A voltage;
        final A slope;

        FeedForwardScratch(A[] rates, A voltage, A slope) {
            this.rates = rates;
            this.voltage = voltage;
            this.slope = slope;
        }
    }

    @SuppressWarnings("unchecked")
    LeEngine(LeNetworkSpec spec, LeKernels<A> kernels, long seed, int threads) {
        this.spec = spec;
        this.kernels = kernels;
        this.rule = spec.feedbackRule();
        this.layerCount = spec.layers();
        this.batch = spec.batchSize();
        this.injectErrors = spec.errorVariant() == ErrorVariant.ERROR_INJECTION;
        FeedbackPathway pathway = rule.pathway();
        this.directErrors = pathway == FeedbackPathway.DIRECT_FROM_OUTPUT;
        int[] n = spec.sizes();

        Optional<ExploratoryNoise> noise = rule.noise();
        boolean tracksHighPass = rule.highPassTau() > 0;
        this.highPassDecay = tracksHighPass ? 1.0 - spec.dt() / rule.highPassTau() : 0.0;

        populations = new PopulationState[layerCount + 1];
        populations[0] = new PopulationState<>(n[0], null);
        populations[0].rate = kernels.allocate(n[0] * batch);
        populations[0].rateTransposed = kernels.allocate(n[0] * batch + PADDING);
        noiseProcesses = new OrnsteinUhlenbeck[layerCount + 1];
        gaussians = new NormalizedGaussianSampler[layerCount + 1];
        noiseGenerators = new UniformRandomProvider[layerCount + 1];
        for (int k = 1; k <= layerCount; k++) {
            PopulationState<A> p = new PopulationState<>(n[k], spec.activations()[k - 1]);
            int size = n[k] * batch;
            p.voltage = kernels.allocate(size);
            p.rate = kernels.allocate(size);
            p.rateNext = kernels.allocate(size);
            p.slope = kernels.allocate(size);
            p.slopeNext = kernels.allocate(size);
            p.error = kernels.allocate(size);
            p.errorNext = kernels.allocate(size);
            if (k < layerCount) {
                p.rateTransposed = kernels.allocate(size + PADDING);
                p.rateTransposedNext = kernels.allocate(size + PADDING);
            }
            if (spec.integrateMembranePotential()) {
                p.membrane = kernels.allocate(size);
            }
            populations[k] = p;
            double sigma = noise.isPresent() ? noise.get().stdOf(k) : 0.0;
            if (sigma > 0) {
                p.noise = kernels.allocate(size);
                noiseProcesses[k] = noise.get().process(k, spec.dt());
                noiseGenerators[k] = RandomStreams.derived(seed, NOISE_STREAM, k);
                gaussians[k] = ZigguratSampler.NormalizedGaussian.of(noiseGenerators[k]);
                if (injectErrors && k >= 2 && pathway != FeedbackPathway.DIRECT_FROM_OUTPUT) {
                    p.handDownSignal = kernels.allocate(size);
                }
            }
        }
        target = kernels.allocate(n[layerCount] * batch);

        layers = new ForwardLayer[layerCount + 1];
        boolean lowPass = rule.forwardLowPassTau() > 0;
        if (lowPass && rule.forwardDecay() != 0) {
            throw new IllegalArgumentException("feedback rule '" + rule.name()
                    + "': a forward decay together with a forward low-pass is not supported by LE networks");
        }
        for (int k = 1; k <= layerCount; k++) {
            A w = kernels.allocate(n[k] * n[k - 1]);
            A b = kernels.allocate(n[k]);
            NormalizedGaussianSampler g =
                    ZigguratSampler.NormalizedGaussian.of(RandomStreams.derived(seed, FORWARD_STREAM, k));
            kernels.load(gaussianMatrix(g, n[k] * n[k - 1], spec.initialWeightStd()), w);
            kernels.load(gaussianMatrix(g, n[k], spec.initialWeightStd()), b);
            layers[k] = new ForwardLayer<>(w, b, lowPass ? kernels.allocate(n[k] * n[k - 1]) : null,
                    lowPass ? kernels.allocate(n[k]) : null, spec.learningRate(k),
                    1.0 - spec.learningRate(k) * spec.dt() * rule.forwardDecay());
        }

        feedback = new FeedbackMatrix[layerCount];
        for (int l = 1; l < layerCount; l++) {
            int source = switch (pathway) {
                case TRANSPOSED_FORWARD -> -1;
                case FEEDBACK_WEIGHTS -> l + 1;
                case DIRECT_FROM_OUTPUT -> layerCount;
            };
            if (source > 0) {
                feedback[l] = new FeedbackMatrix<>(kernels.allocate(n[l] * n[source]), n[l], source, n[source]);
            }
            if (tracksHighPass) {
                PopulationState<A> s = populations[source > 0 ? source : l + 1];
                if (s.highPass == null) {
                    s.highPass = kernels.allocate(s.size * batch);
                    s.highPassTransposed = kernels.allocate(s.size * batch + PADDING);
                }
            }
        }
        if (rule.learningSignals().contains(FeedbackSignal.NOISE) && rule.learningSignals().contains(FeedbackSignal.RATES)
                && populations[layerCount].rateTransposed == null) {
            // the output's rates, sample-major, for a B_{K−1} that learns from them (weight mirrors)
            PopulationState<A> out = populations[layerCount];
            out.rateTransposed = kernels.allocate(out.size * batch + PADDING);
            out.rateTransposedNext = kernels.allocate(out.size * batch + PADDING);
        }
        if (rule.learningSignals().contains(FeedbackSignal.FORWARD_UPDATE)) {
            for (int k = 2; k <= layerCount; k++) {
                populations[k].errorTransposed = kernels.allocate(n[k] * batch + PADDING);
            }
        }
        schedule = rule.schedule().orElse(null);
        pendingImage = new ForwardImage[layerCount];
        for (int l = 1; l < layerCount; l++) {
            rule.initialise(new Projection(l, 0, n[l]), RandomStreams.derived(seed, FEEDBACK_STREAM, l));
        }
        applyPendingImages();

        noiseAndTargetPhase = planNoiseAndTarget(threads);
        forwardPhase = planForward(threads, pathway);
        learningPhase = planLearning(threads);
        team = new WorkerTeam(threads);
    }

    private static double[] gaussianMatrix(NormalizedGaussianSampler g, int count, double std) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = std * g.sample();
        }
        return x;
    }

    // ------------------------------------------------------------------------------------------
    // Plans

    private Runnable[] planNoiseAndTarget(int threads) {
        PhasePlan plan = new PhasePlan();
        for (int k = 1; k <= layerCount; k++) {
            if (populations[k].noise != null) {
                int population = k;
                // a random stream is consumed in order: never split
                plan.add((from, to) -> () -> driveNoise(population), populations[k].size,
                        20L * populations[k].size * batch, false);
            }
        }
        plan.add((from, to) -> this::formOutputError, populations[layerCount].size,
                (long) populations[layerCount].size * batch, false);
        return plan.chunks(threads);
    }

    private Runnable[] planForward(int threads, FeedbackPathway pathway) {
        PhasePlan plan = new PhasePlan();
        for (int k = 1; k <= layerCount; k++) {
            int layer = k;
            long cost = (long) populations[k].size * (populations[k - 1].size + 20) * batch;
            plan.add((from, to) -> () -> forward(layer, from, to), populations[k].size, cost, true);
        }
        for (int k = 2; k <= layerCount; k++) {
            int layer = k;
            int rows = populations[k - 1].size;
            Transpose transpose;
            A matrix;
            int lda;
            switch (pathway) {
                case TRANSPOSED_FORWARD -> {
                    transpose = Transpose.TRANSPOSED;
                    matrix = layers[k].weights;
                    lda = populations[k - 1].size;
                }
                case FEEDBACK_WEIGHTS -> {
                    transpose = Transpose.NONE;
                    matrix = feedback[k - 1].matrix;
                    lda = populations[k].size;
                }
                default -> {
                    continue; // DFA: no layer-to-layer signal (§2.3 S4')
                }
            }
            long cost = (long) rows * populations[k].size * batch;
            plan.add((from, to) -> () -> handDown(layer, transpose, matrix, lda, from, to), rows, cost, true);
        }
        return plan.chunks(threads);
    }

    private Runnable[] planLearning(int threads) {
        PhasePlan plan = new PhasePlan();
        for (int k = 1; k <= layerCount; k++) {
            int layer = k;
            long cost = (long) populations[k].size * populations[k - 1].size * batch;
            if (directErrors && k < layerCount) {
                cost += (long) populations[k].size * populations[layerCount].size * batch;
            }
            plan.add((from, to) -> () -> learnForward(layer, from, to), populations[k].size, cost, true);
        }
        for (int l = 1; l < layerCount; l++) {
            int projection = l;
            int rows = populations[l].size;
            long cost = feedback[l] != null && !rule.learningSignals().isEmpty() ? (long) rows * feedback[l].columns * batch : 1;
            // The rule is called once per projection and row chunk, each call seeing its rows only:
            // rules are stateless configuration, so that is the same as one call per projection.
            plan.add((from, to) -> {
                Projection view = new Projection(projection, from, to);
                double dt = spec.dt();
                return () -> rule.update(view, dt, training && inRulePhase);
            }, rows, cost, true);
        }
        return plan.chunks(threads);
    }

    // ------------------------------------------------------------------------------------------
    // The step

    /** One Euler step of length dt with the presented batch (le-network.md §2.3). */
    void step() {
        if (!batchPresented) {
            throw new IllegalStateException("present a batch before stepping");
        }
        applyPendingImages();
        inRulePhase = schedule == null || schedule.active(stepCount, spec.dt());
        team.run(noiseAndTargetPhase);
        team.run(forwardPhase);
        if (training || directErrors) {
            team.run(learningPhase);
        }
        for (int k = 1; k <= layerCount; k++) {
            populations[k].swap();
        }
        stepCount++;
    }

    /** Phase 0 for a noisy population: advance ξ_k and, in Variant A, form g_k = e_k + ξ_k. */
    private void driveNoise(int k) {
        PopulationState<A> p = populations[k];
        int size = p.size * batch;
        OrnsteinUhlenbeck ou = noiseProcesses[k];
        kernels.ornsteinUhlenbeck(p.noise, ou.decay(), ou.scale(), gaussians[k], 0, size);
        if (p.handDownSignal != null && noiseInjected()) {
            kernels.add(p.error, p.noise, p.handDownSignal, 0, size);
            p.handDownSignalCurrent = true;
        } else {
            p.handDownSignalCurrent = false;
        }
    }

    /** The noise process runs at every step; it enters the network in training (or evaluation, if so set) and the rule's phases. */
    private boolean noiseInjected() {
        return (training || spec.noiseDuringEvaluation()) && inRulePhase;
    }

    /** Phase 0: E[K] = β E_trg(y; ŭ_K, r_K, r'_K) from the previous step's output (S2); 0 in evaluation. */
    private void formOutputError() {
        PopulationState<A> out = populations[layerCount];
        int size = out.size * batch;
        if (!training) {
            kernels.fill(out.errorNext, 0.0, 0, size);
            return;
        }
        switch (spec.targetType()) {
            case RATE -> kernels.rateTargetError(spec.beta(), target, out.rate, out.slope, out.errorNext, 0, size);
            case MSE -> kernels.voltageTargetError(spec.beta(), target, out.voltage, out.errorNext, 0, size);
        }
        if (out.errorTransposed != null) {
            kernels.transpose(0, out.size, batch, out.errorNext, out.errorTransposed, out.size);
        }
    }

    /** Sets every B_ℓ a rule asked to be an image of W_{ℓ+1} (W as it is now). */
    private void applyPendingImages() {
        for (int l = 1; l < layerCount; l++) {
            ForwardImage image = pendingImage[l];
            if (image == null) {
                continue;
            }
            pendingImage[l] = null;
            FeedbackMatrix<A> f = feedback[l];
            switch (image) {
                case TRANSPOSE -> kernels.transpose(0, f.columns, f.rows, layers[l + 1].weights, f.matrix, f.columns);
                case SCALED_SIGN_OF_TRANSPOSE -> kernels.scaledSignOfTranspose(layers[l + 1].weights, f.rows, f.columns,
                        f.matrix);
            }
        }
    }

    /** Phase 1, rows [rowFrom, rowTo) of population k: a_k, ŭ_k, r_k, r'_k, h_k and the transposed copies. */
    private void forward(int k, int rowFrom, int rowTo) {
        PopulationState<A> below = populations[k - 1];
        PopulationState<A> p = populations[k];
        ForwardLayer<A> layer = layers[k];
        int from = rowFrom * batch;
        int to = rowTo * batch;
        kernels.multiply(Transpose.NONE, rowFrom, rowTo, batch, below.size, 1.0, layer.weights, below.size, below.rate, batch,
                0.0, p.voltage, batch);
        kernels.prospectiveVoltage(p.voltage, layer.bias, injectErrors ? p.error : null,
                p.noise != null && noiseInjected() ? p.noise : null, p.voltage, rowFrom, rowTo, batch);
        if (p.membrane != null) {
            kernels.integrateMembrane(p.voltage, p.membrane, spec.tau(), spec.dt(), from, to);
        }
        kernels.activate(p.activation, p.voltage, p.rateNext, p.slopeNext, from, to);
        if (p.highPass != null) {
            if (stepCount > 0) { // dr = 0 at the very first call (§2.3 S3.4)
                kernels.highPass(p.highPass, highPassDecay, p.rateNext, p.rate, from, to);
            }
            kernels.transpose(rowFrom, rowTo, batch, p.highPass, p.highPassTransposed, p.size);
        }
        if (p.rateTransposedNext != null) {
            kernels.transpose(rowFrom, rowTo, batch, p.rateNext, p.rateTransposedNext, p.size);
        }
    }

    /** Phase 1, rows [rowFrom, rowTo) of population k−1: d_{k−1} = r'_{k−1} ⊙ (M_k g_k). */
    private void handDown(int k, Transpose transpose, A matrix, int lda, int rowFrom, int rowTo) {
        PopulationState<A> lower = populations[k - 1];
        PopulationState<A> upper = populations[k];
        kernels.multiply(transpose, rowFrom, rowTo, batch, upper.size, 1.0, matrix, lda, upper.handDownSource(), batch,
                0.0, lower.errorNext, batch);
        kernels.multiplyElements(lower.errorNext, lower.slope, lower.errorNext, rowFrom * batch, rowTo * batch);
        if (lower.errorTransposed != null) {
            kernels.transpose(rowFrom, rowTo, batch, lower.errorNext, lower.errorTransposed, lower.size);
        }
    }

    /** Phase 2, rows [rowFrom, rowTo) of layer k: DFA's error, then W_k and b_k (§2.4). */
    private void learnForward(int k, int rowFrom, int rowTo) {
        PopulationState<A> p = populations[k];
        if (directErrors && k < layerCount) {
            PopulationState<A> out = populations[layerCount];
            kernels.multiply(Transpose.NONE, rowFrom, rowTo, batch, out.size, 1.0, feedback[k].matrix, out.size,
                    out.errorNext, batch, 0.0, p.errorNext, batch);
            kernels.multiplyElements(p.errorNext, p.slopeNext, p.errorNext, rowFrom * batch, rowTo * batch);
        }
        ForwardLayer<A> layer = layers[k];
        if (!training || layer.learningRate == 0.0) {
            return;
        }
        int inputs = populations[k - 1].size;
        A inputsTransposed = populations[k - 1].rateTransposed;
        if (layer.weightTrace == null) {
            double rate = layer.learningRate * spec.dt() / batch;
            // β = 1 − η dt λ is exactly 1 unless the rule asks for a forward decay (Kolen–Pollack)
            kernels.multiply(Transpose.NONE, rowFrom, rowTo, inputs, batch, rate, p.errorNext, batch, inputsTransposed, inputs,
                    layer.weightKeep, layer.weights, inputs);
            kernels.rowSums(rate, p.errorNext, 1.0, layer.bias, rowFrom, rowTo, batch);
        } else {
            // G ← G + (dt/τ_LO)(−dt·DW − G);  W ← W − η G   (§2.4)
            double lowPass = spec.dt() / rule.forwardLowPassTau();
            double alpha = -lowPass * spec.dt() / batch;
            kernels.multiply(Transpose.NONE, rowFrom, rowTo, inputs, batch, alpha, p.errorNext, batch, inputsTransposed, inputs,
                    1.0 - lowPass, layer.weightTrace, inputs);
            kernels.addScaled(-layer.learningRate, layer.weightTrace, layer.weights, rowFrom * inputs, rowTo * inputs);
            kernels.rowSums(alpha, p.errorNext, 1.0 - lowPass, layer.biasTrace, rowFrom, rowTo, batch);
            kernels.addScaled(-layer.learningRate, layer.biasTrace, layer.bias, rowFrom, rowTo);
        }
    }

    /** The engine's view of B_ℓ (or D_ℓ) restricted to the rows one thread updates. */
    private final class Projection implements FeedbackProjection {
        private final int layer;
        private final int rowFrom;
        private final int rowTo;

        Projection(int layer, int rowFrom, int rowTo) {
            this.layer = layer;
            this.rowFrom = rowFrom;
            this.rowTo = rowTo;
        }

        @Override
        public int layer() {
            return layer;
        }

        /**
         * Without a matrix (BP transports through the current W_{ℓ+1}ᵀ) a transpose is a no-op;
         * otherwise the image is recorded and set before the next step reads B (see
         * {@link #pendingImage}), which is the same as setting it at the end of this step.
         */
        @Override
        public void setFromForward(ForwardImage image) {
            if (feedback[layer] == null && image == ForwardImage.TRANSPOSE) {
                return;
            }
            requireMatrix("sets B from W");
            pendingImage[layer] = image;
        }

        /** Draws the whole matrix (rules initialise through a view of all rows). */
        @Override
        public void drawRandomFeedback(UniformRandomProvider rng) {
            FeedbackMatrix<A> f = requireMatrix("draws random feedback weights");
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            kernels.load(gaussianMatrix(g, f.rows * f.columns, spec.initialWeightStd()), f.matrix);
        }

        /**
         * The pairs this engine keeps (§2.7): ξ_ℓ with H[ℓ+1] (PAL) or with R[ℓ+1] (weight mirrors), all
         * of this step; R[ℓ] with the
         * update of W_{ℓ+1} (Kolen–Pollack), i.e. the last step's rates, which that update reads, with
         * this step's η_{ℓ+1} dt E[ℓ+1] — so B_ℓ receives exactly ΔW_{ℓ+1}ᵀ.
         */
        @Override
        public void learnFromCorrelation(FeedbackSignal below, FeedbackSignal above, double rate, double decay) {
            if (rate == 0.0) {
                return;
            }
            FeedbackMatrix<A> f = requireMatrix("learns feedback weights");
            double keep = 1.0 - rate * decay;
            if (below == FeedbackSignal.NOISE && above == FeedbackSignal.HIGH_PASSED_RATES) {
                PopulationState<A> noisy = populations[layer];
                PopulationState<A> source = populations[f.source];
                if (source.highPassTransposed == null) {
                    throw new IllegalStateException("feedback rule '" + rule.name()
                            + "' learns from high-passed rates but declares no high-pass time constant");
                }
                if (noisy.noise == null) {
                    kernels.scale(keep, f.matrix, rowFrom * f.columns, rowTo * f.columns);
                } else {
                    kernels.multiply(Transpose.NONE, rowFrom, rowTo, f.columns, batch, rate / batch, noisy.noise, batch,
                            source.highPassTransposed, f.columns, keep, f.matrix, f.columns);
                }
            } else if (below == FeedbackSignal.NOISE && above == FeedbackSignal.RATES) {
                PopulationState<A> noisy = populations[layer];
                PopulationState<A> source = populations[f.source];
                if (noisy.noise == null) {
                    kernels.scale(keep, f.matrix, rowFrom * f.columns, rowTo * f.columns);
                } else {
                    kernels.multiply(Transpose.NONE, rowFrom, rowTo, f.columns, batch, rate / batch, noisy.noise, batch,
                            source.rateTransposedNext, f.columns, keep, f.matrix, f.columns);
                }
            } else if (below == FeedbackSignal.RATES && above == FeedbackSignal.FORWARD_UPDATE) {
                PopulationState<A> upper = populations[layer + 1];
                double eta = forwardLearningRate();
                if (upper.errorTransposed == null || eta == 0) {
                    throw new IllegalStateException("feedback rule '" + rule.name() + "' learns from the update of W_"
                            + (layer + 1) + ", which " + (eta == 0 ? "does not learn now" : "the rule did not declare"));
                }
                kernels.multiply(Transpose.NONE, rowFrom, rowTo, f.columns, batch, rate * eta * spec.dt() / batch,
                        populations[layer].rate, batch, upper.errorTransposed, f.columns, keep, f.matrix, f.columns);
            } else {
                throw new IllegalStateException("LE networks do not learn B from " + below + " and " + above);
            }
        }

        @Override
        public double forwardLearningRate() {
            return training ? layers[layer + 1].learningRate : 0.0;
        }

        private FeedbackMatrix<A> requireMatrix(String what) {
            FeedbackMatrix<A> f = feedback[layer];
            if (f == null) {
                throw new IllegalStateException("feedback rule '" + rule.name() + "' " + what
                        + " but transports errors through the transposed forward weights");
            }
            return f;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Batches, modes, read-outs

    /** Loads a batch: inputs N × n_0 and targets N × n_K, sample-major from the given offsets. */
    void present(float[] inputs, int inputOffset, float[] targets, int targetOffset) {
        int n0 = populations[0].size;
        kernels.load(inputs, inputOffset, populations[0].rateTransposed, 0, n0 * batch);
        kernels.loadTransposed(inputs, inputOffset, populations[0].rate, n0, batch);
        if (targets != null) {
            kernels.loadTransposed(targets, targetOffset, target, populations[layerCount].size, batch);
        } else {
            kernels.fill(target, 0.0, 0, populations[layerCount].size * batch);
        }
        batchPresented = true;
    }

    /**
     * Writes the whole dynamic state for a checkpoint, between steps: every buffer of every
     * population by its role (double buffers included, so nothing depends on which step wrote
     * them), the presented batch, all parameters and traces, pending feedback images, the noise
     * generators, the mode and the step count.
     */
    void writeState(StateWriter out) {
        out.writeInt(layerCount);
        for (PopulationState<A> p : populations) {
            for (A buffer : buffers(p)) {
                writeBuffer(out, buffer);
            }
            out.writeBoolean(p.handDownSignalCurrent);
        }
        writeBuffer(out, target);
        for (int k = 1; k <= layerCount; k++) {
            ForwardLayer<A> layer = layers[k];
            writeBuffer(out, layer.weights);
            writeBuffer(out, layer.bias);
            writeBuffer(out, layer.weightTrace);
            writeBuffer(out, layer.biasTrace);
        }
        for (int l = 1; l < layerCount; l++) {
            writeBuffer(out, feedback[l] == null ? null : feedback[l].matrix);
            out.writeInt(pendingImage[l] == null ? -1 : pendingImage[l].ordinal());
        }
        for (int k = 1; k <= layerCount; k++) {
            out.writeBytes(noiseGenerators[k] == null ? new byte[0] : RandomStreams.saveState(noiseGenerators[k]));
        }
        out.writeBoolean(training);
        out.writeBoolean(inRulePhase);
        out.writeBoolean(batchPresented);
        out.writeLong(stepCount);
    }

    /**
     * Continues from {@link #writeState} of an engine of the same spec.
     *
     * @throws StateMismatchException if the saved state has other sizes or buffers
     */
    void readState(StateReader in) {
        in.expectInt(layerCount, "LE network: layers");
        for (int k = 0; k <= layerCount; k++) {
            PopulationState<A> p = populations[k];
            for (A buffer : buffers(p)) {
                readBuffer(in, buffer, "population " + k);
            }
            p.handDownSignalCurrent = in.readBoolean();
        }
        readBuffer(in, target, "target");
        for (int k = 1; k <= layerCount; k++) {
            ForwardLayer<A> layer = layers[k];
            readBuffer(in, layer.weights, "W_" + k);
            readBuffer(in, layer.bias, "b_" + k);
            readBuffer(in, layer.weightTrace, "low-pass of W_" + k);
            readBuffer(in, layer.biasTrace, "low-pass of b_" + k);
        }
        ForwardImage[] images = ForwardImage.values();
        for (int l = 1; l < layerCount; l++) {
            readBuffer(in, feedback[l] == null ? null : feedback[l].matrix, "B_" + l);
            int image = in.readInt();
            if (image < -1 || image >= images.length) {
                throw new StateMismatchException("LE network: pending image " + image + " of B_" + l);
            }
            pendingImage[l] = image < 0 ? null : images[image];
        }
        for (int k = 1; k <= layerCount; k++) {
            byte[] state = in.readBytes();
            if (noiseGenerators[k] == null) {
                if (state.length != 0) {
                    throw new StateMismatchException("LE network: noise generator saved for noiseless population " + k);
                }
            } else {
                RandomStreams.restoreState(noiseGenerators[k], state);
            }
        }
        training = in.readBoolean();
        inRulePhase = in.readBoolean();
        batchPresented = in.readBoolean();
        stepCount = in.readLong();
    }

    /** Every buffer of a population, in a fixed order, null where it keeps none. */
    private List<A> buffers(PopulationState<A> p) {
        return Arrays.asList(p.voltage, p.membrane, p.rate, p.rateNext, p.rateTransposed, p.rateTransposedNext, p.slope,
                p.slopeNext, p.error, p.errorNext, p.handDownSignal, p.noise, p.highPass, p.highPassTransposed,
                p.errorTransposed);
    }

    private static void writeBuffer(StateWriter out, Object buffer) {
        switch (buffer) {
            case null -> out.writeInt(0);
            case float[] f -> {
                out.writeInt(1);
                out.writeFloats(f);
            }
            case double[] d -> {
                out.writeInt(2);
                out.writeDoubles(d);
            }
            default -> throw new IllegalStateException("unknown buffer type " + buffer.getClass());
        }
    }

    private static void readBuffer(StateReader in, Object buffer, String what) {
        int kind = in.readInt();
        int expected = switch (buffer) {
            case null -> 0;
            case float[] f -> 1;
            case double[] d -> 2;
            default -> throw new IllegalStateException("unknown buffer type " + buffer.getClass());
        };
        if (kind != expected) {
            throw new StateMismatchException("LE network: " + what + ": saved buffer kind " + kind + ", expected " + expected);
        }
        switch (buffer) {
            case null -> { }
            case float[] f -> in.readFloatsInto(f, "LE network: " + what);
            case double[] d -> in.readDoublesInto(d, "LE network: " + what);
            default -> throw new IllegalStateException();
        }
    }

    void setTraining(boolean training) {
        this.training = training;
    }

    boolean isTraining() {
        return training;
    }

    long stepCount() {
        return stepCount;
    }

    LeNetworkSpec spec() {
        return spec;
    }

    int threads() {
        return team.size();
    }

    /**
     * @throws SimulationDivergedException naming the first population with a non-finite rate
     */
    void requireFinite() {
        for (int k = 1; k <= layerCount; k++) {
            PopulationState<A> p = populations[k];
            if (!kernels.allFinite(p.rate, 0, p.size * batch)) {
                throw new SimulationDivergedException(stepCount, k, "rate");
            }
        }
    }

    /** Copies a state quantity of a population into dst, sample-major (N × n) from dstOffset. */
    void read(StateQuantity quantity, int population, float[] dst, int dstOffset) {
        PopulationState<A> p = populations[population];
        A source = switch (quantity) {
            case RATE -> p.rate;
            case RATE_DERIVATIVE -> p.slope;
            case PROSPECTIVE_VOLTAGE -> p.voltage;
            case MEMBRANE_POTENTIAL -> p.membrane;
            case ERROR -> p.error;
            case NOISE -> p.noise;
            case HIGH_PASS -> p.highPass;
        };
        if (source == null) { // not kept (no noise, no high-pass, the input's derivative): zero
            Arrays.fill(dst, dstOffset, dstOffset + p.size * batch, 0f);
            return;
        }
        kernels.storeTransposed(source, p.size, batch, dst, dstOffset);
    }

    /** Sets the membrane potential u_k (sample-major N × n_k); needs {@code integrateMembranePotential}. */
    void setMembranePotential(int population, float[] values) {
        PopulationState<A> p = populations[population];
        if (p.membrane == null) {
            throw new IllegalStateException("the membrane potential is only kept with integrateMembranePotential");
        }
        kernels.loadTransposed(values, 0, p.membrane, p.size, batch);
    }

    double[] forwardWeights(int layer) {
        return kernels.toDoubles(layers[layer].weights);
    }

    double[] biases(int layer) {
        return kernels.toDoubles(layers[layer].bias);
    }

    void setForwardWeights(int layer, double[] weights) {
        kernels.load(weights, layers[layer].weights);
    }

    void setBiases(int layer, double[] bias) {
        kernels.load(bias, layers[layer].bias);
    }

    /** The matrix the rule keeps for projection ℓ, or null for BP (which keeps none). */
    double[] feedbackMatrix(int layer) {
        applyPendingImages();
        FeedbackMatrix<A> f = feedback[layer];
        return f == null ? null : kernels.toDoubles(f.matrix);
    }

    /** Number of columns of the matrix the rule keeps for projection ℓ (n_{ℓ+1}, or n_K for DFA). */
    int feedbackColumns(int layer) {
        FeedbackMatrix<A> f = feedback[layer];
        return f == null ? populations[layer + 1].size : f.columns;
    }

    void setFeedbackMatrix(int layer, double[] values) {
        kernels.load(values, feedback[layer].matrix);
    }

    /** ∠(B_ℓ, W_{ℓ+1}ᵀ): 0 for BP by construction, empty for DFA. */
    OptionalDouble feedbackAngleDegrees(int layer) {
        applyPendingImages();
        return switch (rule.pathway()) {
            case TRANSPOSED_FORWARD -> OptionalDouble.of(0.0);
            case DIRECT_FROM_OUTPUT -> OptionalDouble.empty();
            case FEEDBACK_WEIGHTS -> OptionalDouble.of(kernels.degreesToTranspose(feedback[layer].matrix,
                    layers[layer + 1].weights, populations[layer].size, populations[layer + 1].size));
        };
    }

    /**
     * One stateless feed-forward pass r_k = φ_k(W_k r_{k−1} + b_k) of the batch in {@code inputs}
     * (N × n_0, sample-major): no noise, no errors, no delays, the dynamic state untouched.
     */
    void feedForward(float[] inputs, int inputOffset) {
        FeedForwardScratch<A> s = feedForward;
        if (s == null) {
            @SuppressWarnings("unchecked")
            A[] rates = (A[]) new Object[layerCount + 1];
            int largest = 0;
            for (int k = 0; k <= layerCount; k++) {
                rates[k] = kernels.allocate(populations[k].size * batch);
                largest = Math.max(largest, populations[k].size * batch);
            }
            s = feedForward = new FeedForwardScratch<>(rates, kernels.allocate(largest), kernels.allocate(largest));
        }
        kernels.loadTransposed(inputs, inputOffset, s.rates[0], populations[0].size, batch);
        for (int k = 1; k <= layerCount; k++) {
            PopulationState<A> p = populations[k];
            ForwardLayer<A> layer = layers[k];
            kernels.multiply(Transpose.NONE, 0, p.size, batch, populations[k - 1].size, 1.0, layer.weights,
                    populations[k - 1].size, s.rates[k - 1], batch, 0.0, s.voltage, batch);
            kernels.prospectiveVoltage(s.voltage, layer.bias, null, null, s.voltage, 0, p.size, batch);
            kernels.activate(p.activation, s.voltage, s.rates[k], s.slope, 0, p.size * batch);
        }
    }

    /** Rates of a population from the last {@link #feedForward}, sample-major. */
    void readFeedForward(int population, float[] dst, int dstOffset) {
        if (feedForward == null) {
            throw new IllegalStateException("no feed-forward pass has run");
        }
        kernels.storeTransposed(feedForward.rates[population], populations[population].size, batch, dst, dstOffset);
    }

    @Override
    public void close() {
        team.close();
    }
}
