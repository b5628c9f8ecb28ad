package palsim.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.SeedCurves;

/**
 * A {@link MetricsSink} that keeps every value in a {@link MetricsTable} and also appends it to
 * metrics.partial.csv while the run goes on, so that a run that is killed, or whose machine fails,
 * still leaves what it measured on disk (docs/run-directory.md).
 *
 * <p>Rows are collected in memory and appended as whole lines at most every {@code flushMillis}
 * (by a background thread) and when the run ends, so a long run costs one small write per
 * interval, not one per value. A run killed during a write can leave the last line cut short;
 * {@link RunRecord#recordedMetrics()} drops it. The rows are in the order they were recorded (which
 * depends on the threads); metrics.csv, written from the table at the end, has the fixed order.
 */
final class MetricsJournal implements MetricsSink, AutoCloseable {
    private final MetricsTable table;
    private final FileChannel channel;
    private final ScheduledExecutorService flusher;
    private final StringBuilder pending = new StringBuilder();
    /** The first write error, reported by {@link #close()}; later rows are then only kept in the table. */
    private IOException failure;

    /**
     * Starts the journal file with the metrics.csv header.
     *
     * @throws UncheckedIOException naming the file when it cannot be created
     */
    MetricsJournal(MetricsTable table, Path file, long flushMillis) {
        this.table = table;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            write(MetricsTable.HEADER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "palsim-metrics-journal");
            // Daemon: an interrupted run must not be kept alive by its journal.
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(String rule, long seed, int epoch, String metric, int layer, double value) {
        table.record(rule, seed, epoch, metric, layer, value);
        synchronized (pending) {
            pending.append(rule).append(',').append(seed).append(',').append(epoch).append(',').append(metric).append(',');
            if (layer != NETWORK) {
                pending.append(layer);
            }
            pending.append(',').append(Double.toString(value)).append('\n');
        }
    }

    @Override
    public SeedCurves curves(String rule, String metric, int layer) {
        return table.curves(rule, metric, layer);
    }

    /** Appends the rows collected since the last flush. */
    void flush() {
        String rows;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            rows = pending.toString();
            pending.setLength(0);
        }
        synchronized (channel) {
            if (failure != null) {
                return;
            }
            try {
                write(rows);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Stops the background flushes, appends what is left and closes the file.
     *
     * @throws UncheckedIOException when a write failed
     */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            // A flush in progress must end before the file closes, or its rows would be lost.
            flusher.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        synchronized (channel) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null) {
                throw new UncheckedIOException("cannot append to " + RunDirectory.PARTIAL_METRICS + ": " + failure.getMessage(),
                        failure);
            }
        }
    }
}
