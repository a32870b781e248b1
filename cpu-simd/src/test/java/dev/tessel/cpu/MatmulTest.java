package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.spi.MatmulKernel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packed FMA matmul against a double-accumulating triple loop, with the forward error
 * bound |C - C*| <= 2 k eps |A||B| per element, for shapes that hit every edge of the tiling
 * (smaller than a tile, not multiples of MR or NR, deeper than KC, wider than NC, taller than
 * MC) and for layouts C/F order, transposed views, negative strides and a strided C.
 */
class MatmulTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 7, 3}, {5, 1, 9}, {6, 32, 4}, {7, 33, 5}, {13, 17, 300},
        {100, 1030, 5}, {150, 40, 260}, {64, 64, 64}, {3, 5, 0}};

    /** A matrix view: row stride, column stride, and where element (0,0) sits. */
    record View(MemorySegment seg, long off, long rs, long cs) {
        long at(long i, long j) {
            return off + i * rs + j * cs;
        }
    }

    /** Layout 0: C order; 1: F order; 2: rows reversed; 3: columns step 2, reversed. */
    private static View view(DType t, long rows, long cols, int layout, Random rnd) {
        long span = switch (layout) {
            case 3 -> rows * cols * 2 + 1;
            default -> rows * cols;
        };
        MemorySegment seg = Arena.ofAuto().allocate(Math.max(1, span) * t.itemSize(), 64);
        for (long i = 0; i < span; i++) {
            t.setDouble(seg, i, rnd.nextDouble() * 2 - 1);
        }
        return switch (layout) {
            case 0 -> new View(seg, 0, cols, 1);
            case 1 -> new View(seg, 0, 1, rows);
            case 2 -> new View(seg, (rows - 1) * cols, -cols, 1);
            default -> new View(seg, 2 * (cols - 1), 2 * cols, -2);
        };
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void matchesTheTripleLoopForEveryShapeAndLayout(DType t) {
        MatmulKernel mm = new SimdBackend().matmul(t);
        Random rnd = new Random(23 + t.ordinal());
        double eps = t == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        for (int[] shape : SHAPES) {
            int m = shape[0], n = shape[1], k = shape[2];
            for (int layout = 0; layout < 8; layout++) {
                View a = view(t, m, k, layout % 4, rnd);
                View b = view(t, k, n, (layout + 1) % 4, rnd);
                View c = view(t, m, n, (layout + 2) % 4, rnd);
                // Layouts 0-3 pack B in each call; 4-7 the same layouts with B packed once (forB).
                MatmulKernel kernel = layout < 4 ? mm : mm.forB(b.seg(), b.off(), b.rs(), b.cs(), n, k);
                kernel.run(a.seg(), a.off(), a.rs(), a.cs(), b.seg(), b.off(), b.rs(), b.cs(),
                        c.seg(), c.off(), c.rs(), c.cs(), m, n, k);
                for (long i = 0; i < m; i++) {
                    for (long j = 0; j < n; j++) {
                        double exact = 0;
                        double mag = 0;
                        for (long p = 0; p < k; p++) {
                            double x = t.getDouble(a.seg(), a.at(i, p)) * t.getDouble(b.seg(), b.at(p, j));
                            exact += x;
                            mag += Math.abs(x);
                        }
                        double got = t.getDouble(c.seg(), c.at(i, j));
                        String what = t + " " + m + "x" + n + "x" + k + " layout " + layout + " at (" + i + "," + j + ")";
                        if (k == 0) {
                            assertEquals(0.0, got, what);
                        } else {
                            assertTrue(Math.abs(got - exact) <= 2 * k * eps * mag + 1e-300, what + ": " + got + " vs " + exact);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void leavesTheGapsOfAStridedOutputAlone(DType t) {
        MatmulKernel mm = new SimdBackend().matmul(t);
        Random rnd = new Random(29);
        int m = 9, n = 37, k = 11;
        View a = view(t, m, k, 0, rnd);
        View b = view(t, k, n, 0, rnd);
        View c = view(t, m, n, 3, rnd); // every other element belongs to C
        MemorySegment before = ScalarOracle.copy(c.seg());
        mm.run(a.seg(), a.off(), a.rs(), a.cs(), b.seg(), b.off(), b.rs(), b.cs(), c.seg(), c.off(), c.rs(), c.cs(), m, n, k);
        for (long i = 1; i < m * n * 2 + 1; i += 2) {
            assertEquals(t.getDouble(before, i), t.getDouble(c.seg(), i), "gap element " + i);
        }
    }
}
