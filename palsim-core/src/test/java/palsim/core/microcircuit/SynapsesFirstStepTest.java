package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.le.Precision;

/**
 * The synapses-first step order: the lane engine (one seed alone at width 1, and the same seed in a
 * lane of an L-lane group) against {@link SynapsesFirstReference}, a plain transcription of the
 * equations, through stages that switch learning, teaching, noise and the players; and the
 * order's defining invariants (one step of delay per projection, the steady-state readout,
 * a static B^PI).
 */
class SynapsesFirstStepTest {
    private static final long SEED = 77;
    private static final SynapsesFirstReference.NoiseFunction NOISE =
            (refresh, layer, neuron) -> 0.05 * Math.sin(1.3 * refresh + 0.7 * layer + 0.11 * neuron);

    private static MicrocircuitSpec classifier(FeedbackRule rule, boolean staticPi, int... layers) {
        int hidden = layers.length - 2;
        double[] up = new double[layers.length - 1];
        Arrays.fill(up, 2.0);
        up[up.length - 1] = 0.5;
        return MicrocircuitSpec.builder(layers)
                .forwardLearningRates(up)
                .pyramidToInterneuronLearningRates(Circuits.fill(hidden, 0.5))
                .interneuronToPyramidLearningRates(Circuits.fill(hidden, 0.2))
                .initialRanges(new InitialWeightRanges(WeightRange.of(-0.5, 0.5), WeightRange.of(-0.5, 0.5),
                        WeightRange.of(-1, 1), WeightRange.of(-1, 1)))
                .feedbackRule(rule)
                .stepOrder(new SynapsesFirstStepOrder(0.5, staticPi))
                .build();
    }

    private static PhaselessAlignment pal(int hidden) {
        return new PhaselessAlignment(new ExploratoryNoise(Circuits.fill(hidden, 0.01), 0.1, 0.01), 0.1,
                Circuits.fill(hidden, 5.0), Circuits.fill(hidden, 1e-3), 0);
    }

    /**
     * How far the engine may be from the double-precision transcription after 600 steps, relative to
     * the largest value of a quantity. float64: the fused multiply-adds and the order of sums leave a
     * few ulp (2⁻⁵²) per step. float32: every value is rounded to 2⁻²⁴ relative (6e-8) at every
     * operation, and the weights integrate 600 rounded increments, most of them far below one ulp
     * of the weight, so rounding errors add up like a random walk (√600 · 6e-8 ≈ 1.5e-6) on top of
     * the inputs', constants' and noise's own rounding. Measured: at most ≈ 3e-6; 2e-5 leaves a
     * margin and still fails for any real error (a wrong delay or factor moves values by 1e-3 or more).
     */
    private static double tolerance(Precision precision) {
        return precision == Precision.FLOAT64 ? 1e-11 : 2e-5;
    }

