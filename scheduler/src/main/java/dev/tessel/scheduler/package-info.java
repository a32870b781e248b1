/**
 * Tessel's engine: placement, tiling, the worker pool and the thread budget.
 *
 * <h2>The op pipeline</h2>
 * An op in the generic layer goes through four steps, and only the last two are the
 * engine's: (1) resolve dtypes and the output; (2) build the iteration space
 * ({@link dev.tessel.spi.Layout}) and ask the chosen backend for its 1-D loop; (3)
 * {@link dev.tessel.spi.Engine#place} chooses the backend from an
 * {@link dev.tessel.spi.OpRequest}; (4) {@link dev.tessel.spi.Engine#forEachRange} runs a
 * {@link dev.tessel.spi.RangeTask} over tiles and records the {@link dev.tessel.Placement}.
 *
 * <h2>Seam for fused expressions</h2>
 * A later fused path (a chain of elementwise ops evaluated tile by tile in one pass) needs no
 * change here. It sends one {@code OpRequest} for the whole chain, of kind
 * {@code ELEMENTWISE}, whose {@code bytes} count the chain's inputs and final output only (not
 * its intermediates, which never reach memory), and one {@code RangeTask} that, for its
 * range, runs each loop of the chain in turn into tile-local scratch buffers of at most
 * {@code end - start} elements. Because {@link dev.tessel.scheduler.TilePlan} sizes a tile
 * from {@code tessel.parallel.tileBytes} per operand, the scratch stays in cache with the
 * operands; placement, thresholds, the budget and the record all apply to the chain as to
 * one op. What it would add is an {@code OpKind} (or a flag on the request) only if fused
 * chains come to need their own thresholds.
 *
 * <h2>Determinism</h2>
 * Tile bounds depend on the request, the size and the configuration only, never on the
 * thread count, so a reduction that combines per-tile partials in tile order is bitwise
 * reproducible for any budget from 1 to 1024.
 */
package dev.tessel.scheduler;
