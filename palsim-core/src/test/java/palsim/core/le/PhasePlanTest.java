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
    void largePiecesAreSplitSmallOnesBalancedAndEveryRowRunsExactlyOnce() {
        AtomicIntegerArray big = new AtomicIntegerArray(200);
        AtomicIntegerArray small = new AtomicIntegerArray(2);
        List<String> indivisible = new ArrayList<>();
        PhasePlan plan = new PhasePlan()
                .add((from, to) -> () -> increment(big, from, to), 200, 200L * 784 * 32, true)
                .add((from, to) -> () -> increment(small, from, to), 2, 2L * 200 * 32, true)
                .add((from, to) -> () -> indivisible.add("noise"), 200, 200L * 32 * 20, false);
        Runnable[][] perThread = plan.assign(2);
        assertThat(perThread).hasNumberOfRows(2);
        assertThat(perThread[0].length + perThread[1].length).isEqualTo(4); // big split in two, two whole
        for (Runnable[] tasks : perThread) {
            for (Runnable r : tasks) {
                r.run();
            }
        }
        for (int i = 0; i < 200; i++) {
            assertThat(big.get(i)).isEqualTo(1);
        }
        assertThat(small.get(0) + small.get(1)).isEqualTo(2);
        assertThat(indivisible).containsExactly("noise");
    }

    private static void increment(AtomicIntegerArray a, int from, int to) {
        for (int i = from; i < to; i++) {
            a.incrementAndGet(i);
        }
    }

    @Test
    void teamRunsEveryMembersTasksAndPropagatesFailures() {
        try (WorkerTeam team = new WorkerTeam(3)) {
            AtomicIntegerArray ran = new AtomicIntegerArray(3);
            Runnable[][] plan = new Runnable[3][];
            for (int m = 0; m < 3; m++) {
                int member = m;
                plan[m] = new Runnable[] {() -> ran.incrementAndGet(member)};
            }
            for (int i = 0; i < 1000; i++) {
                team.run(plan);
            }
            for (int m = 0; m < 3; m++) {
                assertThat(ran.get(m)).isEqualTo(1000);
            }
            Runnable[][] failing = {{}, {() -> {
                throw new IllegalStateException("boom");
            }}, {}};
            assertThatThrownBy(() -> team.run(failing)).hasMessage("boom");
            team.run(plan); // still usable afterwards
            assertThat(ran.get(2)).isEqualTo(1001);
        }
    }
}
