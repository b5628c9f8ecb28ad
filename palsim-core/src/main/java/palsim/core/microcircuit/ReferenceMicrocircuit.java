package palsim.core.microcircuit;

import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackProjection;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.feedback.ForwardImage;
import palsim.core.linalg.DoubleReferenceMatrixKernels;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;

/**
 * The plain scalar reference of the microcircuit: one seed, straightforward double loops that
 * follow microcircuit.md §2.3 line by line, and {@link Activation#value}. It exists to check the
 * lane engine ({@link MicrocircuitGroup}) against; it is slow and not meant for experiments.
 *
 * <p>It starts from the same {@link CircuitState} and draws its noise from the same per-seed
 * stream ({@code RandomStreams.seeded(seed)}, standard normals by layer, then neuron) as the lane
 * engine, so the two agree to rounding.
 *
 * <p>Fields use the spec's symbols: {@code u}, {@code uOld}, {@code uBreve} (ŭ), {@code r},
 * {@code uI}, {@code vBas}, {@code vDen}, {@code vApi}, {@code W}, {@code WIP}, {@code B},
 * {@code BPI}, {@code xi} (ξ), {@code h}, {@code D}; arrays are indexed by the 1-based ℓ.
 */
public final class ReferenceMicrocircuit {
    private final MicrocircuitSpec spec;
    private final int N;
    private final int[] n;
    private final Conductances g;
    private final double dt;
    private final FeedbackRule rule;
    private final Optional<ExploratoryNoise> noise;
    private NoiseSource noiseSource;
    private long steps;

    private final double[][] u;
    private final double[][] uOld;
    private final double[][] uBreve;
    private final double[][] r;
    private final double[][] vBas;
    private final double[][] uI;
    private final double[][] uIOld;
    private final double[][] rI;
    private final double[][] vDen;
    private final double[][] vApi;
    private final double[][] uIBreve;
    private double[] xLast;
    // the values of the step before the last one (§2.3.1), which the next step's updates read
    private double[][] rPrev;
    private double[][] rIPrev;
    private double[][] vBasPrev;
    private double[][] vDenPrev;
    private double[][] vApiPrev;
    private final double[][] W;
    private final double[][] WIP;
    private final double[][] B;
    private final double[][] BPI;
    private final double[][] xi;
    private final double[][] h;
    private final double[][] D;
    private final double[][] dW;

    private LearningSwitches switches = LearningSwitches.OFF;
    private boolean observeForwardUpdates;

    /** A reference circuit for seed {@code seed}, initialised as {@link CircuitState#draw}. */
    public ReferenceMicrocircuit(MicrocircuitSpec spec, long seed) {
        this(spec, seed, CircuitState.draw(spec, seed));
    }

    /** A reference circuit starting from {@code initial}; {@code seed} seeds its own generator. */
    public ReferenceMicrocircuit(MicrocircuitSpec spec, long seed, CircuitState initial) {
        if (!(spec.stepOrder() instanceof RatesFirstStepOrder)) {
            throw new IllegalArgumentException("the reference microcircuit implements step_order "
                    + RatesFirstStepOrder.CONFIG_NAME + " only, got " + spec.stepOrder().configName());
        }
        this.spec = spec;
        this.N = spec.pyramidalLayers();
        this.n = spec.layers();
        this.g = spec.conductances();
        this.dt = spec.dt();
        this.rule = spec.feedbackRule();
        this.noise = rule.noise();
        UniformRandomProvider rng = RandomStreams.seeded(seed);
        this.noiseSource = noise.isPresent()
                ? new LiteralNoise(noise.get(), ZigguratSampler.NormalizedGaussian.of(rng))
                : null;

        u = new double[N + 1][];
        uOld = new double[N + 1][];
        uBreve = new double[N + 1][];
        r = new double[N + 1][];
        vBas = new double[N + 1][];
        W = new double[N + 1][];
        h = new double[N + 1][];
        D = new double[N + 1][];
        dW = new double[N + 1][];
        for (int l = 1; l <= N; l++) {
            u[l] = initial.somaticVoltage(l);
            uOld[l] = u[l].clone();
            uBreve[l] = u[l].clone();
            r[l] = phi(l, u[l]);
            vBas[l] = new double[n[l]];
            W[l] = initial.weights().forward(l);
            h[l] = rule.highPassTau() > 0 ? phi(l, u[l]) : new double[n[l]];
            D[l] = new double[n[l] * n[l - 1]];
            dW[l] = new double[n[l] * n[l - 1]];
        }
        uI = new double[N][];
        uIOld = new double[N][];
        uIBreve = new double[N][];
        rI = new double[N][];
        vDen = new double[N][];
        vApi = new double[N][];
        WIP = new double[N][];
        B = new double[N][];
        BPI = new double[N][];
        xi = new double[N][];
        for (int l = 1; l <= N - 1; l++) {
            uI[l] = initial.interneuronVoltage(l);
            uIOld[l] = uI[l].clone();
            uIBreve[l] = uI[l].clone();
            rI[l] = phi(l + 1, uI[l]);
            vDen[l] = new double[n[l + 1]];
            vApi[l] = new double[n[l]];
            WIP[l] = initial.weights().pyramidToInterneuron(l);
            B[l] = initial.weights().feedback(l);
            BPI[l] = initial.weights().interneuronToPyramid(l);
            xi[l] = new double[n[l]];
        }
        xLast = new double[n[0]];
        rPrev = deepCopy(r);
        rIPrev = deepCopy(rI);
        vBasPrev = deepCopy(vBas);
        vDenPrev = deepCopy(vDen);
        vApiPrev = deepCopy(vApi);
    }

