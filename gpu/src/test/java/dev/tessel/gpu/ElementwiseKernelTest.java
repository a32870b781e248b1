package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * Every elementwise kernel runs twice: as plain Java on the JVM (the kernel is its own oracle)
 * and on the device through {@link ElementwiseLoop}, from strided host data with special values.
 * It must also agree with the scalar reference, which holds NumPy's semantics (special values,
 * integer division by zero, shifts). Arithmetic and rounding must match bit for bit; library
 * math is within {@link #MATH_ULPS} of the kernel run as Java (two libms) and within the project's
 * ULP table ({@link #referenceUlps}, as in the conformance suite) of the scalar reference.
 */
class ElementwiseKernelTest {
    /** OpenCL's own bound for these functions is 4 ULP (exp, log, trig) in float and double. */
    static final double MATH_ULPS = 4;
    private static final Set<String> LIBRARY_MATH = Set.of("power", "arctan2", "exp", "log", "log2",
            "sin", "cos", "tan", "arcsin", "arccos", "arctan", "tanh", "arcsinh", "arccosh", "exp2", "log10",
            "deg2rad", "rad2deg", "cbrt", "expm1", "log1p", "sinh", "cosh", "arctanh", "hypot", "logaddexp",
            "logaddexp2", "float_power");
    /** The conformance suite's 1-ULP group (one rounding of a product, or a function within 1 ULP). */
    private static final Set<String> ONE_ULP = Set.of("deg2rad", "rad2deg", "hypot", "cbrt", "power",
            "float_power", "exp2");
    /**
     * TornadoMath's plain-Java versions of these use textbook formulas that overflow at large
     * |x| and lose small ones (asinh(-inf) gives NaN), while the device's are right: they are
     * checked against the scalar reference instead of against themselves run as Java.
     */
    private static final Set<String> JAVA_FALLBACK_INEXACT = Set.of("arcsinh", "arccosh");
    private static final int N = 1001;

    static Stream<String> kernels() {
        return KernelTable.STANDARD.keys().stream().filter(k -> k.kind() == Kind.ELEMENTWISE)
                .map(k -> k.ufunc() + ":" + k.types().getFirst().name())
                .filter(ElementwiseKernelTest::selected).sorted();
    }

    /** {@code -Dgpu.test.kernels=add,exp} (not a tessel.* key: Config rejects unknown ones) narrows a run while working on a few kernels. */
    static boolean selected(String id) {
        String only = System.getProperty("gpu.test.kernels");
        return only == null || only.isBlank() || Set.of(only.split(",")).contains(id.split(":")[0]);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void deviceMatchesTheKernelRunAsJava(String id) {
        Kernel k = kernel(id);
        int ins = k.inputs();
        MemorySegment[] segs = new MemorySegment[ins + 1];
        long[] offs = new long[ins + 1];
        long[] strides = new long[ins + 1];
        for (int i = 0; i < ins; i++) {
            // Input 0 is read with stride 2, input 1 backwards: the gather handles both.
            DType t = k.types().get(i);
            segs[i] = HostData.random(t, 2L * N, i * 2L);
            strides[i] = i == 0 ? 2 : -1;
            offs[i] = i == 0 ? 0 : N - 1;
        }
        DType outType = k.types().get(ins);
        segs[ins] = HostData.allocate(outType, N);
        strides[ins] = 1;
        long runs = DeviceStats.runs(0);
        long nanos = DeviceStats.deviceNanos(0);
        ElementwiseLoop.onDevice(k, DeviceLoops.CACHE, null, 0).run(segs, offs, strides, N);
        assertEquals(runs + 1, DeviceStats.runs(0), "one kernel execution on device 0");
        assertTrue(DeviceStats.deviceNanos(0) > nanos, "the device reported kernel time");
        if (JAVA_FALLBACK_INEXACT.contains(k.ufunc())) {
            compareWithReference(k, segs, offs, strides);
            return;
        }
        TornadoNativeArray expected = runAsJava(k, segs, offs, strides);
        compare(k, expected.getSegment(), segs[ins], outType, LIBRARY_MATH.contains(k.ufunc()) ? MATH_ULPS : 0);
        compareWithReference(k, segs, offs, strides);
    }

    /** The scalar reference's loop on the same operands, into a fresh output. */
    private static void compareWithReference(Kernel k, MemorySegment[] segs, long[] offs, long[] strides) {
        int ins = k.inputs();
        StridedLoop ref = ReferenceBackend.INSTANCE.loop(k.ufunc(), k.types().toArray(DType[]::new));
        assumeTrue(ref != null, "the scalar reference has no loop for " + k + " yet");
        MemorySegment[] refSegs = segs.clone();
        refSegs[ins] = HostData.allocate(k.types().get(ins), N);
        ref.run(refSegs, offs, strides, N);
        compare(k, refSegs[ins], segs[ins], k.types().get(ins), referenceUlps(k));
    }

    /** The project's ULP table: exact, 1 ULP, or 2 (float64) / 3 (float32) for transcendentals. */
    static double referenceUlps(Kernel k) {
        if (!LIBRARY_MATH.contains(k.ufunc())) {
            return 0;
        }
        if (ONE_ULP.contains(k.ufunc())) {
            return 1;
        }
        return k.types().getFirst() == DType.FLOAT32 ? 3 : 2;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TornadoNativeArray runAsJava(Kernel k, MemorySegment[] segs, long[] offs, long[] strides) {
        int ins = k.inputs();
        TornadoNativeArray[] p = new TornadoNativeArray[ins + 1];
        for (int i = 0; i <= ins; i++) {
            p[i] = NativeBuffers.allocate(k.types().get(i), N);
        }
        for (int i = 0; i < ins; i++) {
            NativeBuffers.gather(segs[i], offs[i], strides[i], k.types().get(i), p[i], 0, N);
        }
        if (ins == 1) {
            ((Task2) k.code()).apply(p[0], p[1]);
        } else {
            ((Task3) k.code()).apply(p[0], p[1], p[2]);
        }
        return p[ins];
    }

    static void compare(Kernel k, MemorySegment expected, MemorySegment actual, DType t, double bound) {
        for (int i = 0; i < N; i++) {
            if (t.isFloating()) {
                double e = t.getDouble(expected, i);
                double a = t.getDouble(actual, i);
                boolean same = bound == 0 ? Double.doubleToLongBits(e) == Double.doubleToLongBits(a)
                        || (e != e && a != a) : HostData.ulps(t, e, a) <= bound && sameZero(e, a);
                if (!same) {
                    fail(k + " element " + i + ": Java " + e + ", device " + a);
                }
            } else if (t.getLong(expected, i) != t.getLong(actual, i)) {
                fail(k + " element " + i + ": Java " + t.getLong(expected, i) + ", device " + t.getLong(actual, i));
            }
        }
    }

    /** Zeros must agree in sign even where a ULP bound applies. */
    private static boolean sameZero(double e, double a) {
        return e != 0 || a != 0 || (1 / e < 0) == (1 / a < 0);
    }

    static Kernel kernel(String id) {
        String[] p = id.split(":");
        DType t = DType.valueOf(p[1]);
        return KernelTable.STANDARD.keys().stream()
                .filter(k -> k.ufunc().equals(p[0]) && k.types().getFirst() == t && k.kind() == Kind.ELEMENTWISE)
                .map(k -> KernelTable.STANDARD.find(k.kind(), k.ufunc(), k.types()))
                .findFirst().orElseThrow();
    }
}
