package dev.tessel.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessel.DType;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import org.junit.jupiter.api.Test;

class TilePlanTest {
    private static final long TILE_BYTES = 32 * 1024;

    private static OpRequest ew(DType t, long n) {
        return new OpRequest("add", OpKind.ELEMENTWISE, t, n, 3 * n * t.itemSize());
    }

    @Test
    void elementwiseTilesHoldTileBytesOfEachOperand() {
        assertEquals(new TilePlan(8192, 123), TilePlan.of(ew(DType.FLOAT32, 1_000_000), 1_000_000, 1, TILE_BYTES));
        assertEquals(new TilePlan(4096, 245), TilePlan.of(ew(DType.FLOAT64, 1_000_000), 1_000_000, 1, TILE_BYTES));
        assertEquals(new TilePlan(32768, 31), TilePlan.of(ew(DType.INT8, 1_000_000), 1_000_000, 1, TILE_BYTES));
        assertEquals(new TilePlan(1000, 1), TilePlan.of(ew(DType.FLOAT32, 1000), 1000, 1, TILE_BYTES));
        assertEquals(new TilePlan(0, 0), TilePlan.of(ew(DType.FLOAT32, 0), 0, 1, TILE_BYTES));
    }

    @Test
    void tileBoundsAreMultiplesOfTheGrain() {
        TilePlan p = TilePlan.of(ew(DType.FLOAT32, 1_000_000), 1_000_000, 3000, TILE_BYTES);
        assertEquals(new TilePlan(6000, 167), p);
        // A grain larger than the cache target wins.
        assertEquals(new TilePlan(10000, 100), TilePlan.of(ew(DType.FLOAT32, 1_000_000), 1_000_000, 10000, TILE_BYTES));
    }

    @Test
    void reductionRowsAndMatmulRowsCountTheirWork() {
        // sum over axis 1 of (1000, 1000) float32: an index is a row of 1000 elements.
        OpRequest rows = new OpRequest("sum", OpKind.REDUCTION, DType.FLOAT32, 1_000_000, 4_004_000);
        assertEquals(new TilePlan(8, 125), TilePlan.of(rows, 1000, 1, TILE_BYTES));
        // 1024^3 multiply-adds over 1024 output rows: one row (1M madds) per tile.
        OpRequest mm = new OpRequest("matmul", OpKind.MATMUL, DType.FLOAT32, 1L << 30, 3L << 22);
        assertEquals(new TilePlan(1, 1024), TilePlan.of(mm, 1024, 1, TILE_BYTES));
        // 64^3 madds over 64 rows: 4096 madds per row, 64 rows per tile.
        OpRequest small = new OpRequest("matmul", OpKind.MATMUL, DType.FLOAT64, 1L << 18, 3L << 15);
        assertEquals(new TilePlan(64, 1), TilePlan.of(small, 64, 1, TILE_BYTES));
    }

    @Test
    void lastTileIsShorter() {
        TilePlan p = TilePlan.of(ew(DType.FLOAT32, 20000), 20000, 1, TILE_BYTES);
        assertEquals(3, p.count());
        assertEquals(16384, p.start(2));
        assertEquals(20000, p.end(2, 20000));
    }
}
