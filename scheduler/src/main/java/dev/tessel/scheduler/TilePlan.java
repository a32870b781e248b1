package dev.tessel.scheduler;

import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;

/**
 * How an iteration space {@code [0, total)} is cut into tiles: a fixed tile length, a
 * multiple of the caller's grain, chosen from the op and its size only, never from the thread
 * count, so that a reduction's partial results (one per tile) are the same on any number of
 * threads.
 *
 * <p>Elementwise ops, copies and reductions: a tile covers {@code tessel.parallel.tileBytes}
 * (32 KiB by default) of each operand, so a binary op's three operands stay in L1/L2 while it
 * runs. Matmul: a tile holds about {@value #MATMUL_TILE_WORK} multiply-adds, enough to hide
 * the cost of claiming it.
 *
 * @param length indices per tile (the last tile may be shorter)
 * @param count number of tiles
 */
record TilePlan(long length, int count) {
    /** Multiply-adds per matmul tile. */
    static final long MATMUL_TILE_WORK = 1L << 18;

    /** The plan for {@code request} over {@code [0, total)} with bounds on multiples of {@code grain}. */
    static TilePlan of(OpRequest request, long total, long grain, long tileBytes) {
        if (total <= 0) {
            return new TilePlan(0, 0);
        }
        long length = length(request, total, grain, tileBytes / itemSize(request));
        if (length >= total) {
            return new TilePlan(total, 1);
        }
        return new TilePlan(length, (int) ((total + length - 1) / length));
    }

    /**
     * The tile length of {@link #of} for {@code total > 0}; {@code tileElements} is
     * {@code tileBytes / itemSize}, which the scheduler keeps per dtype so that the per-op path
     * (a one-tile op asks only "is {@code total} at most this?") does no division by the item size.
     */
    static long length(OpRequest request, long total, long grain, long tileElements) {
        long g = Math.max(1, grain);
        long length;
        if (request.kind() != OpKind.MATMUL && request.elements() <= total) {
            length = Math.max(1, tileElements); // one element per index: the common elementwise case
        } else {
            // Work per index: an index may stand for a row of a reduction or of a matmul.
            double perIndex = Math.max(1.0, (double) request.elements() / total);
            double target = request.kind() == OpKind.MATMUL ? MATMUL_TILE_WORK : (double) tileElements;
            length = (long) Math.max(1, target / perIndex);
        }
        // Round down to a multiple of the grain; a power-of-two grain (the usual) needs no division.
        length = Math.max(g, (g & (g - 1)) == 0 ? length & -g : length / g * g);
        if (length >= total) {
            return length; // one tile: the small op's case, kept free of divisions
        }
        // Tiles are counted in an int; past 2^30 tiles, grow them instead.
        while ((total + length - 1) / length > (1 << 30)) {
            length *= 2;
        }
        return length;
    }

    /** Bytes per element of the request's dtype (8 when it has none). */
    static int itemSize(OpRequest request) {
        return request.dtype() == null ? 8 : Math.max(1, request.dtype().itemSize());
    }

    long start(int tile) {
        return tile * length;
    }

    long end(int tile, long total) {
        return Math.min(total, (tile + 1) * length);
    }
}
