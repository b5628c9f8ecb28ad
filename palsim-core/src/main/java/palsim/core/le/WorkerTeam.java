package palsim.core.le;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads sharing the chunks of each phase of a step: the calling thread and
 * {@code size − 1} daemon workers claim chunks one at a time from a shared counter until none is
 * left; {@link #run} returns when all are done.
 *
 * <p>Dynamic claiming keeps a step going at full speed when the machine is busy: if a worker is
 * descheduled, the caller simply does the remaining chunks itself (a fixed split would wait for
 * it). Which thread computes a chunk never changes a result (see {@link PhasePlan}).
 *
 * <p>The claim counter carries the phase's generation in its upper half and is closed under the
 * new generation before the chunks are replaced, so a worker that wakes late can never take a
 * chunk of one phase believing it belongs to another, nor run a chunk twice. Idle workers spin on a
 * volatile generation (with {@link Thread#onSpinWait()}), then yield, and only after a long idle
 * time (between epochs, or when the network is not used) sleep in short parks.
 */
final class WorkerTeam implements AutoCloseable {
    private static final int SPINS_BEFORE_YIELD = 1 << 14;
    private static final long YIELD_NANOS = 2_000_000L;
    private static final long PARK_NANOS = 100_000L;

    private final int size;
    private final Thread[] workers;
    private static final long CLOSED = Integer.MAX_VALUE;

    /** (generation << 32) | index of the next unclaimed chunk ({@link #CLOSED} while being set up). */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Runnable[] chunks = new Runnable[0];
    private volatile int generation;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + size);
        }
        this.size = size;
        this.workers = new Thread[size - 1];
        for (int w = 0; w < workers.length; w++) {
            Thread t = new Thread(this::work, "palsim-le-worker-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int size() {
        return size;
    }

    /**
     * Runs every chunk once, on whichever member claims it, and waits for all.
     *
     * @throws RuntimeException whatever a chunk threw (the first one seen)
     */
    void run(Runnable[] phase) {
        if (size == 1) {
            for (Runnable r : phase) {
                r.run();
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("the network has been closed");
        }
        int g = generation + 1;
        // Close the counter under the new generation before replacing the chunks: a worker still
        // holding the previous generation can then never claim from the new array.
        claim.set(((long) g << 32) | CLOSED);
        chunks = phase;
        done.set(0);
        claim.set((long) g << 32);
        generation = g; // publishes the writes above to the workers
        claimAndRun(g, phase);
        int spins = 0;
        while (done.get() != phase.length) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable t = failure;
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

    private void claimAndRun(int g, Runnable[] phase) {
        while (true) {
            long v = claim.get();
            int index = (int) v;
            if ((int) (v >>> 32) != g || index >= phase.length) {
                return;
            }
            if (claim.compareAndSet(v, v + 1)) {
                try {
                    phase[index].run();
                } catch (Throwable t) {
                    failure = t;
                }
                done.incrementAndGet();
            }
        }
    }

    private void work() {
        int seen = 0;
        while (true) {
            int g = awaitGeneration(seen);
            if (closed) {
                return;
            }
            seen = g;
            Runnable[] phase = chunks; // read after the generation: this phase's or a later one's
            claimAndRun(g, phase);
        }
    }

    private int awaitGeneration(int seen) {
        int spins = 0;
        long yieldingSince = 0;
        int g;
        while ((g = generation) == seen && !closed) {
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
