package dev.tessel;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * The static facade for creating arrays, as NumPy's module-level functions.
 *
 * <pre>{@code
 * NdArray a = Nd.arange(6, DType.FLOAT32).reshape(2, 3);
 * NdArray b = Nd.array(new double[][] {{1, 2}, {3, 4}});
 * }</pre>
 */
public final class Nd {
    private Nd() {
    }

    // ---- filled arrays ----

    /** A float64 array of zeros. */
    public static NdArray zeros(long... shape) {
        return zeros(DType.FLOAT64, shape);
    }

    public static NdArray zeros(DType dtype, long... shape) {
        return NdArray.allocate(dtype, shape);
    }

    /**
     * An array whose contents are unspecified, as NumPy's {@code empty}: small arrays come zeroed
     * from the allocator, while an array of 4 MiB or more may reuse a collected array's memory
     * as that array left it (see {@link Storage}), where {@link #zeros} fills it with zeros.
     */
    public static NdArray empty(DType dtype, long... shape) {
        return NdArray.allocateForOverwrite(dtype, shape);
    }

    public static NdArray ones(long... shape) {
        return full(DType.FLOAT64, 1, shape);
    }

    public static NdArray ones(DType dtype, long... shape) {
        return full(dtype, 1, shape);
    }

    public static NdArray full(DType dtype, double value, long... shape) {
        NdArray a = NdArray.allocate(dtype, shape);
        if (value != 0 || Double.doubleToRawLongBits(value) != 0) {
            a.fill(value);
        }
        return a;
    }

    // ---- ranges ----

    /** {@code [0, 1, ..., stop-1]} as int64. */
    public static NdArray arange(long stop) {
        return arange(0, stop, 1, DType.INT64);
    }

    /** {@code [0, 1, ..., stop-1]} in {@code dtype}. */
    public static NdArray arange(long stop, DType dtype) {
        return arange(0, stop, 1, dtype);
    }

