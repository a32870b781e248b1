package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * Reduction and arg-reduction kernels: the device result equals the partial kernel run as
 * Java and combined the same way (bit for bit), and a plain sequential fold on the host
 * (exactly for min, max, integers and arg-reductions; within a few ULP of the length for
 * float sums and products, whose order differs).
 */
class ReductionKernelTest {
    /** 1, around one chunk, an awkward length, a full size class, and a strided read. */
    static Stream<Arguments> cases() {
        return KernelTable.STANDARD.keys().stream()
                .filter(k -> k.kind() == Kind.REDUCTION || k.kind() == Kind.ARG) // axis kernels: AxisReductionTest
                .sorted((a, b) -> (a.ufunc() + a.types()).compareTo(b.ufunc() + b.types()))
                .flatMap(k -> Stream.of(new long[] {1, 1}, new long[] {129, 1}, new long[] {1000, 3},
                                new long[] {4096, 1})
                        .map(ns -> Arguments.of(k.ufunc(), k.types().getFirst().name(), ns[0], ns[1])));
    }

    @ParameterizedTest(name = "{0} {1} n={2} stride={3}")
    @MethodSource("cases")
    void deviceMatchesJavaAndASequentialFold(String ufunc, String dtype, long n, long stride) {
        DType t = DType.valueOf(dtype);
        boolean arg = ufunc.startsWith("arg");
        Kernel k = KernelTable.STANDARD.find(arg ? Kind.ARG : Kind.REDUCTION, ufunc, List.of(t));
        MemorySegment in = HostData.random(t, n * stride, n);
        long runs = DeviceStats.runs(0);
        if (arg) {
            long got = new ArgReductionLoop(k, DeviceLoops.CACHE, null, 0).run(in, 0, stride, n);
            assertEquals(sequentialArg(ufunc.equals("argmax"), t, in, stride, n), got);
            assertEquals(ReferenceBackend.INSTANCE.argLoop(ufunc, t).run(in, 0, stride, n), got, "scalar reference");
        } else {
            MemorySegment out = HostData.allocate(t, 1);
            setStart(ufunc, t, out);
            new ReductionLoop(k, DeviceLoops.CACHE, null, 0).run(in, 0, stride, n, out, 0);
            MemorySegment twin = HostData.allocate(t, 1);
            setStart(ufunc, t, twin);
            runPartialsAsJava(k, t, in, stride, n).foldInto(twin, 0);
            assertEquals(t.getDouble(twin, 0), t.getDouble(out, 0), 0.0, "device vs Java twin");
            assertEquals(t.getLong(twin, 0), t.getLong(out, 0), "device vs Java twin");
            checkAgainstSequential(ufunc, t, in, stride, n, out);
            MemorySegment ref = HostData.allocate(t, 1);
            setStart(ufunc, t, ref);
            ReferenceBackend.INSTANCE.reduceLoop(ufunc, t).run(in, 0, stride, n, ref, 0);
            checkClose(ufunc, t, n, ref, out, magnitude(t, in, stride, n));
        }
        assertTrue(DeviceStats.runs(0) > runs, "ran on the device");
    }

    /** Exact for integers, min and max; within the length's error bound for float sums and products. */
    private static void checkClose(String ufunc, DType t, long n, MemorySegment ref, MemorySegment out,
                                   double magnitude) {
        if (!t.isFloating()) {
            assertEquals(t.getLong(ref, 0), t.getLong(out, 0), "scalar reference");
            return;
        }
        double r = t.getDouble(ref, 0);
        double got = t.getDouble(out, 0);
        if (ufunc.equals("add")) {
            // Both sum in a different order; each is within n * eps * sum|x| of the exact sum.
            double eps = t == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
            assertTrue(HostData.ulps(t, r, got) == 0 || Math.abs(r - got) <= 2 * n * eps * magnitude,
                    "sum " + got + " vs reference " + r);
            return;
        }
        double bound = ufunc.equals("multiply") ? 2.0 * n + 2 : 0;
        assertTrue(HostData.ulps(t, r, got) <= bound, ufunc + " " + got + " vs reference " + r);
    }