    public void setLearning(LearningSwitches switches) {
        this.switches = switches;
    }

    public void observeForwardUpdates(boolean observe) {
        this.observeForwardUpdates = observe;
    }

    /** One step with input x(t) and target u^tgt(t) (null: free output). */
    public void step(double[] x, double[] target) {
        // 1. save previous values
        rPrev = deepCopy(r);
        rIPrev = deepCopy(rI);
        double[] xPrev = xLast.clone();
        vBasPrev = deepCopy(vBas);
        vDenPrev = deepCopy(vDen);
        vApiPrev = deepCopy(vApi);

        // 2. prospective voltages and rates of the state before the update
        double taur = spec.prospectiveFactor();
        for (int l = 1; l <= N; l++) {
            double tau = l == N ? 1 / g.outputTotal() : 1 / g.hiddenTotal();
            for (int i = 0; i < n[l]; i++) {
                uBreve[l][i] = uOld[l][i] + taur * tau * (u[l][i] - uOld[l][i]) / dt;
            }
            r[l] = phi(l, uBreve[l]);
        }
        for (int l = 1; l <= N - 1; l++) {
            double tau = 1 / g.interneuronTotal();
            for (int i = 0; i < n[l + 1]; i++) {
                uIBreve[l][i] = uIOld[l][i] + taur * tau * (uI[l][i] - uIOld[l][i]) / dt;
            }
            rI[l] = phi(l + 1, uIBreve[l]);
        }
        xLast = x.clone();

        // 3. shift buffers
        for (int l = 1; l <= N; l++) {
            uOld[l] = u[l].clone();
        }
        for (int l = 1; l <= N - 1; l++) {
            uIOld[l] = uI[l].clone();
        }

        // 4. dendritic potentials
        vBas[1] = DoubleReferenceMatrixKernels.matVec(W[1], n[1], n[0], x);
        for (int l = 2; l <= N; l++) {
            vBas[l] = DoubleReferenceMatrixKernels.matVec(W[l], n[l], n[l - 1], r[l - 1]);
        }
        // a phased rule (weight mirrors) injects noise and learns only in its schedule's phases
        boolean inRulePhase = rule.schedule().map(p -> p.active(steps, dt)).orElse(true);
        steps++;
        boolean noisy = noise.isPresent() && switches.feedback() && inRulePhase;
        double[][] apicalDrive = new double[N][];
        for (int l = 1; l <= N - 1; l++) {
            vDen[l] = DoubleReferenceMatrixKernels.matVec(WIP[l], n[l + 1], n[l], r[l]);
            int src = spec.feedbackSource(l); // ℓ+1; N for DFA: B^D_ℓ (r_N − r^I_{N−1}) with B^PI = −B^D
            double[] top = DoubleReferenceMatrixKernels.matVec(B[l], n[l], n[src], r[src]);
            double[] lateral = DoubleReferenceMatrixKernels.matVec(BPI[l], n[l], n[src], rI[src - 1]);
            for (int i = 0; i < n[l]; i++) {
                vApi[l][i] = top[i] + lateral[i];
            }
            apicalDrive[l] = vApi[l].clone();
            if (noisy) {
                for (int i = 0; i < n[l]; i++) {
                    apicalDrive[l][i] += xi[l][i];
                }
            }
        }

        // 5. noise refresh
        if (noisy) {
            noiseSource.advance(xi, n, 0, 1);
        }

        // 6. somatic increments
        double[][] duI = new double[N][];
        for (int l = 1; l <= N - 1; l++) {
            duI[l] = new double[n[l + 1]];
            double gTotal = g.interneuronTotal();
            for (int i = 0; i < n[l + 1]; i++) {
                double eff = (g.dendrite() * vDen[l][i] + g.interneuronNudging() * uBreve[l + 1][i]) / gTotal;
                duI[l][i] = dt * gTotal * (eff - uI[l][i]);
            }
        }
        double[][] du = new double[N + 1][];
        for (int l = 1; l <= N - 1; l++) {
            du[l] = new double[n[l]];
            double gTotal = g.hiddenTotal();
            for (int i = 0; i < n[l]; i++) {
                double eff = (g.basal() * vBas[l][i] + g.apical() * apicalDrive[l][i]) / gTotal;
                du[l][i] = dt * gTotal * (eff - u[l][i]);
            }
        }
        du[N] = new double[n[N]];
        for (int i = 0; i < n[N]; i++) {
            double eff = target != null
                    ? (g.basal() * vBas[N][i] + g.targetNudging() * target[i]) / g.outputTotal()
                    : g.basal() * vBas[N][i] / (g.leak() + g.basal());
            du[N][i] = dt * g.outputTotal() * (eff - u[N][i]);
        }

        // 7. plasticity
        double[][] dWIP = new double[N][];
        double[][] dBPI = new double[N][];
        for (int l = 1; l <= N; l++) {
            double a = l == N ? g.outputBasalAttenuation() : g.hiddenBasalAttenuation();
            double[] pre = l == 1 ? xPrev : rPrev[l - 1];
            double eta = spec.forwardLearningRate(l);
            for (int i = 0; i < n[l]; i++) {
                double post = r[l][i] - spec.activation(l).value(a * vBasPrev[l][i]);
                for (int j = 0; j < n[l - 1]; j++) {
                    dW[l][i * n[l - 1] + j] = dt * eta * post * pre[j];
                }
            }
        }
        for (int l = 1; l <= N - 1; l++) {
            dWIP[l] = new double[n[l + 1] * n[l]];
            double eta = spec.pyramidToInterneuronLearningRate(l);
            for (int i = 0; i < n[l + 1]; i++) {
                double post = rI[l][i] - spec.activation(l + 1).value(g.interneuronDendriteAttenuation() * vDenPrev[l][i]);
                for (int j = 0; j < n[l]; j++) {
                    dWIP[l][i * n[l] + j] = dt * eta * post * rPrev[l][j];
                }
            }
            int src = spec.feedbackSource(l);
            dBPI[l] = new double[n[l] * n[src]];
            double etaPI = spec.interneuronToPyramidLearningRate(l);
            for (int i = 0; i < n[l]; i++) {
                for (int j = 0; j < n[src]; j++) {
                    dBPI[l][i * n[src] + j] = -dt * etaPI * vApiPrev[l][i] * rIPrev[src - 1][j];
                }
            }
        }

        // 8. apply
        for (int l = 1; l <= N; l++) {
            for (int i = 0; i < n[l]; i++) {
                u[l][i] += du[l][i];
            }
        }
        for (int l = 1; l <= N - 1; l++) {
            for (int i = 0; i < n[l + 1]; i++) {
                uI[l][i] += duI[l][i];
            }
        }
        for (int l = 1; l <= N - 1; l++) {
            rule.update(new Projection(l), dt, switches.feedback() && inRulePhase);
        }
        if (switches.lateral()) {
            for (int l = 1; l <= N - 1; l++) {
                addInPlace(BPI[l], dBPI[l]);
                addInPlace(WIP[l], dWIP[l]);
            }
        }
        if (switches.forward()) {
            double tauLo = rule.forwardLowPassTau();
            for (int l = 1; l <= N; l++) {
                if (rule.forwardDecay() != 0) {
                    double keep = 1.0 - dt * spec.forwardLearningRate(l) * rule.forwardDecay();
                    for (int k = 0; k < W[l].length; k++) {
                        W[l][k] = keep * W[l][k];
                    }
                }
                if (tauLo > 0) {
                    for (int k = 0; k < D[l].length; k++) {
                        D[l][k] += (dt / tauLo) * (dW[l][k] - D[l][k]);
                    }
                    addInPlace(W[l], D[l]);
                } else {
                    addInPlace(W[l], dW[l]);
                }
            }
        }

        // 10. high-pass
        if (rule.highPassTau() > 0) {
            for (int l = 1; l <= N; l++) {
                for (int i = 0; i < n[l]; i++) {
                    h[l][i] = h[l][i] + (r[l][i] - rPrev[l][i]) - (dt / rule.highPassTau()) * h[l][i];
                }
            }
        }
    }

