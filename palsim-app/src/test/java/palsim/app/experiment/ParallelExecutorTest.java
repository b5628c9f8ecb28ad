package palsim.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import palsim.app.experiment.ParallelExecutor.Job;
import palsim.core.SimulationDivergedException;

class ParallelExecutorTest {

    @Test
    void resultsComeBackInJobOrderForAnyThreadCount() {
        List<Job<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            jobs.add(new Job<>("job " + i, () -> {
                // Later jobs finish first.
                Thread.sleep((12 - n) % 4);
                return n * n;
            }));
        }
        for (int threads : new int[] {1, 2, 5, 32}) {
            assertThat(new ParallelExecutor(threads).run(jobs)).as("%d threads", threads)
                    .containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
        }
    }

    @Test
    void jobsRunOnSeveralThreadsAtOnce() throws InterruptedException {
        CountDownLatch both = new CountDownLatch(2);
        List<Job<Boolean>> jobs = List.of(
                new Job<>("a", () -> {
                    both.countDown();
                    return both.await(10, TimeUnit.SECONDS);
                }),
                new Job<>("b", () -> {
                    both.countDown();
                    return both.await(10, TimeUnit.SECONDS);
                }));
        assertThat(new ParallelExecutor(2).run(jobs)).containsExactly(true, true);
    }

    @Test
    void firstFailingJobInListOrderIsReportedEvenIfALaterOneFailsFirst() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        List<Job<Void>> jobs = List.of(
                Job.of("early", () -> {
                    try {
                        laterFailed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SimulationDivergedException(10, 1, "somatic voltage");
                }),
                Job.of("late", () -> {
                    laterFailed.countDown();
                    throw new IllegalStateException("late failure");
                }));
        JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> new ParallelExecutor(2).runAll(jobs));
        assertThat(e.label()).isEqualTo("early");
        assertThat(e.index()).isZero();
        assertThat(e.getCause()).isInstanceOf(SimulationDivergedException.class);
    }

    @Test
    void jobsAfterAFailureAreNotStarted() {
        AtomicInteger started = new AtomicInteger();
        List<Job<Void>> jobs = new ArrayList<>();
        jobs.add(Job.of("fails", () -> {
            throw new IllegalStateException("boom");
        }));
        for (int i = 0; i < 5; i++) {
            jobs.add(Job.of("after " + i, started::incrementAndGet));
        }
        assertThatThrownBy(() -> new ParallelExecutor(1).runAll(jobs)).isInstanceOf(JobFailedException.class)
                .hasMessageStartingWith("fails: ").hasCauseInstanceOf(IllegalStateException.class);
        assertThat(started).hasValue(0);
    }

    @Test
    void aDivergedJobStopsOnlyItselfAndEveryDivergedJobIsNamed() {
        for (int threads : new int[] {1, 3}) {
            AtomicInteger finished = new AtomicInteger();
            List<Job<Void>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int job = i;
                jobs.add(Job.of("job " + i, () -> {
                    if (job == 1 || job == 4) {
                        throw new SimulationDivergedException(job, 2, "apical voltage");
                    }
                    finished.incrementAndGet();
                }));
            }
            JobFailedException e = catchThrowableOfType(JobFailedException.class,
                    () -> new ParallelExecutor(threads).runAll(jobs));
            assertThat(finished).as("every other job ran to the end").hasValue(4);
            assertThat(e.label()).isEqualTo("job 1");
            assertThat(e.getSuppressed()).extracting(t -> ((JobFailedException) t).label()).containsExactly("job 4");
        }
    }

    @Test
    void noJobsIsFineAndZeroThreadsIsNot() {
        assertThat(new ParallelExecutor(3).run(List.<Job<Integer>>of())).isEmpty();
        assertThatThrownBy(() -> new ParallelExecutor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
