package palsim.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import palsim.app.experiment.Checkpoints;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.JobState;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.SeedCurves;
import palsim.core.state.StateReader;

/**
 * The checkpoints of one run (docs/resume.md). Every job's latest state (written at each of its
 * epoch ends) is kept in memory together with the metrics it recorded until then; the checkpoint
 * file with all of them is written as the {@link CheckpointPolicy} says, and by
 * {@link #writeNow()} when the run is interrupted. Jobs save independently of each other: a resumed
 * job continues from its own last epoch, and each job's results do not depend on the others, so
 * the run's results are those of an uninterrupted run.
 */
final class RunCheckpoints implements Checkpoints {
    private final Path runDirectory;
    private final String configHash;
    private final CheckpointPolicy policy;
    private final MetricsSink runMetrics;
    private final LongSupplier nanoTime;
    private final Consumer<Path> afterWrite;
    /** The states of the checkpoint the run resumes from, by job key. */
    private final Map<String, CheckpointFile.Slot> resumed;
    /** The latest state of every job, by key (the resumed ones until the job saves anew), made into a slot when written. */
    private final Map<String, Supplier<CheckpointFile.Slot>> latest = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ReentrantLock writing = new ReentrantLock();
    /** How often at most a job's state is kept in memory, unless a file is due. */
    private static final long SNAPSHOT_NANOS = 1_000_000_000L;
    private long sequence;
    private volatile long lastFileNanos;

    /**
     * @param resumedFrom the checkpoint to continue from, or null for a fresh run (whose leftover
     *     checkpoint files, if any, are removed)
     * @param afterWrite told the path of each checkpoint file written (tests, tools)
     */
    RunCheckpoints(Path runDirectory, String configHash, CheckpointPolicy policy, MetricsSink runMetrics,
            CheckpointFile.Contents resumedFrom, LongSupplier nanoTime, Consumer<Path> afterWrite) {
        this.runDirectory = runDirectory;
        this.configHash = configHash;
        this.policy = policy;
        this.runMetrics = runMetrics;
        this.nanoTime = nanoTime;
        this.afterWrite = afterWrite;
        this.resumed = new ConcurrentHashMap<>();
        if (resumedFrom == null) {
            CheckpointFile.removeAll(runDirectory);
        } else {
            sequence = resumedFrom.sequence();
            for (CheckpointFile.Slot slot : resumedFrom.slots()) {
                resumed.put(slot.key(), slot);
                latest.put(slot.key(), () -> slot);
            }
        }
        lastFileNanos = nanoTime.getAsLong();
    }

    @Override
    public JobCheckpoint job(String key) {
        Job job = new Job(key, resumed.get(key));
        if (jobs.putIfAbsent(key, job) != null) {
            throw new IllegalArgumentException("checkpoint key '" + key + "' is used by two jobs");
        }
        if (job.saved != null) {
            for (MetricsTable.Row row : job.saved.metrics()) {
                runMetrics.record(row.rule(), row.seed(), row.epoch(), row.metric(), row.layer(), row.value());
            }
        }
        return job;
    }

    /** Writes the checkpoint file now with every job's latest state (nothing if no job saved yet). */
    void writeNow() {
        writing.lock();
        try {
            writeLocked();
        } finally {
            writing.unlock();
        }
    }

    /** Removes the checkpoint files (the run completed: its results hold everything). */
    void removeFiles() {
        writing.lock();
        try {
            CheckpointFile.removeAll(runDirectory);
        } finally {
            writing.unlock();
        }
    }

    /**
     * A job ended an epoch: its state is kept in memory when a file is due or a second has passed
     * since its last one (so an interrupted run loses at most about a second of each job, while
     * jobs with many short epochs do not spend their time writing states), then the file is
     * written if due.
     */
    private void epochEnded(Job job, int epoch, JobState state) {
        long now = nanoTime.getAsLong();
        int epochs = job.epochsSinceFile.incrementAndGet();
        boolean fileDue = policy.due(epochs, now - lastFileNanos);
        if (fileDue || job.lastSnapshotNanos == Long.MIN_VALUE || now - job.lastSnapshotNanos >= SNAPSHOT_NANOS) {
            BinaryStateWriter out = new BinaryStateWriter();
            state.write(out);
            byte[] bytes = out.toByteArray();
            int rows = job.recordedCount();
            latest.put(job.key, () -> new CheckpointFile.Slot(job.key, epoch, job.recordedUpTo(rows), bytes));
            job.lastSnapshotNanos = now;
        }
        if (fileDue && writing.tryLock()) {
            try {
                writeLocked();
            } finally {
                writing.unlock();
            }
        }
    }

    private void writeLocked() {
        if (latest.isEmpty()) {
            return;
        }
        for (Job job : jobs.values()) {
            job.epochsSinceFile.set(0);
        }
        List<CheckpointFile.Slot> slots = new ArrayList<>();
        for (Supplier<CheckpointFile.Slot> slot : latest.values()) {
            slots.add(slot.get());
        }
        slots.sort(Comparator.comparing(CheckpointFile.Slot::key));
        long next = sequence + 1;
        Path file = runDirectory.resolve(CheckpointFile.DIRECTORY).resolve(CheckpointFile.fileName(next));
        AtomicFiles.write(file, CheckpointFile.encode(configHash, next, slots));
        sequence = next;
        lastFileNanos = nanoTime.getAsLong();
        // keep the newest two
        for (Path old : CheckpointFile.list(runDirectory)) {
            if (CheckpointFile.sequenceOf(old) < next - 1) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + old + ": " + e.getMessage(), e);
                }
            }
        }
        afterWrite.accept(file);
    }

    private final class Job implements JobCheckpoint {
        private final String key;
        private final CheckpointFile.Slot saved;
        private final List<MetricsTable.Row> recorded = new ArrayList<>();
        private final AtomicInteger epochsSinceFile = new AtomicInteger();
        /** When the job's state was last kept (its own thread only). */
        private long lastSnapshotNanos = Long.MIN_VALUE;
        private final MetricsSink metrics;

        Job(String key, CheckpointFile.Slot saved) {
            this.key = key;
            this.saved = saved;
            if (saved != null) {
                recorded.addAll(saved.metrics());
            }
            this.metrics = new MetricsSink() {
                @Override
                public void record(String rule, long seed, int epoch, String metric, int layer, double value) {
                    runMetrics.record(rule, seed, epoch, metric, layer, value);
                    synchronized (recorded) {
                        recorded.add(new MetricsTable.Row(rule, seed, epoch, metric, layer, value));
                    }
                }

                @Override
                public SeedCurves curves(String rule, String metric, int layer) {
                    return runMetrics.curves(rule, metric, layer);
                }
            };
        }

        @Override
        public MetricsSink metrics() {
            return metrics;
        }

        @Override
        public Optional<StateReader> saved() {
            return saved == null ? Optional.empty() : Optional.of(new BinaryStateReader(saved.state()));
        }

        @Override
        public void epochEnded(int epoch, JobState state) {
            RunCheckpoints.this.epochEnded(this, epoch, state);
        }

        int recordedCount() {
            synchronized (recorded) {
                return recorded.size();
            }
        }

        /** The first {@code count} values recorded (the list only grows). */
        List<MetricsTable.Row> recordedUpTo(int count) {
            synchronized (recorded) {
                return List.copyOf(recorded.subList(0, count));
            }
        }
    }
}