    /** Values {@code start, start+step, ...} below {@code stop} (above, for a negative step). */
    public static NdArray arange(double start, double stop, double step, DType dtype) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero and finite, got " + step);
        }
        long n = (long) Math.max(0, Math.ceil((stop - start) / step));
        NdArray a = NdArray.allocate(dtype, n);
        MemorySegment seg = a.segment();
        for (long i = 0; i < n; i++) {
            if (dtype.isFloating()) {
                dtype.setDouble(seg, i, start + i * step);
            } else {
                dtype.setLong(seg, i, (long) start + i * (long) step);
            }
        }
        return a;
    }

    /** {@code num} evenly spaced float64 values from {@code start} to {@code stop} inclusive. */
    public static NdArray linspace(double start, double stop, long num) {
        return linspace(start, stop, num, true, DType.FLOAT64);
    }

    /** As {@code np.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)}. */
    public static NdArray linspace(double start, double stop, long num, boolean endpoint, DType dtype) {
        if (num < 0) {
            throw new IllegalArgumentException("Number of samples, " + num + ", must be non-negative.");
        }
        NdArray a = NdArray.allocate(dtype, num);
        long div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : Double.NaN;
        for (long i = 0; i < num; i++) {
            double v = div > 0 ? start + i * step : start;
            dtype.setDouble(a.segment(), i, v);
        }
        if (endpoint && num > 1) {
            dtype.setDouble(a.segment(), num - 1, stop);
        }
        return a;
    }

    /** An {@code n x m} float64 matrix with ones on diagonal {@code k}. */
    public static NdArray eye(long n, long m, long k, DType dtype) {
        NdArray a = NdArray.allocate(dtype, n, m);
        for (long i = 0; i < n; i++) {
            long j = i + k;
            if (j >= 0 && j < m) {
                dtype.setLong(a.segment(), i * m + j, 1);
            }
        }
        return a;
    }

    public static NdArray eye(long n) {
        return eye(n, n, 0, DType.FLOAT64);
    }

    public static NdArray identity(long n, DType dtype) {
        return eye(n, n, 0, dtype);
    }

    // ---- from Java ----

    /**
     * A copy of a Java array, nested to any depth ({@code double[][]}, {@code int[][][]}, ...).
     * The dtype follows the element type: boolean to BOOL, byte to INT8, short to INT16, int to
     * INT32, long to INT64, float to FLOAT32, double to FLOAT64. Nested arrays must be
     * rectangular.
     */
    public static NdArray array(Object javaArray) {
        if (javaArray == null || !javaArray.getClass().isArray()) {
            throw new IllegalArgumentException("Nd.array needs a Java array, got "
                    + (javaArray == null ? "null" : javaArray.getClass().getName()));
        }
        List<Long> dims = new ArrayList<>();
        Class<?> c = javaArray.getClass();
        Object probe = javaArray;
        while (c.isArray()) {
            int len = Array.getLength(probe);
            dims.add((long) len);
            c = c.getComponentType();
            if (c.isArray()) {
                probe = len > 0 ? Array.get(probe, 0) : null;
                if (probe == null) {
                    while (c.isArray()) {
                        dims.add(0L);
                        c = c.getComponentType();
                    }
                    break;
                }
            }
        }
        DType dtype = dtypeOf(c);
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        NdArray a = NdArray.allocate(dtype, shape);
        fillFrom(javaArray, a, 0, 0);
        return a;
    }

    /** A copy of a Java array with an explicit dtype. */
    public static NdArray array(Object javaArray, DType dtype) {
        return array(javaArray).astype(dtype);
    }

    private static long fillFrom(Object arr, NdArray a, int depth, long pos) {
        if (arr == null) {
            throw new ShapeException("setting an array element with a sequence: the nested Java array has a null entry at axis "
                    + (depth - 1));
        }
        int len = Array.getLength(arr);
        if (len != a.shape[depth]) {
            throw new ShapeException("setting an array element with a sequence: the nested Java array is not rectangular (axis "
                    + depth + " has lengths " + a.shape[depth] + " and " + len + ")");
        }
        if (depth == a.ndim() - 1) {
            MemorySegment src = heapSegment(arr);
            MemorySegment.copy(src, 0, a.segment(), pos * a.dtype.itemSize(), (long) len * a.dtype.itemSize());
            return pos + len;
        }
        for (int i = 0; i < len; i++) {
            pos = fillFrom(Array.get(arr, i), a, depth + 1, pos);
        }
        return pos;
    }

    private static MemorySegment heapSegment(Object arr) {
        return switch (arr) {
            case boolean[] b -> {
                byte[] bytes = new byte[b.length];
                for (int i = 0; i < b.length; i++) {
                    bytes[i] = (byte) (b[i] ? 1 : 0);
                }
                yield MemorySegment.ofArray(bytes);
            }
            case byte[] b -> MemorySegment.ofArray(b);
            case short[] s -> MemorySegment.ofArray(s);
            case int[] i -> MemorySegment.ofArray(i);
            case long[] l -> MemorySegment.ofArray(l);
            case float[] f -> MemorySegment.ofArray(f);
            case double[] d -> MemorySegment.ofArray(d);
            default -> throw new IllegalArgumentException("unsupported Java element type " + arr.getClass().getComponentType());
        };
    }

    private static DType dtypeOf(Class<?> c) {
        if (c == boolean.class) {
            return DType.BOOL;
        } else if (c == byte.class) {
            return DType.INT8;
        } else if (c == short.class) {
            return DType.INT16;
        } else if (c == int.class) {
            return DType.INT32;
        } else if (c == long.class) {
            return DType.INT64;
        } else if (c == float.class) {
            return DType.FLOAT32;
        } else if (c == double.class) {
            return DType.FLOAT64;
        }
        throw new IllegalArgumentException("Nd.array supports arrays of primitives, not " + c.getName());
    }

    /** A view of a Java array without copying (shape defaults to 1-D). Writes show through. */
    public static NdArray wrap(float[] data, long... shape) {
        return wrap(MemorySegment.ofArray(data), DType.FLOAT32, data.length, shape);
    }

    public static NdArray wrap(double[] data, long... shape) {
        return wrap(MemorySegment.ofArray(data), DType.FLOAT64, data.length, shape);
    }

    public static NdArray wrap(int[] data, long... shape) {
        return wrap(MemorySegment.ofArray(data), DType.INT32, data.length, shape);
    }

    public static NdArray wrap(long[] data, long... shape) {
        return wrap(MemorySegment.ofArray(data), DType.INT64, data.length, shape);
    }

    public static NdArray wrap(short[] data, long... shape) {
        return wrap(MemorySegment.ofArray(data), DType.INT16, data.length, shape);
    }

    public static NdArray wrap(byte[] data, long... shape) {
        return wrap(MemorySegment.ofArray(data), DType.INT8, data.length, shape);
    }

    /**
     * A C-ordered view of {@code segment} (native byte order) without copying. The segment must
     * hold exactly {@code product(shape)} elements of {@code dtype}.
     */
    public static NdArray wrap(MemorySegment segment, DType dtype, long... shape) {
        if (segment.byteSize() % dtype.itemSize() != 0) {
            throw new IllegalArgumentException("segment of " + segment.byteSize() + " bytes is not a whole number of "
                    + dtype + " elements");
        }
        return wrap(segment, dtype, segment.byteSize() / dtype.itemSize(), shape);
    }

    private static NdArray wrap(MemorySegment seg, DType dtype, long length, long[] shape) {
        long[] s = shape.length == 0 ? new long[] {length} : shape.clone();
        Shape.validate(s);
        if (Shape.size(s) != length) {
            throw new ShapeException("cannot wrap " + length + " elements as shape " + Shape.format(s));
        }
        return new NdArray(Storage.of(seg, false), dtype, s, Shape.cStrides(s), 0, true);
    }

    /** A 0-d array holding one value. */
    public static NdArray scalar(double value, DType dtype) {
        NdArray a = NdArray.allocate(dtype);
        dtype.setDouble(a.segment(), 0, value);
        return a;
    }

    /** A 0-d int64 array. */
    public static NdArray scalar(long value) {
        NdArray a = NdArray.allocate(DType.INT64);
        DType.INT64.setLong(a.segment(), 0, value);
        return a;
    }

    // ---- ufuncs (shortcuts; the logic lives in Ufunc, Reduction, NamedReductions, MatrixProduct) ----

    /** Axes of a varargs shortcut: none given means every axis. */
    static int[] axesOrAll(int[] axes) {
        return axes == null || axes.length == 0 ? null : axes;
    }

    public static NdArray add(NdArray a, NdArray b) { return Ufuncs.ADD.call(a, b); }
    public static NdArray subtract(NdArray a, NdArray b) { return Ufuncs.SUBTRACT.call(a, b); }
    public static NdArray multiply(NdArray a, NdArray b) { return Ufuncs.MULTIPLY.call(a, b); }
    public static NdArray divide(NdArray a, NdArray b) { return Ufuncs.TRUE_DIVIDE.call(a, b); }
    public static NdArray power(NdArray a, NdArray b) { return Ufuncs.POWER.call(a, b); }
    public static NdArray maximum(NdArray a, NdArray b) { return Ufuncs.MAXIMUM.call(a, b); }
    public static NdArray minimum(NdArray a, NdArray b) { return Ufuncs.MINIMUM.call(a, b); }
    public static NdArray clip(NdArray a, double lo, double hi) { return Ufuncs.CLIP.call(a, lo, hi); }
    public static NdArray abs(NdArray a) { return Ufuncs.ABSOLUTE.call(a); }
    public static NdArray sqrt(NdArray a) { return Ufuncs.SQRT.call(a); }
    public static NdArray exp(NdArray a) { return Ufuncs.EXP.call(a); }
    public static NdArray log(NdArray a) { return Ufuncs.LOG.call(a); }
    public static NdArray sin(NdArray a) { return Ufuncs.SIN.call(a); }
    public static NdArray cos(NdArray a) { return Ufuncs.COS.call(a); }
    public static NdArray tanh(NdArray a) { return Ufuncs.TANH.call(a); }
    public static NdArray floor(NdArray a) { return Ufuncs.FLOOR.call(a); }
    public static NdArray ceil(NdArray a) { return Ufuncs.CEIL.call(a); }
    public static NdArray isnan(NdArray a) { return Ufuncs.ISNAN.call(a); }
    /** Elements of x where cond is true, else of y (all three broadcast). */
    public static NdArray where(NdArray cond, NdArray x, NdArray y) { return Ufuncs.WHERE.call(cond, x, y); }
    public static NdArray matmul(NdArray a, NdArray b) { return MatrixProduct.matmul(a, b); }
    public static NdArray dot(NdArray a, NdArray b) { return MatrixProduct.dot(a, b); }
    /** matmul into {@code out}: NumPy's gufunc rules (core dims must match, batch dims broadcast, same_kind cast). */
    public static NdArray matmul(NdArray a, NdArray b, NdArray out) { return MatrixProduct.matmul(a, b, out); }
    /** dot into {@code out}: NumPy requires exactly the result's dtype and shape, C-contiguous. */
    public static NdArray dot(NdArray a, NdArray b, NdArray out) { return MatrixProduct.dot(a, b, out); }
    public static NdArray sum(NdArray a, int... axes) { return NamedReductions.sum(a, axesOrAll(axes), null, false); }
    public static NdArray sum(NdArray a, int[] axes, DType dtype, boolean keepdims) { return NamedReductions.sum(a, axes, dtype, keepdims); }
    public static NdArray prod(NdArray a, int... axes) { return NamedReductions.prod(a, axesOrAll(axes), null, false); }
    public static NdArray max(NdArray a, int... axes) { return NamedReductions.max(a, axesOrAll(axes), false); }
    public static NdArray min(NdArray a, int... axes) { return NamedReductions.min(a, axesOrAll(axes), false); }
    public static NdArray mean(NdArray a, int... axes) { return NamedReductions.mean(a, axesOrAll(axes), null, false); }
    /** Variance with {@code ddof} delta degrees of freedom over {@code axes} (null: all). */
    public static NdArray var(NdArray a, int[] axes, double ddof, boolean keepdims) { return NamedReductions.var(a, axes, ddof, keepdims); }
    public static NdArray std(NdArray a, int[] axes, double ddof, boolean keepdims) { return NamedReductions.std(a, axes, ddof, keepdims); }
    public static NdArray any(NdArray a, int... axes) { return NamedReductions.any(a, axesOrAll(axes), false); }
    public static NdArray all(NdArray a, int... axes) { return NamedReductions.all(a, axesOrAll(axes), false); }
    public static NdArray argmax(NdArray a) { return ArgReduction.argmax(a, null); }
    public static NdArray argmax(NdArray a, int axis) { return ArgReduction.argmax(a, axis); }
    public static NdArray argmin(NdArray a) { return ArgReduction.argmin(a, null); }
    public static NdArray argmin(NdArray a, int axis) { return ArgReduction.argmin(a, axis); }
    public static NdArray cumsum(NdArray a) { return NamedReductions.cumsum(a, null); }
    public static NdArray cumsum(NdArray a, int axis) { return NamedReductions.cumsum(a, axis); }
    public static NdArray cumprod(NdArray a) { return NamedReductions.cumprod(a, null); }
    public static NdArray cumprod(NdArray a, int axis) { return NamedReductions.cumprod(a, axis); }
    public static NdArray nansum(NdArray a, int... axes) { return NanReductions.nansum(a, axesOrAll(axes), false); }
    public static NdArray nanprod(NdArray a, int... axes) { return NanReductions.nanprod(a, axesOrAll(axes), false); }
    public static NdArray nanmin(NdArray a, int... axes) { return NanReductions.nanmin(a, axesOrAll(axes), false); }
    public static NdArray nanmax(NdArray a, int... axes) { return NanReductions.nanmax(a, axesOrAll(axes), false); }
    public static NdArray nanmean(NdArray a, int... axes) { return NanReductions.nanmean(a, axesOrAll(axes), false); }
    public static NdArray nanvar(NdArray a, int[] axes, double ddof, boolean keepdims) { return NanReductions.nanvar(a, axes, ddof, keepdims); }
    public static NdArray nanstd(NdArray a, int[] axes, double ddof, boolean keepdims) { return NanReductions.nanstd(a, axes, ddof, keepdims); }
    public static NdArray nanargmin(NdArray a) { return NanReductions.nanargmin(a, null); }
    public static NdArray nanargmin(NdArray a, int axis) { return NanReductions.nanargmin(a, axis); }
    public static NdArray nanargmax(NdArray a) { return NanReductions.nanargmax(a, null); }
    public static NdArray nanargmax(NdArray a, int axis) { return NanReductions.nanargmax(a, axis); }
    // ---- .npy / .npz I/O (area: npy; logic in Npy, NpyHeader, Npz) ----

    /**
     * Reads a {@code .npy} file, as {@code np.load}. Every Tessel dtype in either byte order
     * (converted to native), C or Fortran order (kept: a Fortran file gives an F-contiguous
     * array). Objects are never deserialized.
     *
     * @throws NpyFormatException for bad magic, an unsupported version or dtype, a header over
     *                            10,000 bytes or not a plain literal dict, or a payload whose
     *                            length does not match the shape
     */
    public static NdArray load(java.nio.file.Path path) throws java.io.IOException {
        return Npy.load(path);
    }

    /**
     * Writes {@code a} as a {@code .npy} file, as {@code np.save}: native byte order, C order
     * for C-contiguous arrays, {@code fortran_order: True} for F-contiguous ones, else a
     * C-order copy.
     */
    public static void save(java.nio.file.Path path, NdArray a) throws java.io.IOException {
        Npy.save(path, a);
    }

    /** Reads every array of a {@code .npz} archive (stored or deflated) into an unmodifiable map in archive order. */
    public static java.util.Map<String, NdArray> loadz(java.nio.file.Path path) throws java.io.IOException {
        return Npz.load(path);
    }

    /** Writes arrays to an uncompressed {@code .npz} archive, as {@code np.savez}; entry {@code k} is {@code k.npy}. */
    public static void savez(java.nio.file.Path path, java.util.Map<String, NdArray> arrays) throws java.io.IOException {
        Npz.save(path, arrays);
    }

    /**
     * Maps a {@code .npy} file read-only, as {@code np.load(path, mmap_mode='r')}: writes fail
     * with {@link ReadOnlyArrayException}. The mapping lives until the array is garbage
     * collected. Files whose multi-byte dtype is not in native byte order are refused (mapped
     * storage is used in place and Tessel's storage is native); read those with {@link #load}.
     */
    public static NdArray mmap(java.nio.file.Path path) throws java.io.IOException {
        return Npy.mmap(path, java.lang.foreign.Arena.ofAuto());
    }

    /** As {@link #mmap(java.nio.file.Path)}, unmapped when {@code arena} closes. */
    public static NdArray mmap(java.nio.file.Path path, java.lang.foreign.Arena arena) throws java.io.IOException {
        return Npy.mmap(path, arena);
    }

    // ---- joining, comparison and random arrays (area: arrays; logic in Joining, Equality,
    // ---- RandomGenerator) ----

    /** Joins arrays along an existing axis; the dtype is the promotion of all inputs. */
    public static NdArray concatenate(int axis, NdArray... arrays) {
        return Joining.concatenate(axis, arrays);
    }

    /** Joins same-shaped arrays along a new axis. */
    public static NdArray stack(int axis, NdArray... arrays) {
        return Joining.stack(axis, arrays);
    }

    /** {@code sections} equal views along {@code axis}. */
    public static NdArray[] split(NdArray a, int sections, int axis) {
        return Joining.split(a, sections, axis);
    }

    /** Views between the cut points {@code indices} along {@code axis}, as {@code np.split(a, [i, j], axis)}. */
    public static NdArray[] split(NdArray a, long[] indices, int axis) {
        return Joining.split(a, indices, axis);
    }

    /** Same shape and equal values ({@code np.array_equal}). */
    public static boolean arrayEquals(NdArray a, NdArray b) {
        return Equality.arrayEquals(a, b);
    }

    /** {@code np.allclose(a, b)} with rtol 1e-5, atol 1e-8, NaNs unequal. */
    public static boolean allclose(NdArray a, NdArray b) {
        return Equality.allclose(a, b, 1e-5, 1e-8, false);
    }

    public static boolean allclose(NdArray a, NdArray b, double rtol, double atol, boolean equalNan) {
        return Equality.allclose(a, b, rtol, atol, equalNan);
    }

    /** A generator whose arrays depend only on {@code seed} (its own stream, not NumPy's). */
    public static RandomGenerator random(long seed) {
        return new RandomGenerator(seed);
    }
}
