package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class PhasePlanTest {

    @Test
    void rowSplitsAreTileAlignedAndCoverEveryRowOnce() {
        for (int rows : new int[] {1, 7, 8, 50, 200, 784}) {
            for (int parts = 1; parts <= 4; parts++) {
                int[] b = PhasePlan.splitRows(rows, parts);
                assertThat(b[0]).isZero();
                assertThat(b[parts]).isEqualTo(rows);
                for (int t = 1; t <= parts; t++) {
                    assertThat(b[t]).isGreaterThanOrEqualTo(b[t - 1]);
                    if (t < parts) {
                        assertThat(b[t] % PhasePlan.ROW_ALIGNMENT).isZero();
                    }
                }
            }
        }
    }

    @Test
    void largePiecesAreCutLargestFirstSmallOnesStayWholeAndEveryRowRunsExactlyOnce() {
        AtomicIntegerArray big = new AtomicIntegerArray(200);
        AtomicIntegerArray small = new AtomicIntegerArray(2);
        List<String> indivisible = new ArrayList<>();
        PhasePlan plan = new PhasePlan()
                .add((from, to) -> () -> increment(small, from, to), 2, 2L * 200 * 32, true)
                .add((from, to) -> () -> increment(big, from, to), 200, 200L * 784 * 32, true)
                .add((from, to) -> () -> indivisible.add("noise"), 200, 200L * 32 * 20, false);
        Runnable[] one = plan.chunks(1);
        assertThat(one).hasSize(3);
        Runnable[] two = plan.chunks(2);
        assertThat(two).hasSize(2 * PhasePlan.CHUNKS_PER_THREAD + 2);
        for (Runnable r : two) {
            r.run();
        }
        for (int i = 0; i < 200; i++) {
            assertThat(big.get(i)).isEqualTo(1);
        }
        assertThat(small.get(0) + small.get(1)).isEqualTo(2);
        assertThat(indivisible).containsExactly("noise");
        two[two.length - 1].run(); // the cheapest chunk comes last: the small piece
        assertThat(small.get(0)).isEqualTo(2);
    }

    private static void increment(AtomicIntegerArray a, int from, int to) {
        for (int i = from; i < to; i++) {
            a.incrementAndGet(i);
        }
    }

    @Test
    void teamRunsEveryChunkOncePerPhaseAndPropagatesFailures() {
        try (WorkerTeam team = new WorkerTeam(3)) {
            AtomicIntegerArray ran = new AtomicIntegerArray(7);
            int chunks = 7;
            Runnable[] phase = new Runnable[chunks];
            for (int c = 0; c < chunks; c++) {
                int chunk = c;
                phase[c] = () -> ran.incrementAndGet(chunk);
            }
            Runnable[] other = {() -> ran.addAndGet(0, 1000)};
            for (int i = 0; i < 2000; i++) {
                team.run(phase);
                team.run(other);
            }
            assertThat(ran.get(0)).isEqualTo(2000 + 2000 * 1000);
            for (int c = 1; c < chunks; c++) {
                assertThat(ran.get(c)).as("chunk %d ran once per phase", c).isEqualTo(2000);
            }
            Runnable[] failing = {() -> { }, () -> {
                throw new IllegalStateException("boom");
            }, () -> { }};
            assertThatThrownBy(() -> team.run(failing)).hasMessage("boom");
            team.run(phase); // still usable afterwards
            assertThat(ran.get(6)).isEqualTo(2001);
        }
    }
}