    /**
     * Replaces where this circuit's exploratory noise comes from (by default the rule's OU process,
     * written as the reference writes it, on the circuit's own generator).
     *
     * @throws IllegalStateException if the feedback rule injects no noise
     */
    public void useNoiseSource(NoiseSource source) {
        if (noiseSource == null) {
            throw new IllegalStateException("the feedback rule " + rule.name() + " injects no noise");
        }
        noiseSource = Objects.requireNonNull(source, "source");
    }

    /** The whole dynamic state now, as {@link MicrocircuitGroup#snapshot(int)} gives it. */
    public CircuitSnapshot snapshot() {
        return CircuitSnapshot.capture(n, spec.feedbackSources(), storage());
    }

    /** Continues from {@code snapshot}, as {@link MicrocircuitGroup#restore(int, CircuitSnapshot)} does. */
    public void restore(CircuitSnapshot snapshot) {
        snapshot.restoreInto(n, spec.feedbackSources(), storage());
    }

    private CircuitSnapshot.Storage storage() {
        return new CircuitSnapshot.Storage() {
            @Override
            public double[] read(CircuitQuantity q, int layer, int size) {
                double[] v = arrayOf(q, layer);
                return v == null ? null : v.clone();
            }

            @Override
            public void write(CircuitQuantity q, int layer, double[] values) {
                double[] target = arrayOf(q, layer);
                System.arraycopy(values, 0, target, 0, target.length);
            }
        };
    }

