package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link DeviceMath} kernels on the device against the scalar reference, on inputs chosen
 * for each function's hard spots (halfway cases, huge quotients, subnormals, the edges of the
 * range splits, overflow thresholds), which {@link ElementwiseKernelTest}'s general data misses.
 * Bounds are the project's ULP table; zeros must agree in sign.
 */
class DeviceMathTest {
    private static final List<String> UFUNCS = List.of("fmod", "remainder", "floor_divide", "hypot", "logaddexp",
            "logaddexp2", "cbrt", "expm1", "log1p", "sinh", "cosh", "arctanh", "rint", "true_divide", "float_power");
    /** Which of {@link #UFUNCS} take two operands. */
    private static final Set<String> BINARY = Set.of("fmod", "remainder", "floor_divide", "hypot", "logaddexp",
            "logaddexp2", "true_divide", "float_power");
    private static final double[] HARD = {
        0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, 0.49999999999999994, -0.49999999999999994,
        4503599627370495.5, -4503599627370495.5, 9007199254740993.0, 1e-300, -1e-300, 4.9e-324, -4.9e-324,
        2.2250738585072014E-308, 1e-10, -1e-10, 1e-20, 0.3465735902799726, 0.34657359027997264, 0.999999, -0.999999,
        1.0, -1.0, 2.0, -2.0, 21.99, 22.01, 709.7, 709.9, 710.4, 711.0, -745.2, 1e300, -1e300, 1.7976931348623157E308,
        3.0, -3.0, 6.0, -6.0, 7.0, 0.1, -0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    };
    private static final int N = 1200;

    static Stream<String> kernels() {
        return UFUNCS.stream().flatMap(u -> Stream.of(u + ":FLOAT64", u + ":FLOAT32"))
                .filter(id -> KernelTable.STANDARD.find(Kind.ELEMENTWISE, id.split(":")[0],
                        types(id)) != null)
                .filter(ElementwiseKernelTest::selected);
    }

    private static List<DType> types(String id) {
        String u = id.split(":")[0];
        DType t = DType.valueOf(id.split(":")[1]);
        boolean binary = BINARY.contains(u);
        return binary ? List.of(t, t, t) : List.of(t, t);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void matchesTheReferenceOnHardInputs(String id) {
        Kernel k = KernelTable.STANDARD.find(Kind.ELEMENTWISE, id.split(":")[0], types(id));
        int ins = k.inputs();
        DType t = k.types().getFirst();
        MemorySegment[] segs = new MemorySegment[ins + 1];
        for (int i = 0; i < ins; i++) {
            segs[i] = values(t, 17 + i, i == 1);
        }
        segs[ins] = HostData.allocate(t, N);
        long[] offs = new long[ins + 1];
        long[] ones = new long[ins + 1];
        java.util.Arrays.fill(ones, 1);
        long runs = DeviceStats.runs(0);
        ElementwiseLoop.onDevice(k, DeviceLoops.CACHE, null, 0).run(segs, offs, ones, N);
        assertEquals(runs + 1, DeviceStats.runs(0), "one kernel execution on device 0");
        MemorySegment[] ref = segs.clone();
        ref[ins] = HostData.allocate(t, N);
        ReferenceBackend.INSTANCE.loop(k.ufunc(), k.types().toArray(DType[]::new)).run(ref, offs, ones, N);
        ElementwiseKernelTest.compare(k, ref[ins], segs[ins], t, ElementwiseKernelTest.referenceUlps(k));
    }

    /**
     * The hard values (the second operand gets them rotated, so each meets many partners),
     * then random ones: in (-1, 1), and spread over 10^-8 to 10^8 and near the overflow range.
     */
    private static MemorySegment values(DType t, long seed, boolean rotate) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < HARD.length; i++) {
            v.add(HARD[rotate ? (i * 7 + 3) % HARD.length : i]);
        }
        while (v.size() < N) {
            double x = switch (v.size() % 4) {
                case 0 -> r.nextDouble(-1, 1);
                case 1 -> r.nextDouble(-4, 4) * Math.pow(10, r.nextInt(-8, 9));
                case 2 -> r.nextDouble(-2, 2);
                default -> r.nextDouble(-720, 720);
            };
            v.add(x);
        }
        MemorySegment s = HostData.allocate(t, N);
        for (int i = 0; i < N; i++) {
            t.setDouble(s, i, v.get(i));
        }
        return s;
    }
}
