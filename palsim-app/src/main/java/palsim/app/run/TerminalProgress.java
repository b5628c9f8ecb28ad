package palsim.app.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import palsim.app.experiment.ProgressReporter;

/**
 * One self-overwriting progress line on stderr, e.g.
 * {@code palsim: training  37% (112/300 epochs), 0:42 elapsed, ~1:11 left}, redrawn at most every
 * quarter second. Silent when stderr is not a terminal (logs and pipes get no carriage returns).
 */
public final class TerminalProgress implements ProgressReporter {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final AtomicLong done = new AtomicLong();
    private final ReentrantLock drawing = new ReentrantLock();
    private volatile String phase = "";
    private volatile String unit = "";
    private volatile long total;
    private volatile long startNanos;
    private volatile long lastDrawNanos;
    private int lastLength;
    private boolean shown;

    /**
     * @param err where to draw
     * @param enabled whether to draw at all (stderr is a terminal)
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    public TerminalProgress(PrintWriter err, boolean enabled, LongSupplier nanoTime) {
        this.err = err;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
    }

    @Override
    public void begin(String phaseName, long totalUnits, String unitName) {
        drawing.lock();
        try {
            phase = phaseName;
            unit = unitName;
            total = Math.max(0, totalUnits);
            done.set(0);
            startNanos = nanoTime.getAsLong();
            draw(startNanos);
        } finally {
            drawing.unlock();
        }
    }

    @Override
    public void advance(long units) {
        long d = done.addAndGet(units);
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if ((now - lastDrawNanos >= REDRAW_NANOS || d == total) && drawing.tryLock()) {
            try {
                draw(now);
            } finally {
                drawing.unlock();
            }
        }
    }

    @Override
    public void finish() {
        drawing.lock();
        try {
            if (enabled && shown) {
                draw(nanoTime.getAsLong());
                err.print('\n');
                err.flush();
                shown = false;
            }
        } finally {
            drawing.unlock();
        }
    }

    /** The progress line for the current state at time {@code now}. */
    String line(long now) {
        long d = Math.min(done.get(), total);
        long elapsed = Math.max(0, now - startNanos);
        StringBuilder s = new StringBuilder("palsim: ").append(phase);
        if (total > 0) {
            s.append(String.format(Locale.ROOT, " %3d%% (%d/%d %s)", d * 100 / total, d, total, unit));
        }
        s.append(", ").append(clock(elapsed)).append(" elapsed");
        if (d > 0 && d < total) {
            s.append(", ~").append(clock((long) ((double) elapsed / d * (total - d)))).append(" left");
        }
        return s.toString();
    }

    private void draw(long now) {
        if (!enabled) {
            return;
        }
        String text = line(now);
        int pad = Math.max(0, lastLength - text.length());
        err.print('\r' + text + " ".repeat(pad));
        err.flush();
        lastLength = text.length();
        lastDrawNanos = now;
        shown = true;
    }

    private static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
