package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.le.Precision;
import palsim.core.state.MemoryState;
import palsim.core.state.StateMismatchException;

/**
 * {@link MicrocircuitGroup#writeState} / {@link MicrocircuitGroup#readState}: a group built afresh
 * from the same spec and seeds that reads the state of another continues with it bit for bit on its
 * own noise (the generators and the noise refresh countdown come along), and shuffles the same.
 */
class GroupStateTest {
    /** PAL whose noise refreshes every 3rd step, so the countdown matters. */
    private static final MicrocircuitSpec PAL = Circuits.fig1b(new PhaselessAlignment(
            new ExploratoryNoise(Circuits.fill(3, 0.05), 0.1, 0.03), 0.1, Circuits.fill(3, 50), Circuits.fill(3, 1e-5), 100));
    private static final double[] INPUT = {0.1, 0.7, 0.3, 0.9, 0.5};

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Precision.class)
    void aGroupReadFromAnothersStateContinuesBitForBit(Precision precision) {
        // float32 values leave the engine widened to double and come back rounded: exact both ways
        MicrocircuitSpec spec = PAL.toBuilder().precision(precision).build();
        for (long[] seeds : new long[][] {{7}, {7, 8, 9}}) {
            MicrocircuitGroup original = MicrocircuitGroup.create(spec, seeds);
            original.setLearning(LearningSwitches.ALL);
            run(original, 61); // not a multiple of the refresh interval
            MemoryState state = new MemoryState();
            original.writeState(state);

            MicrocircuitGroup copy = MicrocircuitGroup.create(spec, seeds);
            copy.setLearning(LearningSwitches.ALL);
            copy.readState(state);
            assertThat(state.atEnd()).isTrue();
            assertThat(copy.stepCount()).isEqualTo(61);
            run(original, 150);
            run(copy, 150);
            for (int k = 0; k < seeds.length; k++) {
                assertSame(copy.snapshot(k), original.snapshot(k));
                int[] a = {0, 1, 2, 3, 4, 5, 6, 7};
                int[] b = a.clone();
                original.shuffle(k, a);
                copy.shuffle(k, b);
                assertThat(b).isEqualTo(a);
            }
        }
    }

    @Test
    void withoutTheSavedGeneratorsAndCountersTheNoiseWouldDiffer() {
        // the check above can fail: a fresh group of the same seeds given only the snapshots drifts apart
        MicrocircuitGroup original = group(new long[] {7});
        run(original, 61);
        MicrocircuitGroup fresh = group(new long[] {7});
        fresh.restore(0, original.snapshot(0));
        run(original, 10);
        run(fresh, 10);
        assertThat(fresh.snapshot(0).get(CircuitQuantity.NOISE, 1)).isNotEqualTo(original.snapshot(0).get(CircuitQuantity.NOISE, 1));
    }

    @Test
    void theStateHoldsEveryQuantityOfTheSnapshot() {
        MicrocircuitGroup group = group(new long[] {7});
        MemoryState state = new MemoryState();
        group.writeState(state);
        for (CircuitQuantity q : group.snapshot(0).quantities()) {
            assertThat(state.values()).as(q.name()).contains(q.name());
        }
    }

    @Test
    void aStateOfOtherSeedsOrSizesIsRefused() {
        MicrocircuitGroup group = group(new long[] {7, 8});
        MemoryState state = new MemoryState();
        group.writeState(state);
        assertThatThrownBy(() -> group(new long[] {7, 9}).readState(state)).isInstanceOf(StateMismatchException.class)
                .hasMessageContaining("seed 8, expected 9");
        MemoryState one = new MemoryState();
        group(new long[] {7}).writeState(one);
        assertThatThrownBy(() -> group(new long[] {7, 8}).readState(one)).isInstanceOf(StateMismatchException.class)
                .hasMessageContaining("seeds in the group");
        MemoryState small = new MemoryState();
        MicrocircuitGroup.create(Circuits.fig1dStudent(Circuits.fa()), 7).writeState(small);
        assertThatThrownBy(() -> group(new long[] {7}).readState(small)).isInstanceOf(StateMismatchException.class);
    }

    private static MicrocircuitGroup group(long[] seeds) {
        MicrocircuitGroup group = MicrocircuitGroup.create(PAL, seeds);
        group.setLearning(LearningSwitches.BACKWARD_ONLY);
        return group;
    }

    private static void run(MicrocircuitGroup group, int steps) {
        double[] x = new double[INPUT.length * group.width()];
        for (int k = 0; k < group.seedCount(); k++) {
            group.scatter(INPUT, k, x);
        }
        for (int t = 0; t < steps; t++) {
            group.step(x, null);
        }
    }

    private static void assertSame(CircuitSnapshot a, CircuitSnapshot b) {
        assertThat(a.quantities()).isEqualTo(b.quantities());
        for (CircuitQuantity q : a.quantities()) {
            for (int l = q.firstLayer(a.layers()); l <= q.lastLayer(a.layers()); l++) {
                assertThat(Arrays.equals(a.get(q, l), b.get(q, l))).as("%s layer %d", q, l).isTrue();
            }
        }
    }
}
