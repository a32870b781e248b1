package dev.tessel.gpu;

import dev.tessel.DType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task4;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;
import uk.ac.manchester.tornado.api.types.arrays.LongArray;

/**
 * Every kernel the GPU backend has, by ufunc name and resolved loop dtypes (the shared naming
 * convention: inputs, then outputs). The generated {@code *Kernels} classes fill it.
 *
 * <p>Elementwise ufuncs on FLOAT32, FLOAT64, INT32 and INT64 that have no kernel here, so the
 * generic layer runs them on the CPU (or casts), and why:
 * <ul>
 *   <li>float64 {@code logaddexp}, {@code logaddexp2}: {@code x + log1p(exp(-d))} cancels for
 *       negative x, and the device's exp/log, an ulp from Java's, put it up to 4 ULP from the
 *       reference, above the table's 2 (float32 computes in double and is within 3);</li>
 *   <li>integer {@code power}: NumPy raises on a negative exponent, which a kernel cannot;</li>
 *   <li>{@code nextafter}: needs the floats' bit patterns (not attempted);</li>
 *   <li>{@code clip}, {@code where}: three inputs, and the table holds unary and binary kernels only;</li>
 *   <li>{@code divmod}: two outputs (floor_divide and remainder each have kernels).</li>
 * </ul>
 */
final class KernelTable {
    /** The kernels of Tessel's four device dtypes; other dtypes go through a cast or the CPU. */
    static final KernelTable STANDARD = standard();

    private final Map<Key, Kernel> kernels = new HashMap<>();

    private static KernelTable standard() {
        KernelTable t = new KernelTable();
        Float32Kernels.register(t);
        Float64Kernels.register(t);
        Int32Kernels.register(t);
        Int64Kernels.register(t);
        return t;
    }

    <A, O> void binary(String ufunc, DType in, DType out, Task3<A, A, O> code) {
        put(new Kernel(Kind.ELEMENTWISE, ufunc, List.of(in, in, out), code));
    }

    <A, O> void unary(String ufunc, DType in, DType out, Task2<A, O> code) {
        put(new Kernel(Kind.ELEMENTWISE, ufunc, List.of(in, out), code));
    }

    <A> void reduction(String ufunc, DType type, Task3<A, IntArray, A> code) {
        put(new Kernel(Kind.REDUCTION, ufunc, List.of(type), code));
    }

    <A> void arg(String which, DType type, Task4<A, IntArray, A, IntArray> code) {
        put(new Kernel(Kind.ARG, which, List.of(type), code));
    }

    /** An axis reduction: {@code partials(in, meta, part)} then {@code combine(part, meta, out)}, one graph. */
    <A> void axis(String ufunc, DType type, Task3<A, IntArray, A> partials, Task3<A, IntArray, A> combine) {
        put(new Kernel(Kind.AXIS, ufunc, List.of(type), new Stages(partials, combine)));
    }

    /** An axis arg-reduction: {@code partials(in, meta, values, indices)} then {@code combine(values, indices, meta, out)}. */
    <A> void axisArg(String which, DType type, Task4<A, IntArray, A, IntArray> partials,
                     Task4<A, IntArray, IntArray, LongArray> combine) {
        put(new Kernel(Kind.AXIS_ARG, which, List.of(type), new Stages(partials, combine)));
    }

    private void put(Kernel k) {
        if (kernels.putIfAbsent(new Key(k.kind, k.ufunc, k.types), k) != null) {
            throw new IllegalStateException("kernel registered twice: " + k);
        }
    }

    /** The kernel, or null when this backend has none. */
    Kernel find(Kind kind, String ufunc, List<DType> types) {
        return kernels.get(new Key(kind, ufunc, types));
    }

    Set<Key> keys() {
        return kernels.keySet();
    }

    /** What a kernel computes, which shapes its parameters. */
    enum Kind {
        /** {@code (in..., out)}, one work-item per element. */
        ELEMENTWISE,
        /** {@code (in, meta[n], partials)}, one partial per chunk of the input. */
        REDUCTION,
        /** {@code (in, meta[n], partialValues, partialIndices)}. */
        ARG,
        /** Two {@link Stages}: chunk partials of every output of an (outer, n, inner) block, then their fold per output. */
        AXIS,
        /** As {@link #AXIS}, for argmin/argmax: values and indices per chunk, then an int64 position per output. */
        AXIS_ARG
    }

    /** The two task functions of an axis kernel, run as one task graph. */
    record Stages(Object partials, Object combine) {
    }

    record Key(Kind kind, String ufunc, List<DType> types) {
    }

    /**
     * One kernel: {@code code} is a TornadoVM task function ({@code Task2}, {@code Task3} or
     * {@code Task4}), a static method that also runs as plain Java; {@link Stages} for the axis kinds.
     */
    record Kernel(Kind kind, String ufunc, List<DType> types, Object code) {
        int inputs() {
            return kind == Kind.ELEMENTWISE ? types.size() - 1 : 1;
        }

        @Override
        public String toString() {
            return ufunc + types.toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