    /** Where {@code q} of layer l lives, or null where the rule keeps no such state. */
    private double[] arrayOf(CircuitQuantity q, int l) {
        return switch (q) {
            case SOMATIC_VOLTAGE -> u[l];
            case PREVIOUS_SOMATIC_VOLTAGE -> uOld[l];
            case PROSPECTIVE_VOLTAGE -> uBreve[l];
            case RATE -> r[l];
            case PREVIOUS_RATE -> rPrev[l];
            case HIGH_PASS -> rule.highPassTau() > 0 ? h[l] : null;
            case BASAL_POTENTIAL -> vBas[l];
            case PREVIOUS_BASAL_POTENTIAL -> vBasPrev[l];
            case INTERNEURON_VOLTAGE -> uI[l];
            case PREVIOUS_INTERNEURON_VOLTAGE -> uIOld[l];
            case INTERNEURON_PROSPECTIVE_VOLTAGE -> uIBreve[l];
            case INTERNEURON_RATE -> rI[l];
            case PREVIOUS_INTERNEURON_RATE -> rIPrev[l];
            case DENDRITIC_POTENTIAL -> vDen[l];
            case PREVIOUS_DENDRITIC_POTENTIAL -> vDenPrev[l];
            case APICAL_POTENTIAL -> vApi[l];
            case PREVIOUS_APICAL_POTENTIAL -> vApiPrev[l];
            case NOISE -> noise.isPresent() ? xi[l] : null;
            case LAST_INPUT -> xLast;
            case FORWARD_WEIGHTS -> W[l];
            case FORWARD_LOW_PASS -> rule.forwardLowPassTau() > 0 ? D[l] : null;
            case PYRAMID_TO_INTERNEURON_WEIGHTS -> WIP[l];
            case FEEDBACK_WEIGHTS -> B[l];
            case INTERNEURON_TO_PYRAMID_WEIGHTS -> BPI[l];
            case PREVIOUS_INPUT, TARGET_RATE, PYRAMID_TO_INTERNEURON_LOW_PASS, INTERNEURON_TO_PYRAMID_LOW_PASS -> null;
        };
    }

    public double[] somaticVoltage(int l) {
        return u[l].clone();
    }

    public double[] interneuronVoltage(int l) {
        return uI[l].clone();
    }

    public double[] prospectiveVoltage(int l) {
        return uBreve[l].clone();
    }

    public double[] rates(int l) {
        return r[l].clone();
    }

    public double[] basalVoltage(int l) {
        return vBas[l].clone();
    }

    public double[] apicalVoltage(int l) {
        return vApi[l].clone();
    }

    public double[] noise(int l) {
        return xi[l].clone();
    }

    /** h_ℓ; zeros if the rule keeps no high-pass trace. */
    public double[] highPass(int l) {
        return h[l].clone();
    }

