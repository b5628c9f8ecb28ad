package palsim.core.microcircuit;

import palsim.core.le.Precision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.neuron.Activation;

/**
 * A seed's results do not depend on the lane width of its group: the seed alone (width 1, the
 * scalar kernels) and the same seed in a lane of groups of 2, 3 and L seeds (width L, the vector
 * kernels) have bit-identical voltages, rates, potentials, noise, traces and weights after every
 * recorded step, in every configuration of the engine and in both precisions (float32 has its own
 * L and its own kernels).
 */
class LaneWidthTest {
    private static final long SEED = 4242;
    private static final int STEPS = 300;
    private static final int STEPS_PER_SAMPLE = 20;
    private static final int CHECK_EVERY = 25;

    private record Config(String name, MicrocircuitSpec spec, LearningSwitches learning, boolean withTarget,
            boolean observeUpdates) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static PhaselessAlignment pal(int hidden, double lowPassTau) {
        PhaselessAlignment p = Circuits.fig1bPal(hidden);
        return new PhaselessAlignment(p.exploratoryNoise(), p.highPassTau(), p.learningRates(), p.decay(), lowPassTau);
    }

    /** PAL whose noise is refreshed every 3 steps only, with a larger σ (the lane-wise refresh path). */
    private static PhaselessAlignment slowNoisePal() {
        return new PhaselessAlignment(new ExploratoryNoise(new double[] {0.2, 0.2, 0.2}, 0.1, 0.03), 0.1,
                new double[] {50, 50, 50}, new double[] {1e-5, 1e-5, 1e-5}, 0);
    }

    static Stream<Config> configurations() {
        List<Config> c = new ArrayList<>();
        c.add(new Config("fig1b PAL bw_only", Circuits.fig1b(Circuits.fig1bPal(3)), LearningSwitches.BACKWARD_ONLY, false,
                false));
        c.add(new Config("fig1b BP bw_only", Circuits.fig1b(Circuits.bp()), LearningSwitches.BACKWARD_ONLY, false, false));
        c.add(new Config("fig1b FA bw_only", Circuits.fig1b(Circuits.fa()), LearningSwitches.BACKWARD_ONLY, false, false));
        c.add(new Config("fig1b BP all, target, observed ΔW", Circuits.fig1b(Circuits.bp()).toBuilder()
                .pyramidToInterneuronLearningRates(0.3, 0.3, 0.3).build(), LearningSwitches.ALL, true, true));
        c.add(new Config("fig1b FA learning off, observed ΔW", Circuits.fig1b(Circuits.fa()), LearningSwitches.OFF, true,
                true));
        c.add(new Config("fig1b PAL all, target, τ_LO", Circuits.fig1b(pal(3, 5.0)), LearningSwitches.ALL, true, true));
        c.add(new Config("fig1b PAL all, target, no τ_LO", Circuits.fig1b(pal(3, 0)), LearningSwitches.ALL, true, false));
        c.add(new Config("fig1b PAL slow noise refresh", Circuits.fig1b(slowNoisePal()), LearningSwitches.ALL, true,
                false));
        c.add(new Config("fig1d PAL student, all learning", Circuits.fig1dStudent(Circuits.fig1dPal()),
                LearningSwitches.ALL, true, false));
        c.add(new Config("fig1d BP student, all learning", Circuits.fig1dStudent(Circuits.bp()), LearningSwitches.ALL,
                true, true));
        c.add(new Config("fig1d PAL student, free output", Circuits.fig1dStudent(Circuits.fig1dPal()),
                LearningSwitches.ALL, false, false));
        // tanh runs in the lane kernels' own φ loop, the others through Activation's array kernel
        // (linear, ReLU and softplus take the same path and diverge with these rates)
        for (Activation phi : new Activation[] {Activation.TANH, Activation.HARD_SIGMOID, Activation.CLAMP01}) {
            c.add(new Config("fig1b PAL " + phi + " (nonlinear regime)", Circuits.fig1b(pal(3, 0)).toBuilder()
                    .activation(phi).pyramidToInterneuronLearningRates(0.2, 0.2, 0.2).build(), LearningSwitches.ALL,
                    true, true));
        }
        c.add(new Config("fig1b PAL non-prospective", Circuits.fig1b(pal(3, 0)).toBuilder().prospectiveFactor(0).build(),
                LearningSwitches.ALL, true, false));
        c.add(new Config("fig1b PAL rates-first order", Circuits.fig1b(Circuits.fig1bPal(3)).toBuilder()
                .stepOrder(RatesFirstStepOrder.INSTANCE).build(), LearningSwitches.ALL, true, false));
        c.add(new Config("fig1b FA no self-predicting start", Circuits.fig1b(Circuits.fa()).toBuilder()
                .selfPredictingStart(false).pyramidToInterneuronLearningRates(0.5, 0.5, 0.5).build(),
                LearningSwitches.ALL, true, false));
        return c.stream();
    }

