package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.RowFold;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIMD row fold (sums down columns) gives the very bits of the reference's row-by-row
 * fold, which adds the rows in order as NumPy's axis-0 sum does: awkward row lengths and row
 * counts (around the eight-row pass), gaps between rows, negative row strides, specials.
 */
class RowFoldTest {
    private static final SimdBackend SIMD = new SimdBackend();
    private static final long[] ROWS = {0, 1, 2, 7, 8, 9, 16, 17, 31};

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void sumsDownColumnsMatchTheRowByRowFoldBitForBit(DType t) {
        RowFold mine = SIMD.rowFold("add", t);
        RowFold theirs = ReferenceBackend.INSTANCE.rowFold("add", t);
        assertNotNull(mine, "simd row fold of add " + t);
        Random rnd = new Random(29 + t.ordinal());
        int compared = 0;
        for (long n : Samples.sizes(Samples.lanes(t))) {
            for (long rows : ROWS) {
                for (long gap : new long[] {0, 5}) {
                    for (int sign : new int[] {1, -1}) {
                        long rowStride = sign * (n + gap);
                        long span = Math.max(1, rows) * (n + gap);
                        Samples.Run r = Samples.run(t, span, 1, rnd);
                        long off = r.off() + (sign < 0 ? (Math.max(1, rows) - 1) * (n + gap) : 0);
                        Samples.Run a = Samples.run(t, n, 1, rnd);
                        MemorySegment b = ScalarOracle.copy(a.seg());
                        mine.run(r.seg(), off, rowStride, rows, n, a.seg(), a.off());
                        theirs.run(r.seg(), off, rowStride, rows, n, b, a.off());
                        for (long i = 0; i < n + 2 * Samples.SLACK; i++) {
                            assertTrue(Samples.same(t, a.seg(), b, i), t + " n=" + n + " rows=" + rows + " stride="
                                    + rowStride + " at " + (i - a.off()) + ": " + t.getDouble(a.seg(), i) + " vs " + t.getDouble(b, i));
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 100, "only " + compared + " cases");
    }

    @ParameterizedTest
    @EnumSource(names = {"INT32", "INT64", "FLOAT32"})
    void onlyFloatAddHasARowFold(DType t) {
        assertNull(SIMD.rowFold(t == DType.FLOAT32 ? "multiply" : "add", t));
    }
}