    public double[] forwardWeights(int l) {
        return W[l].clone();
    }

    public double[] pyramidToInterneuronWeights(int l) {
        return WIP[l].clone();
    }

    public double[] feedbackWeights(int l) {
        return B[l].clone();
    }

    public double[] interneuronToPyramidWeights(int l) {
        return BPI[l].clone();
    }

    /** Raw ΔW_ℓ of the last step (always computed here). */
    public double[] forwardUpdate(int l) {
        return dW[l].clone();
    }

    private double[] phi(int l, double[] v) {
        Activation a = spec.activation(l);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = a.value(v[i]);
        }
        return out;
    }


    private static void addInPlace(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    private static boolean allZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    /** B_ℓ of this circuit as the feedback rule sees it. */
    private final class Projection implements FeedbackProjection {
        private final int l;

        Projection(int l) {
            this.l = l;
        }

        @Override
        public int layer() {
            return l;
        }

        @Override
        public void setFromForward(ForwardImage image) {
            switch (image) {
                case TRANSPOSE -> RowMajorTies.tieTransposed(W[l + 1], B[l], BPI[l], n[l], n[l + 1]);
                case SCALED_SIGN_OF_TRANSPOSE -> {
                    double sum = 0.0;
                    for (double w : W[l + 1]) {
                        sum += Math.abs(w);
                    }
                    double m = sum / W[l + 1].length;
                    for (int i = 0; i < n[l]; i++) {
                        for (int j = 0; j < n[l + 1]; j++) {
                            B[l][i * n[l + 1] + j] = m * Math.signum(W[l + 1][j * n[l] + i]);
                            BPI[l][i * n[l + 1] + j] = -B[l][i * n[l + 1] + j];
                        }
                    }
                }
            }
        }

        @Override
        public void drawRandomFeedback(UniformRandomProvider rng) {
            throw new IllegalStateException("B is drawn when the circuit is built");
        }

        /** Written from the definitions: B += rate·(x yᵀ − decay·B); KP's x yᵀ is ΔW_{ℓ+1}ᵀ itself. */
        @Override
        public void learnFromCorrelation(FeedbackSignal below, FeedbackSignal above, double rate, double decay) {
            for (int i = 0; i < n[l]; i++) {
                for (int j = 0; j < n[l + 1]; j++) {
                    int k = i * n[l + 1] + j;
                    double correlation = switch (below) {
                        case NOISE -> xi[l][i] * switch (above) {
                            case HIGH_PASSED_RATES -> h[l + 1][j];
                            case RATES -> r[l + 1][j];
                            default -> throw unsupported(below, above);
                        };
                        case RATES -> {
                            if (above != FeedbackSignal.FORWARD_UPDATE) {
                                throw unsupported(below, above);
                            }
                            yield dW[l + 1][j * n[l] + i];
                        }
                        default -> throw unsupported(below, above);
                    };
                    B[l][k] += rate * (correlation - decay * B[l][k]);
                }
            }
        }

        @Override
        public double forwardLearningRate() {
            return switches.forward() ? spec.forwardLearningRate(l + 1) : 0.0;
        }

        private IllegalStateException unsupported(FeedbackSignal below, FeedbackSignal above) {
            return new IllegalStateException("the reference microcircuit does not learn B from " + below + " and " + above);
        }
    }

    /**
     * The OU noise as the reference writes it, ξ ← ξ + (1/τ_ξ)(−dt ξ + √(dt τ_ξ) σ z), with its
     * refresh counter (one for all layers; a layer whose ξ is exactly zero refreshes anyway).
     */
    private final class LiteralNoise implements NoiseSource {
        private final ExploratoryNoise settings;
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private long refreshCounter;

        LiteralNoise(ExploratoryNoise settings, ZigguratSampler.NormalizedGaussian gaussian) {
            this.settings = settings;
            this.gaussian = gaussian;
        }

        @Override
        public void advance(double[][] noise, int[] sizes, int lane, int width) {
            boolean scheduled = refreshCounter % settings.refreshSteps(dt) == 0;
            refreshCounter++;
            for (int l = 1; l <= N - 1; l++) {
                if (!scheduled && !allZero(noise[l])) {
                    continue;
                }
                double sigma = settings.stdOf(l);
                double tauXi = settings.tau();
                for (int i = 0; i < sizes[l]; i++) {
                    double w = sigma * gaussian.sample();
                    noise[l][i] = noise[l][i] + (1 / tauXi) * (-dt * noise[l][i] + Math.sqrt(dt * tauXi) * w);
                }
            }
        }
    }
}