    /** A full group of L seeds of {@code precision} with {@link #SEED} in the last lane. */
    private static long[] fullGroup(Precision precision) {
        long[] seeds = new long[MicrocircuitGroup.lanes(precision)];
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = 20 + k;
        }
        seeds[seeds.length - 1] = SEED;
        return seeds;
    }

    static Stream<Arguments> configurationsAndGroups() {
        return configurations().flatMap(c -> Stream.of(
                Arguments.of(c, Precision.FLOAT64, new long[] {11, 12, SEED, 13}),
                Arguments.of(c, Precision.FLOAT64, new long[] {SEED, 14}),
                Arguments.of(c, Precision.FLOAT64, new long[] {15, 16, SEED}),
                Arguments.of(c, Precision.FLOAT32, fullGroup(Precision.FLOAT32)),
                Arguments.of(c, Precision.FLOAT32, new long[] {SEED, 14, 17})));
    }

    @ParameterizedTest(name = "{0}, {1}, group {2}")
    @MethodSource("configurationsAndGroups")
    void aSeedHasTheSameBitsAloneAndInAGroup(Config base, Precision precision, long[] groupSeeds) {
        Config config = new Config(base.name(), base.spec().toBuilder().precision(precision).build(), base.learning(),
                base.withTarget(), base.observeUpdates());
        MicrocircuitGroup alone = MicrocircuitGroup.create(config.spec(), SEED);
        MicrocircuitGroup shared = MicrocircuitGroup.create(config.spec(), groupSeeds);
        assertThat(alone.width()).isEqualTo(1);
        assertThat(shared.width()).isEqualTo(MicrocircuitGroup.lanes(precision));
        int lane = indexOf(groupSeeds, SEED);
        for (MicrocircuitGroup g : new MicrocircuitGroup[] {alone, shared}) {
            g.setLearning(config.learning());
            g.observeForwardUpdates(config.observeUpdates());
        }
        int[] n = config.spec().layers();
        int top = n.length - 1;
        for (int t = 0; t < STEPS; t++) {
            int block = t / STEPS_PER_SAMPLE;
            alone.step(perLane(alone, new long[] {SEED}, n[0], block, LaneWidthTest::input),
                    config.withTarget() ? perLane(alone, new long[] {SEED}, n[top], block, LaneWidthTest::target) : null);
            shared.step(perLane(shared, groupSeeds, n[0], block, LaneWidthTest::input),
                    config.withTarget() ? perLane(shared, groupSeeds, n[top], block, LaneWidthTest::target) : null);
            if (t % CHECK_EVERY == 0 || t == STEPS - 1) {
                assertSameState(alone, shared, lane, config, t);
            }
        }
        for (int k = 0; k < groupSeeds.length; k++) {
            assertThat(shared.circuitState(k).weights()).as("lane %d", k).isNotNull();
        }
        assertThat(alone.somaticVoltage(0, 1)).as("the seed's state moved").isNotEqualTo(
                MicrocircuitGroup.create(config.spec(), SEED).somaticVoltage(0, 1));
    }

    /** Every lane of every group gets its own input stream, determined by its seed. */
    private static double[] perLane(MicrocircuitGroup g, long[] seeds, int size,
            int block, BiFunction<Long, Integer, double[]> values) {
        double[][] rows = new double[seeds.length][];
        for (int k = 0; k < seeds.length; k++) {
            rows[k] = values.apply(seeds[k], block);
            rows[k] = java.util.Arrays.copyOf(rows[k], size);
        }
        return Circuits.laned(g, rows);
    }

    private static double[] input(long seed, int block) {
        return Circuits.uniformInputs(seed * 1000 + block, 1, 5)[0];
    }

    private static double[] target(long seed, int block) {
        double[] y = Circuits.uniformInputs(seed * 7919 + block, 1, 5)[0];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.2 + 0.6 * y[i];
        }
        return y;
    }

    private static int indexOf(long[] seeds, long seed) {
        for (int k = 0; k < seeds.length; k++) {
            if (seeds[k] == seed) {
                return k;
            }
        }
        throw new AssertionError();
    }

    private static void assertSameState(MicrocircuitGroup alone, MicrocircuitGroup shared, int lane, Config config,
            int step) {
        int top = config.spec().pyramidalLayers();
        String at = config + ", step " + step;
        for (int l = 1; l <= top; l++) {
            same(alone.somaticVoltage(0, l), shared.somaticVoltage(lane, l), at, "u", l);
            same(alone.prospectiveVoltage(0, l), shared.prospectiveVoltage(lane, l), at, "ŭ", l);
            same(alone.rates(0, l), shared.rates(lane, l), at, "r", l);
            same(alone.basalVoltage(0, l), shared.basalVoltage(lane, l), at, "v_bas", l);
            same(alone.highPass(0, l), shared.highPass(lane, l), at, "h", l);
            same(alone.forwardWeights(0, l), shared.forwardWeights(lane, l), at, "W", l);
            if (config.observeUpdates()) {
                same(alone.forwardUpdate(0, l), shared.forwardUpdate(lane, l), at, "ΔW", l);
            }
        }
        for (int l = 1; l <= top - 1; l++) {
            same(alone.interneuronVoltage(0, l), shared.interneuronVoltage(lane, l), at, "u_I", l);
            same(alone.interneuronProspectiveVoltage(0, l), shared.interneuronProspectiveVoltage(lane, l), at, "ŭ_I", l);
            same(alone.apicalVoltage(0, l), shared.apicalVoltage(lane, l), at, "v_api", l);
            same(alone.interneuronDendriteVoltage(0, l), shared.interneuronDendriteVoltage(lane, l), at, "v_den", l);
            same(alone.noise(0, l), shared.noise(lane, l), at, "ξ", l);
            same(alone.feedbackWeights(0, l), shared.feedbackWeights(lane, l), at, "B", l);
            same(alone.pyramidToInterneuronWeights(0, l), shared.pyramidToInterneuronWeights(lane, l), at, "W_IP", l);
            same(alone.interneuronToPyramidWeights(0, l), shared.interneuronToPyramidWeights(lane, l), at, "B_PI", l);
        }
        for (int i = 0; i < config.spec().size(top); i++) {
            assertThat(Double.doubleToRawLongBits(alone.outputProspectiveVoltage(0, i)))
                    .isEqualTo(Double.doubleToRawLongBits(shared.outputProspectiveVoltage(lane, i)));
        }
    }

    private static void same(double[] alone, double[] shared, String at, String what, int layer) {
        long[] a = new long[alone.length];
        long[] b = new long[shared.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.doubleToRawLongBits(alone[i]);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.doubleToRawLongBits(shared[i]);
        }
        assertThat(a).as("%s: %s_%d (width 1 vs width L)", at, what, layer).isEqualTo(b);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Precision.class)
    void oneSeedRunsAtWidthOneAndMoreSeedsAtWidthL(Precision precision) {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa()).toBuilder().precision(precision).build();
        int lanes = MicrocircuitGroup.lanes(precision);
        assertThat(MicrocircuitGroup.create(spec, 1).width()).isEqualTo(1);
        for (int seeds = 2; seeds <= lanes; seeds++) {
            long[] s = new long[seeds];
            for (int k = 0; k < seeds; k++) {
                s[k] = k + 1;
            }
            MicrocircuitGroup g = MicrocircuitGroup.create(spec, s);
            assertThat(g.width()).isEqualTo(lanes);
            assertThat(g.index(3, 1)).isEqualTo(3 * lanes + 1);
        }
        assertThat(MicrocircuitGroup.create(spec, 1).index(3, 0)).isEqualTo(3);
        long[] tooMany = new long[lanes + 1];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MicrocircuitGroup.create(spec, tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to " + lanes + " seeds");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Precision.class)
    void aOneSeedGroupReportsDivergenceWhereverTheNonFiniteValueIs(Precision precision) {
        for (int element = 0; element < 5; element++) {
            MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()).toBuilder().precision(precision)
                    .build(), 3);
            double[] x = Circuits.allLanes(group, 0.1, 0.2, 0.3, 0.4, 0.5);
            group.step(x, null);
            x[group.index(element, 0)] = Double.NaN;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> group.step(x, null))
                    .isInstanceOf(palsim.core.SimulationDivergedException.class).hasMessageContaining("seed 3");
        }
    }
}
