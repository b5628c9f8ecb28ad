package palsim.core.le;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns the pieces of work of one phase of a step to threads, once, when a network is built.
 *
 * <p>Large pieces are cut into one contiguous row range per thread (range boundaries at multiples
 * of {@value #ROW_ALIGNMENT} rows, the height of the tallest product tile); small or indivisible pieces go
 * whole to the thread with the least work so far, largest first. Because every kernel computes an
 * element the same way whatever range it falls in, and indivisible pieces (random draws) run in
 * one thread in a fixed order, the assignment never changes a result — only who computes it.
 */
final class PhasePlan {
    static final int ROW_ALIGNMENT = 8;
    /** Pieces cheaper than this (in multiply-adds) are not worth splitting. */
    static final long SPLIT_THRESHOLD = 1L << 16;

    private record Piece(RowWork work, int rows, long cost, boolean divisible) {}

    private final List<Piece> pieces = new ArrayList<>();

    /** Adds work over {@code rows} rows costing about {@code cost} multiply-adds in all. */
    PhasePlan add(RowWork work, int rows, long cost, boolean divisible) {
        pieces.add(new Piece(work, rows, cost, divisible));
        return this;
    }

    boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** The runnables of each of {@code threads} threads, in the order they run. */
    Runnable[][] assign(int threads) {
        List<List<Runnable>> perThread = new ArrayList<>();
        long[] load = new long[threads];
        for (int t = 0; t < threads; t++) {
            perThread.add(new ArrayList<>());
        }
        List<Piece> whole = new ArrayList<>();
        for (Piece p : pieces) {
            if (threads > 1 && p.divisible && p.cost >= SPLIT_THRESHOLD && p.rows >= 2 * ROW_ALIGNMENT * threads) {
                int[] bounds = splitRows(p.rows, threads);
                for (int t = 0; t < threads; t++) {
                    perThread.get(t).add(p.work.bind(bounds[t], bounds[t + 1]));
                    load[t] += p.cost * (bounds[t + 1] - bounds[t]) / p.rows;
                }
            } else {
                whole.add(p);
            }
        }
        whole.sort((a, b) -> Long.compare(b.cost, a.cost));
        for (Piece p : whole) {
            int t = 0;
            for (int u = 1; u < threads; u++) {
                if (load[u] < load[t]) {
                    t = u;
                }
            }
            perThread.get(t).add(p.work.bind(0, p.rows));
            load[t] += p.cost;
        }
        Runnable[][] plan = new Runnable[threads][];
        for (int t = 0; t < threads; t++) {
            plan[t] = perThread.get(t).toArray(new Runnable[0]);
        }
        return plan;
    }

    /** Boundaries of {@code parts} nearly equal contiguous ranges of {@code rows}, aligned to tiles. */
    static int[] splitRows(int rows, int parts) {
        int tiles = (rows + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT;
        int[] bounds = new int[parts + 1];
        for (int t = 1; t < parts; t++) {
            bounds[t] = Math.min(rows, (int) ((long) tiles * t / parts) * ROW_ALIGNMENT);
        }
        bounds[parts] = rows;
        return bounds;
    }

    @Override
    public String toString() {
        return "PhasePlan" + Arrays.toString(pieces.toArray());
    }
}