    static Stream<Arguments> circuits() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Precision p : Precision.values()) {
            b.add(Arguments.of("PAL 4-30-3", p, classifier(pal(1), false, 4, 30, 3)));
            b.add(Arguments.of("FA 4-30-3, static B^PI", p, classifier(new FeedbackAlignment(), true, 4, 30, 3)));
            b.add(Arguments.of("PAL 5-12-7-3", p, classifier(pal(2), false, 5, 12, 7, 3)));
        }
        return b.build();
    }

    /** A deterministic noise source equal to the reference's, for one lane. */
    private static final class FunctionNoise implements NoiseSource {
        private long refreshes;

        @Override
        public void advance(double[][] xi, int[] n, int lane, int width) {
            for (int l = 1; l < n.length - 1; l++) {
                for (int i = 0; i < n[l]; i++) {
                    xi[l][i * width + lane] = NOISE.value(refreshes, l, i);
                }
            }
            refreshes++;
        }
    }

    private record Stage(int steps, boolean learning, boolean teaching, boolean noise) {}

    private static final Stage[] STAGES = {
        new Stage(260, true, true, true),
        new Stage(120, false, false, true),
        new Stage(140, true, true, true),
        new Stage(80, false, false, false),
    };

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("circuits")
    void theLaneEngineFollowsThePlainTranscriptionThroughEveryStage(String name, Precision precision,
            MicrocircuitSpec doubleSpec) {
        MicrocircuitSpec spec = doubleSpec.toBuilder().precision(precision).build();
        double tol = tolerance(precision);
        // v_api = B·r + B^PI·r^I is a small difference of two sums of size ≈ 1 that cancel in the
        // self-predicting state; in float32 its rounding error is relative to those sums, not to itself
        double apicalScale = precision == Precision.FLOAT64 ? 1e-3 : 1.0;
        int[] n = spec.layers();
        int top = n.length - 1;
        boolean noisy = spec.feedbackRule().noise().isPresent();
        MicrocircuitGroup alone = MicrocircuitGroup.create(spec, SEED);
        long[] groupSeeds = {3, SEED, 5};
        MicrocircuitGroup shared = MicrocircuitGroup.create(spec, groupSeeds);
        SynapsesFirstReference reference = new SynapsesFirstReference(spec, CircuitState.draw(spec, SEED), NOISE);
        if (noisy) {
            alone.useNoiseSource(0, new FunctionNoise());
            for (int k = 0; k < groupSeeds.length; k++) {
                shared.useNoiseSource(k, new FunctionNoise());
            }
        }
        int step = 0;
        for (Stage stage : STAGES) {
            LearningSwitches switches = stage.learning() ? LearningSwitches.ALL : LearningSwitches.OFF;
            for (MicrocircuitGroup g : new MicrocircuitGroup[] {alone, shared}) {
                g.setLearning(switches);
                g.setNoise(stage.noise());
            }
            double[] x0 = input(step, n[0]);
            double[] t0 = target(step, n[top]);
            alone.resetPlayers(x0, t0);
            shared.resetPlayers(Circuits.laned(shared, new double[][] {x0, x0, x0}), Circuits.laned(shared,
                    new double[][] {t0, t0, t0}));
            reference.resetPlayers(x0, t0);
            for (int s = 0; s < stage.steps(); s++, step++) {
                double[] x = input(step - s + (s / 40) * 40, n[0]);
                double[] t = stage.teaching() ? target(step - s + (s / 40) * 40, n[top]) : null;
                alone.step(x, t);
                shared.step(Circuits.laned(shared, new double[][] {x, x, x}),
                        t == null ? null : Circuits.laned(shared, new double[][] {t, t, t}));
                reference.step(x, t, stage.learning(), stage.noise() && noisy);
            }
            String at = name + ", after step " + step;
            for (int l = 1; l <= top; l++) {
                close(alone.somaticVoltage(0, l), reference.V[l], at + ": u_" + l, tol);
                close(alone.prospectiveVoltage(0, l), reference.vBrev[l], at + ": ŭ_" + l, tol);
                close(alone.rates(0, l), reference.r[l], at + ": r_" + l, tol);
                close(alone.basalVoltage(0, l), reference.vB[l], at + ": v_bas_" + l, tol);
                close(alone.forwardWeights(0, l), SynapsesFirstReference.flat(reference.W[l]), at + ": W_" + l, tol);
                assertThat(shared.forwardWeights(1, l)).as(at + ": W_%d width L", l).isEqualTo(alone.forwardWeights(0, l));
                assertThat(shared.prospectiveVoltage(1, l)).as(at + ": ŭ_%d width L", l)
                        .isEqualTo(alone.prospectiveVoltage(0, l));
            }
            for (int l = 1; l < top; l++) {
                close(alone.apicalVoltage(0, l), reference.vA[l], at + ": v_api_" + l, tol, apicalScale);
                close(alone.interneuronProspectiveVoltage(0, l), reference.vBrevI[l], at + ": ŭ_I_" + l, tol);
                close(alone.interneuronDendriteVoltage(0, l), reference.vD[l], at + ": v_den_" + l, tol);
                close(alone.feedbackWeights(0, l), SynapsesFirstReference.flat(reference.B[l]), at + ": B_" + l, tol);
                close(alone.pyramidToInterneuronWeights(0, l), SynapsesFirstReference.flat(reference.WIP[l]),
                        at + ": W_IP_" + l, tol);
                close(alone.interneuronToPyramidWeights(0, l), SynapsesFirstReference.flat(reference.WPI[l]),
                        at + ": B_PI_" + l, tol);
                assertThat(shared.feedbackWeights(1, l)).as(at + ": B_%d width L", l).isEqualTo(alone.feedbackWeights(0, l));
                assertThat(shared.interneuronToPyramidWeights(1, l)).isEqualTo(alone.interneuronToPyramidWeights(0, l));
            }
        }
        CircuitState start = CircuitState.draw(spec, SEED);
        assertThat(alone.forwardWeights(0, 1)).as("W_1 learned").isNotEqualTo(start.weights().forward(1));
        if (noisy) {
            assertThat(alone.feedbackWeights(0, 1)).as("B_1 learned").isNotEqualTo(start.weights().feedback(1));
        }
    }

    @Test
    void eachProjectionDelaysItsSignalByOneStep() {
        MicrocircuitSpec spec = classifier(new FeedbackAlignment(), true, 4, 30, 3);
        MicrocircuitGroup g = MicrocircuitGroup.create(spec, SEED);
        double[] zero = new double[4];
        g.resetPlayers(zero, null);
        for (int t = 0; t < 4000; t++) {
            g.step(zero, null); // settle: every potential at its fixed point for a silent input
        }
        double[] before1 = g.basalVoltage(0, 1);
        double[] before2 = g.basalVoltage(0, 2);
        double[] beforeApical = g.apicalVoltage(0, 1);
        double[] x = {0.9, 0.1, 0.1, 0.9};
        g.step(x, null); // the input player shows x from this step on
        assertThat(change(g.basalVoltage(0, 1), before1)).as("hidden basal in the switch step").isLessThan(1e-12);
        g.step(x, null);
        assertThat(change(g.basalVoltage(0, 1), before1)).as("hidden basal one step later").isGreaterThan(1e-3);
        assertThat(change(g.basalVoltage(0, 2), before2)).as("output basal one step later").isLessThan(1e-12);
        g.step(x, null);
        assertThat(change(g.basalVoltage(0, 2), before2)).as("output basal two steps later").isGreaterThan(1e-4);
        assertThat(change(g.apicalVoltage(0, 1), beforeApical)).as("apical two steps later").isLessThan(1e-12);
        g.step(x, null);
        assertThat(change(g.apicalVoltage(0, 1), beforeApical)).as("apical three steps later").isGreaterThan(1e-5);
    }

    @Test
    void theProspectiveOutputVoltageIsTheSteadyStateOfItsInputs() {
        MicrocircuitSpec spec = classifier(new FeedbackAlignment(), true, 4, 30, 3);
        Conductances c = spec.conductances();
        MicrocircuitGroup g = MicrocircuitGroup.create(spec, SEED);
        double[] x = {0.2, 0.7, 0.8, 0.3};
        double[] t = {1.0, 0.1, 0.1};
        g.resetPlayers(x, t);
        for (int s = 0; s < 10; s++) {
            g.step(x, t);
        }
        double[] vBas = g.basalVoltage(0, 2);
        double total = c.leak() + c.basal() + c.targetNudging();
        for (int i = 0; i < 3; i++) {
            double steady = (c.basal() * vBas[i] + c.targetNudging() * t[i]) / total;
            assertThat(g.outputProspectiveVoltage(0, i)).isCloseTo(steady, org.assertj.core.data.Offset.offset(1e-14));
        }
        g.step(x, null);
        vBas = g.basalVoltage(0, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(g.outputProspectiveVoltage(0, i)).as("free output")
                    .isCloseTo(c.basal() / (c.leak() + c.basal()) * vBas[i], org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void aStaticInterneuronToPyramidProjectionKeepsMinusB() {
        MicrocircuitSpec spec = classifier(new FeedbackAlignment(), true, 4, 30, 3);
        MicrocircuitGroup g = MicrocircuitGroup.create(spec, SEED, SEED + 1);
        g.setLearning(LearningSwitches.ALL);
        double[] x = Circuits.allLanes(g, 0.3, 0.6, 0.7, 0.4);
        double[] t = Circuits.allLanes(g, 0.1, 1.0, 0.1);
        g.resetPlayers(x, t);
        for (int s = 0; s < 300; s++) {
            g.step(x, t);
        }
        for (int k = 0; k < 2; k++) {
            double[] b = g.feedbackWeights(k, 1);
            double[] bpi = g.interneuronToPyramidWeights(k, 1);
            for (int i = 0; i < b.length; i++) {
                assertThat(bpi[i]).isEqualTo(-b[i]);
            }
            assertThat(g.pyramidToInterneuronWeights(k, 1)).as("W^IP learns").isNotEqualTo(
                    CircuitState.draw(spec, k == 0 ? SEED : SEED + 1).weights().pyramidToInterneuron(1));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Precision.class)
    void aRestoredSnapshotContinuesBitForBit(Precision precision) {
        MicrocircuitSpec spec = classifier(pal(1), false, 4, 30, 3).toBuilder().precision(precision).build();
        MicrocircuitGroup original = MicrocircuitGroup.create(spec, SEED);
        original.setLearning(LearningSwitches.ALL);
        original.setNoise(true);
        double[] x = {0.3, 0.6, 0.7, 0.4};
        double[] t = {0.1, 1.0, 0.1};
        original.resetPlayers(x, t);
        for (int s = 0; s < 200; s++) {
            original.step(input(s / 30, 4), target(s, 3));
        }
        MicrocircuitGroup copy = MicrocircuitGroup.create(spec, SEED + 9);
        copy.restore(0, original.snapshot(0));
        for (MicrocircuitGroup g : new MicrocircuitGroup[] {original, copy}) {
            g.setLearning(LearningSwitches.ALL);
            g.setNoise(false); // the noise generator's state is not part of the circuit's state
            for (int s = 200; s < 300; s++) {
                g.step(input(s / 30, 4), target(s, 3));
            }
        }
        CircuitSnapshot a = original.snapshot(0);
        CircuitSnapshot b = copy.snapshot(0);
        for (CircuitQuantity q : CircuitQuantity.values()) {
            for (int l = q.firstLayer(spec.layers()); l <= q.lastLayer(spec.layers()); l++) {
                assertThat(b.get(q, l)).as("%s layer %d", q, l).isEqualTo(a.get(q, l));
            }
        }
    }

    @Test
    void playersAndTheNoiseSwitchBelongToTheSynapsesFirstOrderOnly() {
        MicrocircuitGroup numpy = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 1);
        assertThatThrownBy(() -> numpy.setNoise(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step_order genn");
        assertThatThrownBy(() -> numpy.resetPlayers(new double[5], null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SynapsesFirstStepOrder(0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tau_forward_low_pass");
        MicrocircuitSpec nonProspective = classifier(new FeedbackAlignment(), true, 4, 30, 3).toBuilder()
                .prospectiveFactor(0).build();
        assertThatThrownBy(() -> MicrocircuitGroup.create(nonProspective, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taur");
    }

    private static double change(double[] now, double[] before) {
        double max = 0;
        for (int i = 0; i < now.length; i++) {
            max = Math.max(max, Math.abs(now[i] - before[i]));
        }
        return max;
    }

    private static double[] input(int sample, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = 0.5 + 0.45 * Math.sin(0.37 * sample + 1.1 * i);
        }
        return x;
    }

    private static double[] target(int sample, int size) {
        double[] t = new double[size];
        Arrays.fill(t, 0.1);
        t[Math.floorMod(sample / 40, size)] = 1.0;
        return t;
    }

    private static void close(double[] actual, double[] expected, String what, double relative) {
        close(actual, expected, what, relative, 1e-3);
    }

    /** |actual − expected| ≤ relative · max(largest |expected|, minScale), element by element. */
    private static void close(double[] actual, double[] expected, String what, double relative, double minScale) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tolerance = relative * Math.max(scale, minScale);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
        }
    }
}
