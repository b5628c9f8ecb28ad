package palsim.core.le;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that runs the phases of a step: the calling thread is member 0 and
 * {@code size − 1} daemon workers are the others. {@link #run} hands each member its list of
 * runnables and returns when all are done.
 *
 * <p>A step has a few phases of some hundred microseconds each, so hand-over must cost well under
 * a microsecond: idle members spin on a volatile generation counter (with
 * {@link Thread#onSpinWait()}), then yield, and only after a long idle time (between epochs, or
 * when the network is not used) fall back to sleeping in short parks. What a member computes is
 * fixed by the plan, never by which thread is faster, so results do not depend on timing.
 */
final class WorkerTeam implements AutoCloseable {
    private static final int SPINS_BEFORE_YIELD = 1 << 14;
    private static final long YIELD_NANOS = 2_000_000L;
    private static final long PARK_NANOS = 100_000L;

    private final int size;
    private final Thread[] workers;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Runnable[][] plan;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + size);
        }
        this.size = size;
        this.workers = new Thread[size - 1];
        for (int w = 0; w < workers.length; w++) {
            int member = w + 1;
            Thread t = new Thread(() -> work(member), "palsim-le-worker-" + member);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int size() {
        return size;
    }

    /**
     * Runs {@code plan[m]} on member m for every member and waits for all.
     *
     * @throws RuntimeException whatever a member threw (the first one)
     */
    void run(Runnable[][] plan) {
        if (size == 1) {
            runAll(plan[0]);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the network has been closed");
        }
        this.plan = plan;
        pending.set(size - 1);
        generation.incrementAndGet();
        Throwable own = null;
        try {
            runAll(plan[0]);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable t = own != null ? own : failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    private static void runAll(Runnable[] tasks) {
        for (Runnable r : tasks) {
            r.run();
        }
    }

    private void work(int member) {
        long seen = 0;
        while (true) {
            long g = awaitGeneration(seen);
            if (closed) {
                return;
            }
            seen = g;
            try {
                runAll(plan[member]);
            } catch (Throwable t) {
                failure = t;
            }
            pending.decrementAndGet();
        }
    }

    private long awaitGeneration(long seen) {
        int spins = 0;
        long yieldingSince = 0;
        long g;
        while ((g = generation.get()) == seen && !closed) {
            if (spins < SPINS_BEFORE_YIELD) {
                spins++;
                Thread.onSpinWait();
            } else if (yieldingSince == 0) {
                yieldingSince = System.nanoTime();
            } else if (System.nanoTime() - yieldingSince < YIELD_NANOS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
        return g;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        generation.incrementAndGet();
        for (Thread t : workers) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
