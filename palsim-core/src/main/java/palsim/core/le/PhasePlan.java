package palsim.core.le;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import palsim.core.linalg.FloatMatrixKernels;

/**
 * Cuts the pieces of work of one phase of a step into chunks, once, when a network is built.
 *
 * <p>With one thread every piece is one chunk, run in the order added. With more, large pieces
 * are cut into a few contiguous row ranges each (boundaries at multiples of
 * {@value #ROW_ALIGNMENT} rows, the height of the tallest product tile), and the chunks are
 * ordered largest first, so that the threads of a {@link WorkerTeam}, claiming chunks one after
 * another, end at about the same time. Small or indivisible pieces (random draws) stay whole.
 *
 * <p>Which thread computes which chunk is left to the moment; it never changes a result, because
 * every kernel computes an element the same way whatever row range it falls in, and an indivisible
 * piece runs in one thread in its fixed order.
 */
final class PhasePlan {
    /** The product tile height, the same for both precisions (one template). */
    static final int ROW_ALIGNMENT = FloatMatrixKernels.TILE_ROWS;
    /** Pieces cheaper than this (in multiply-adds) are not worth cutting. */
    static final long SPLIT_THRESHOLD = 1L << 16;
    /** Chunks per thread a large piece is cut into: a few, so a late thread finds work left. */
    static final int CHUNKS_PER_THREAD = 3;

    private record Piece(RowWork work, int rows, long cost, boolean divisible) {}

    private record Chunk(Runnable task, long cost) {}

    private final List<Piece> pieces = new ArrayList<>();

    /** Adds work over {@code rows} rows costing about {@code cost} multiply-adds in all. */
    PhasePlan add(RowWork work, int rows, long cost, boolean divisible) {
        pieces.add(new Piece(work, rows, cost, divisible));
        return this;
    }

    /** The chunks for a team of {@code threads} threads, in the order they should be claimed. */
    Runnable[] chunks(int threads) {
        List<Chunk> chunks = new ArrayList<>();
        for (Piece p : pieces) {
            int parts = threads == 1 || !p.divisible || p.cost < SPLIT_THRESHOLD ? 1
                    : Math.min(CHUNKS_PER_THREAD * threads, p.rows / ROW_ALIGNMENT);
            int[] bounds = splitRows(p.rows, Math.max(parts, 1));
            for (int t = 0; t + 1 < bounds.length; t++) {
                if (bounds[t + 1] > bounds[t]) {
                    chunks.add(new Chunk(p.work.bind(bounds[t], bounds[t + 1]),
                            p.cost * (bounds[t + 1] - bounds[t]) / p.rows));
                }
            }
        }
        if (threads > 1) {
            chunks.sort(Comparator.comparingLong(Chunk::cost).reversed()); // stable: ties keep their order
        }
        return chunks.stream().map(Chunk::task).toArray(Runnable[]::new);
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
}