    private static double magnitude(DType t, MemorySegment in, long stride, long n) {
        double m = 3; // the accumulator's start value for add
        for (long i = 0; i < n; i++) {
            m += Math.abs(t.getDouble(in, i * stride));
        }
        return m;
    }

    private static void setStart(String ufunc, DType t, MemorySegment out) {
        switch (ufunc) {
            case "add" -> t.setLong(out, 0, 3);
            case "multiply" -> t.setLong(out, 0, 1);
            case "maximum" -> t.setLong(out, 0, t == DType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
            default -> t.setLong(out, 0, t == DType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
        }
        if (t.isFloating() && (ufunc.equals("maximum") || ufunc.equals("minimum"))) {
            t.setDouble(out, 0, ufunc.equals("maximum") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PartialCombiner runPartialsAsJava(Kernel k, DType t, MemorySegment in, long stride, long n) {
        TornadoNativeArray a = NativeBuffers.allocate(t, (int) n);
        NativeBuffers.gather(in, 0, stride, t, a, 0, n);
        IntArray meta = new IntArray(1);
        meta.set(0, (int) n);
        int chunks = ReductionLoop.chunks((int) n);
        TornadoNativeArray part = NativeBuffers.allocate(t, chunks);
        ((Task3) k.code()).apply(a, meta, part);
        PartialCombiner c = new PartialCombiner(k.ufunc(), t, n);
        c.add(part.getSegment(), chunks);
        return c;
    }

    private static void checkAgainstSequential(String ufunc, DType t, MemorySegment in, long stride, long n,
                                               MemorySegment out) {
        if (!t.isFloating()) {
            MemorySegment start = HostData.allocate(t, 1);
            setStart(ufunc, t, start);
            long acc = t.getLong(start, 0);
            for (long i = 0; i < n; i++) {
                long x = t.getLong(in, i * stride);
                acc = switch (ufunc) {
                    case "add" -> acc + x;
                    case "multiply" -> acc * x;
                    case "maximum" -> Math.max(acc, x);
                    default -> Math.min(acc, x);
                };
            }
            MemorySegment wrapped = HostData.allocate(t, 1);
            t.setLong(wrapped, 0, acc);
            assertEquals(t.getLong(wrapped, 0), t.getLong(out, 0), "sequential fold");
            return;
        }
        MemorySegment start = HostData.allocate(t, 1);
        setStart(ufunc, t, start);
        double acc = t.getDouble(start, 0);
        double scale = Math.abs(acc);
        for (long i = 0; i < n; i++) {
            double x = t.getDouble(in, i * stride);
            scale += Math.abs(x);
            acc = switch (ufunc) {
                case "add" -> acc + x;
                case "multiply" -> acc * x;
                case "maximum" -> (acc != acc || x != x) ? Double.NaN : Math.max(acc, x);
                default -> (acc != acc || x != x) ? Double.NaN : Math.min(acc, x);
            };
        }
        double got = t.getDouble(out, 0);
        if (ufunc.equals("add")) {
            // Sum error bound for n terms: n * eps * sum |x_i| (loose, order independent).
            double eps = t == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
            assertTrue(HostData.ulps(t, acc, got) == 0 || Math.abs(acc - got) <= n * eps * scale,
                    "sum " + got + " vs sequential " + acc);
        } else if (ufunc.equals("multiply")) {
            assertTrue(HostData.ulps(t, (float) acc == acc || t == DType.FLOAT64 ? acc : (float) acc, got)
                    <= 2.0 * n + 2, "product " + got + " vs sequential " + acc);
        } else {
            assertEquals(t == DType.FLOAT32 ? (float) acc : acc, got, 0.0, "min/max");
        }
    }

    private static long sequentialArg(boolean max, DType t, MemorySegment in, long stride, long n) {
        long at = 0;
        for (long i = 1; i < n; i++) {
            if (t.isFloating()) {
                double b = t.getDouble(in, at * stride);
                double x = t.getDouble(in, i * stride);
                if (b == b && (x != x || (max ? x > b : x < b))) {
                    at = i;
                }
            } else {
                long b = t.getLong(in, at * stride);
                long x = t.getLong(in, i * stride);
                if (max ? x > b : x < b) {
                    at = i;
                }
            }
        }
        return at;
    }
}
