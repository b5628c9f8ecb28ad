package palsim.core.microcircuit;

import palsim.core.le.Precision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import palsim.core.rng.RandomStreams;

/**
 * A circuit's whole state ({@link CircuitSnapshot}) and its noise ({@link NoiseSource}) can be
 * taken out and put back: a circuit restored from a snapshot and fed the same noise continues
 * exactly as the original, in either engine. This is what replaying a recording needs.
 */
class SnapshotAndNoiseSourceTest {
    private static final MicrocircuitSpec PAL = Circuits.fig1b(Circuits.fig1bPal(3));
    private static final double[] INPUT = {0.1, 0.7, 0.3, 0.9, 0.5};

    @Test
    void aSnapshotHoldsEveryQuantityTheRuleKeeps() {
        // the rates-first order keeps everything but the synapses-first order's players and pending increments
        java.util.Set<CircuitQuantity> synapsesFirstOnly = java.util.EnumSet.of(CircuitQuantity.PREVIOUS_INPUT,
                CircuitQuantity.TARGET_RATE, CircuitQuantity.PYRAMID_TO_INTERNEURON_LOW_PASS,
                CircuitQuantity.INTERNEURON_TO_PYRAMID_LOW_PASS);
        java.util.Set<CircuitQuantity> ratesFirst = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(synapsesFirstOnly));
        MicrocircuitGroup pal = MicrocircuitGroup.create(PAL, 1);
        assertThat(pal.snapshot(0).quantities()).containsExactlyInAnyOrderElementsOf(ratesFirst);
        MicrocircuitGroup bp = MicrocircuitGroup.create(Circuits.fig1b(Circuits.bp()), 1);
        assertThat(bp.snapshot(0).quantities()).doesNotContain(CircuitQuantity.NOISE, CircuitQuantity.HIGH_PASS,
                CircuitQuantity.FORWARD_LOW_PASS).hasSize(ratesFirst.size() - 3);
        MicrocircuitGroup genn = MicrocircuitGroup.create(PAL.toBuilder().stepOrder(new SynapsesFirstStepOrder(100, false))
                .build(), 1);
        assertThat(genn.snapshot(0).quantities()).containsExactlyInAnyOrder(CircuitQuantity.values());
    }

    @Test
    void aRestoredLaneContinuesBitForBitWithTheSameNoise() {
        for (int seeds : new int[] {1, MicrocircuitGroup.lanes(Precision.FLOAT64)}) {
            MicrocircuitGroup original = group(seeds, 11);
            run(original, 60);
            MicrocircuitGroup copy = group(seeds, 99); // other seeds: other initial state and noise stream
            for (int k = 0; k < seeds; k++) {
                copy.restore(k, original.snapshot(k));
            }
            ReplayedNoise noise = new ReplayedNoise();
            for (int k = 0; k < seeds; k++) {
                original.useNoiseSource(k, noise);
                copy.useNoiseSource(k, noise);
            }
            UniformRandomProvider rng = RandomStreams.seeded(5);
            for (int t = 0; t < 200; t++) {
                noise.show(randomNoise(rng));
                step(original);
                step(copy);
            }
            for (int k = 0; k < seeds; k++) {
                assertSame(copy.snapshot(k), original.snapshot(k));
            }
        }
    }

    @Test
    void theReferenceRestoredFromALaneAgreesWithTheLaneEngine() {
        MicrocircuitGroup lanes = group(1, 11);
        run(lanes, 60);
        ReferenceMicrocircuit reference = new ReferenceMicrocircuit(PAL, 3);
        reference.setLearning(LearningSwitches.BACKWARD_ONLY);
        reference.restore(lanes.snapshot(0));
        ReplayedNoise noise = new ReplayedNoise();
        lanes.useNoiseSource(0, noise);
        reference.useNoiseSource(noise);
        UniformRandomProvider rng = RandomStreams.seeded(5);
        for (int t = 0; t < 300; t++) {
            noise.show(randomNoise(rng));
            step(lanes);
            reference.step(INPUT, null);
        }
        CircuitSnapshot a = lanes.snapshot(0);
        CircuitSnapshot b = reference.snapshot();
        for (CircuitQuantity q : b.quantities()) {
            for (int l = q.firstLayer(PAL.layers()); l <= q.lastLayer(PAL.layers()); l++) {
                double[] x = a.get(q, l);
                double[] y = b.get(q, l);
                for (int i = 0; i < x.length; i++) {
                    assertThat(x[i]).as("%s layer %d [%d]", q, l, i).isCloseTo(y[i],
                            org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(y[i]))));
                }
            }
        }
        // and the replayed noise is what both engines now hold
        assertThat(a.get(CircuitQuantity.NOISE, 2)).isNotEqualTo(new double[10]);
    }

    @Test
    void directFeedbackSnapshotsHoldFeedbackFromTheOutputLayer() {
        MicrocircuitSpec dfa = Circuits.fig1b(new palsim.core.feedback.DirectFeedbackAlignment());
        MicrocircuitGroup original = MicrocircuitGroup.create(dfa, 4);
        original.setLearning(LearningSwitches.BACKWARD_ONLY);
        for (int t = 0; t < 40; t++) {
            step(original);
        }
        CircuitSnapshot snapshot = original.snapshot(0);
        // B_1 of [5-20-10-20-5] under DFA is 20 × 5 (from the output), not 20 × 10
        assertThat(snapshot.get(CircuitQuantity.FEEDBACK_WEIGHTS, 1)).hasSize(20 * 5);
        MicrocircuitGroup copy = MicrocircuitGroup.create(dfa, 8);
        copy.setLearning(LearningSwitches.BACKWARD_ONLY);
        copy.restore(0, snapshot);
        for (int t = 0; t < 100; t++) {
            step(original);
            step(copy);
        }
        assertSame(copy.snapshot(0), original.snapshot(0));
        assertThatThrownBy(() -> group(1, 1).restore(0, snapshot)).hasMessageContaining("feedback comes from other layers");
    }

    @Test
    void theDefaultNoiseSourceIsTheRulesOrnsteinUhlenbeckProcess() {
        // stationary variance σ²/(2 − dt/τ) = 0.05²/1.9 per component, from the default source
        MicrocircuitGroup group = group(1, 7);
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int t = 0; t < 20_000; t++) {
            step(group);
            if (t >= 1000) {
                for (double x : group.noise(0, 2)) {
                    sum += x;
                    squares += x * x;
                    count++;
                }
            }
        }
        double mean = sum / count;
        double variance = squares / count - mean * mean;
        assertThat(variance).isCloseTo(0.05 * 0.05 / 1.9, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void mismatchedSnapshotsAndNoiseAreRefused() {
        MicrocircuitGroup group = group(1, 1);
        CircuitSnapshot other = new CircuitSnapshot(new int[] {1, 1, 1});
        assertThatThrownBy(() -> group.restore(0, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layers [1, 1, 1]");
        assertThatThrownBy(() -> group.restore(0, new CircuitSnapshot(PAL.layers())))
                .hasMessageContaining("lacks u");
        assertThatThrownBy(() -> new CircuitSnapshot(PAL.layers()).set(CircuitQuantity.FEEDBACK_WEIGHTS, 1, new double[3]))
                .hasMessage("B of layer 1 needs 200 values, got 3");
        MicrocircuitGroup fa = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 1);
        assertThatThrownBy(() -> fa.useNoiseSource(0, new ReplayedNoise())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("injects no noise");
        MicrocircuitGroup unshown = group(1, 1);
        unshown.useNoiseSource(0, new ReplayedNoise());
        assertThatThrownBy(() -> step(unshown)).hasMessageContaining("no recorded noise");
    }

    private static MicrocircuitGroup group(int seeds, long firstSeed) {
        long[] s = new long[seeds];
        for (int k = 0; k < seeds; k++) {
            s[k] = firstSeed + k;
        }
        MicrocircuitGroup group = MicrocircuitGroup.create(PAL, s);
        group.setLearning(LearningSwitches.BACKWARD_ONLY);
        return group;
    }

    private static void run(MicrocircuitGroup group, int steps) {
        for (int t = 0; t < steps; t++) {
            step(group);
        }
    }

    private static void step(MicrocircuitGroup group) {
        double[] x = new double[INPUT.length * group.width()];
        for (int k = 0; k < group.seedCount(); k++) {
            group.scatter(INPUT, k, x);
        }
        group.step(x, null);
    }

    private static double[][] randomNoise(UniformRandomProvider rng) {
        int[] n = PAL.layers();
        double[][] xi = new double[n.length - 2][];
        for (int l = 1; l <= n.length - 2; l++) {
            xi[l - 1] = new double[n[l]];
            for (int i = 0; i < n[l]; i++) {
                xi[l - 1][i] = 0.05 * (rng.nextDouble() - 0.5);
            }
        }
        return xi;
    }

    private static void assertSame(CircuitSnapshot a, CircuitSnapshot b) {
        assertThat(a.quantities()).isEqualTo(b.quantities());
        for (CircuitQuantity q : a.quantities()) {
            for (int l = q.firstLayer(PAL.layers()); l <= q.lastLayer(PAL.layers()); l++) {
                assertThat(a.get(q, l)).as("%s layer %d", q, l).isEqualTo(b.get(q, l));
            }
        }
    }
}
