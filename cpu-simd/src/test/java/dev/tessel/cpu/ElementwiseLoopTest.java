package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exact elementwise loop of the SIMD backend against the scalar oracle, bit for bit
 * (NaNs alike), over awkward sizes and the stride patterns a loop can meet: contiguous, a
 * broadcast scalar on either side, reversed, step 2, mixed signs. The whole output segment is
 * compared, so writes outside the run fail too.
 */
class ElementwiseLoopTest {
    private static final SimdBackend SIMD = new SimdBackend();
    private static final DType[] TYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.INT16,
        DType.INT8};
    private static final long[][] BINARY_STRIDES = {{1, 1, 1}, {1, 0, 1}, {0, 1, 1}, {-1, -1, -1}, {-1, 0, -1},
        {0, -1, -1}, {2, 2, 2}, {-2, 1, 2}, {1, -1, 1}, {0, 0, 1}, {1, 1, -2}, {2, 0, 1}};
    private static final long[][] UNARY_STRIDES = {{1, 1}, {-1, -1}, {2, 1}, {1, -2}, {0, 1}, {-2, -2}};

    static Stream<Arguments> binaryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (DType t : TYPES) {
            for (String u : List.of("add", "subtract", "multiply", "divide", "maximum", "minimum", "fmax", "fmin",
                    "bitwise_and", "bitwise_or", "bitwise_xor")) {
                if (t.isFloating() ? !u.startsWith("bitwise") : !u.equals("divide")) {
                    cases.add(Arguments.of(u, new DType[] {t, t, t}));
                }
            }
            for (String u : List.of("equal", "not_equal", "less", "less_equal", "greater", "greater_equal")) {
                cases.add(Arguments.of(u, new DType[] {t, t, DType.BOOL}));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> arithmeticCases() {
        return binaryCases().filter(a -> ((DType[]) a.get()[1])[2] != DType.BOOL);
    }

    static Stream<Arguments> unaryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (DType t : TYPES) {
            for (String u : t.isFloating() ? List.of("negative", "absolute", "sqrt", "square", "reciprocal")
                    : List.of("negative", "absolute", "square", "invert")) {
                cases.add(Arguments.of(u, new DType[] {t, t}));
            }
            if (t.isFloating()) {
                for (String u : List.of("isnan", "isinf", "isfinite")) {
                    cases.add(Arguments.of(u, new DType[] {t, DType.BOOL}));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("binaryCases")
    void binaryMatchesOracle(String ufunc, DType[] types) {
        check(ufunc, types, BINARY_STRIDES);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unaryCases")
    void unaryMatchesOracle(String ufunc, DType[] types) {
        check(ufunc, types, UNARY_STRIDES);
    }

    /** {@code a = a op b} in place, forwards and reversed: each element is read before it is written. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("arithmeticCases")
    void inPlaceMatchesOracle(String ufunc, DType[] types) {
        StridedLoop loop = SIMD.loop(ufunc, types);
        StridedLoop oracle = ScalarOracle.loop(ufunc, types);
        Random rnd = new Random(99);
        DType t = types[0];
        for (long stride : new long[] {1, -1, 2}) {
            for (long n : Samples.sizes(Samples.lanes(t))) {
                Samples.Run a = Samples.run(t, n, stride, rnd);
                Samples.Run b = Samples.run(t, n, stride, rnd);
                MemorySegment expected = ScalarOracle.copy(a.seg());
                long[] offs = {a.off(), b.off(), a.off()};
                long[] strides = {stride, stride, stride};
                oracle.run(new MemorySegment[] {expected, b.seg(), expected}, offs.clone(), strides.clone(), n);
                loop.run(new MemorySegment[] {a.seg(), b.seg(), a.seg()}, offs.clone(), strides.clone(), n);
                for (long i = 0; i < a.seg().byteSize() / t.itemSize(); i++) {
                    if (!Samples.same(t, a.seg(), expected, i)) {
                        fail("in-place " + ufunc + " " + t + " n=" + n + " stride=" + stride + " element " + i);
                    }
                }
            }
        }
    }

    private static void check(String ufunc, DType[] types, long[][] patterns) {
        StridedLoop loop = SIMD.loop(ufunc, types);
        assertNotNull(loop, "simd has no " + ufunc + " loop for " + List.of(types));
        StridedLoop oracle = ScalarOracle.loop(ufunc, types);
        Random rnd = new Random(ufunc.hashCode() * 31L + types[0].ordinal());
        for (long[] strides : patterns) {
            for (long n : Samples.sizes(Samples.lanes(types[0]))) {
                runOnce(loop, oracle, types, strides, n, rnd, ufunc);
            }
        }
        runOnce(loop, oracle, types, patterns[0], 100_003, rnd, ufunc);
        runOnce(loop, oracle, types, patterns[1], 100_003, rnd, ufunc);
    }

    private static void runOnce(StridedLoop loop, StridedLoop oracle, DType[] types, long[] strides, long n,
                                Random rnd, String ufunc) {
        int k = types.length;
        MemorySegment[] segs = new MemorySegment[k];
        long[] offs = new long[k];
        for (int j = 0; j < k; j++) {
            Samples.Run r = Samples.run(types[j], n, strides[j], rnd);
            segs[j] = r.seg();
            offs[j] = r.off();
        }
        MemorySegment[] expected = segs.clone();
        expected[k - 1] = ScalarOracle.copy(segs[k - 1]);
        oracle.run(expected, offs.clone(), strides.clone(), n);
        loop.run(segs, offs.clone(), strides.clone(), n);
        DType out = types[k - 1];
        long total = segs[k - 1].byteSize() / out.itemSize();
        for (long i = 0; i < total; i++) {
            if (!Samples.same(out, segs[k - 1], expected[k - 1], i)) {
                fail(ufunc + " " + List.of(types) + " n=" + n + " strides=" + java.util.Arrays.toString(strides)
                        + ": element " + i + " of the output segment is " + out.getDouble(segs[k - 1], i)
                        + ", expected " + out.getDouble(expected[k - 1], i));
            }
        }
        assertEquals(expected[k - 1].byteSize(), segs[k - 1].byteSize());
    }
}
