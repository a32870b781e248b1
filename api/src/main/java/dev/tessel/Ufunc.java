package dev.tessel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A universal function, named and behaving as NumPy's: it broadcasts its inputs, promotes
 * their dtypes (NEP 50; Java scalars are weak), resolves a loop, and runs it elementwise.
 *
 * <pre>{@code
 * NdArray c = Ufuncs.ADD.call(a, b);
 * NdArray d = Ufunc.of("logaddexp").call(a, b);
 * NdArray e = Ufuncs.MULTIPLY.call(a, 2.0);                 // Java scalars are weak
 * Ufuncs.ADD.call(new NdArray[] {a, b}, new NdArray[] {a}, mask, null, Casting.SAME_KIND);
 * NdArray s = Ufuncs.ADD.reduce(a, 0);                      // as np.add.reduce(a, axis=0)
 * }</pre>
 *
 * <p>Every method passes through {@link Execution#run} once, naming the arrays it reads and
 * writes.
 */
public final class Ufunc {
    private final String name;
    private final int nin;
    private final int nout;
    private final Double identity;
    private final List<DType[]> loops;
    /** Resolved loop dtypes by input dtypes; see {@link LoopResolution#resolve}. */
    final ResolutionCache resolutions;

    Ufunc(String name, int nin, int nout, Double identity, List<DType[]> loops) {
        this.name = name;
        this.nin = nin;
        this.nout = nout;
        this.identity = identity;
        this.loops = List.copyOf(loops);
        this.resolutions = new ResolutionCache(nin);
    }

    /** The ufunc with NumPy's name {@code name}; unknown names fail naming the nearest ones. */
    public static Ufunc of(String name) {
        return Ufuncs.byName(name);
    }

    public String name() {
        return name;
    }

    /** Number of inputs. */
    public int nin() {
        return nin;
    }

    /** Number of outputs. */
    public int nout() {
        return nout;
    }

    /** The value a reduction starts from ({@code 0} for add, {@code -1} for bitwise_and), if any. */
    public OptionalDouble identity() {
        return identity == null ? OptionalDouble.empty() : OptionalDouble.of(identity);
    }

    Double identityOrNull() {
        return identity;
    }

    /** Whether reductions may combine elements in any order, so over several axes at once. */
    public boolean isReorderable() {
        return identity != null || name.equals("maximum") || name.equals("minimum") || name.equals("fmax")
                || name.equals("fmin");
    }

    /** The loops, spelled as NumPy's {@code types}: e.g. {@code "float32,float32->bool"}. */
    public List<String> types() {
        List<String> out = new ArrayList<>();
        for (DType[] l : loops) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < l.length; k++) {
                sb.append(k == nin ? "->" : k > 0 ? "," : "").append(l[k]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    List<DType[]> loops() {
        return loops;
    }

    // ---- elementwise ----

    /** Calls a single-output ufunc on arrays. */
    public NdArray call(NdArray... args) {
        return single(callAll((Object[]) args));
    }

    /** Calls a single-output ufunc; operands are arrays or Java scalars ({@link Number}, {@link Boolean}). */
    public NdArray call(Object... operands) {
        return single(callAll(operands));
    }

    /** Calls the ufunc and returns all its outputs (two for divmod). */
    public NdArray[] callAll(Object... operands) {
        return call(operands, null, null, null, Casting.SAME_KIND);
    }

    /**
     * The full call, as {@code np.<ufunc>(*args, out=out, where=where, dtype=dtype, casting=casting)}.
     *
     * @param args inputs: arrays or Java scalars
     * @param out outputs to write (null, or one entry per output; null entries are allocated)
     * @param where boolean mask broadcast against the result; where false, outputs keep their values
     * @param dtype the loop's output dtype, or null to resolve from the inputs
     * @param casting rule for casting inputs to the loop and the loop to {@code out}
     * @return the outputs
     */
    public NdArray[] call(Object[] args, NdArray[] out, NdArray where, DType dtype, Casting casting) {
        NdArray[] resident = DeviceRoute.tryRun(this, args, out, where, dtype); // inputs lent to one device
        if (resident != null) {
            return resident;
        }
        return Execution.run(name, reads(args, where), out == null ? new NdArray[0] : out,
                () -> UfuncCall.execute(this, args, out, where, dtype, casting == null ? Casting.SAME_KIND : casting));
    }

    private NdArray single(NdArray[] outs) {
        if (outs.length != 1) {
            throw new IllegalArgumentException(name + " has " + outs.length + " outputs; use callAll to get them all");
        }
        return outs[0];
    }

    /** The arrays among {@code args}, then {@code extra}: counted first so the hot path allocates one array. */
    private static NdArray[] reads(Object[] args, NdArray extra) {
        int n = extra != null ? 1 : 0;
        for (Object o : args) {
            if (o instanceof NdArray) {
                n++;
            }
        }
        NdArray[] r = new NdArray[n];
        int i = 0;
        for (Object o : args) {
            if (o instanceof NdArray a) {
                r[i++] = a;
            }
        }
        if (extra != null) {
            r[i] = extra;
        }
        return r;
    }

    // ---- reduce, accumulate, outer, at ----

    /** As {@code np.<ufunc>.reduce(a)}: along axis 0. */
    public NdArray reduce(NdArray a) {
        return reduce(a, new int[] {0}, null, null, false, null, null);
    }

    /** Reduces along the given axes (none given: axis 0, as NumPy's default). */
    public NdArray reduce(NdArray a, int... axes) {
        return reduce(a, axes.length == 0 ? new int[] {0} : axes, null, null, false, null, null);
    }

    /** Reduces over every axis to a 0-d array, as {@code axis=None}. */
    public NdArray reduceAll(NdArray a) {
        return reduce(a, null, null, null, false, null, null);
    }

    /**
     * The full reduce, as {@code np.<ufunc>.reduce(a, axis, dtype, out, keepdims, initial, where)}.
     *
     * @param axes axes to reduce; null means all
     * @param dtype accumulator and result dtype, or null (add and multiply of integers below
     *        int64 and of bool use int64, as NumPy)
     * @param out array to write the result to, or null; as in NumPy, the fold runs in its dtype
     *        when the input casts to it safely, and the result is cast into it unsafely
     * @param initial starting value, or null for the identity (or the first element)
     * @param where boolean mask of elements taking part, or null
     */
    public NdArray reduce(NdArray a, int[] axes, DType dtype, NdArray out, boolean keepdims, Double initial,
                          NdArray where) {
        if (out == null && initial == null && where == null) {
            NdArray resident = DeviceFolds.tryReduce(this, a, axes, dtype, keepdims); // a lent to a device
            if (resident != null) {
                return resident;
            }
        }
        return Execution.run(name + ".reduce", new NdArray[] {a, where}, new NdArray[] {out},
                () -> Reduction.reduce(this, a, axes, dtype, out, keepdims, initial, where));
    }

    /** As {@code np.<ufunc>.accumulate(a, axis)}. */
    public NdArray accumulate(NdArray a, int axis) {
        return accumulate(a, axis, null, null);
    }

    /** As {@code np.<ufunc>.accumulate(a, axis, dtype, out)}. */
    public NdArray accumulate(NdArray a, int axis, DType dtype, NdArray out) {
        return Execution.run(name + ".accumulate", new NdArray[] {a}, new NdArray[] {out},
                () -> Accumulation.accumulate(this, a, axis, dtype, out));
    }

    /** As {@code np.<ufunc>.outer(a, b)}: result shape is {@code a.shape + b.shape}. */
    public NdArray outer(NdArray a, NdArray b) {
        return Execution.run(name + ".outer", new NdArray[] {a, b}, new NdArray[0],
                () -> single(UfuncCall.execute(this, Outer.operands(this, a, b), null, null, null, Casting.SAME_KIND)));
    }

    /**
     * As {@code np.<ufunc>.at(a, indices, b)}: {@code a[i] = op(a[i], b[j])} for each index,
     * unbuffered, so repeated indices accumulate. Indices select along axis 0.
     */
    public void at(NdArray a, NdArray indices, NdArray b) {
        at(a, new NdArray[] {indices}, b);
    }

    /** Unary {@code at}: {@code a[i] = op(a[i])} for each index. */
    public void at(NdArray a, NdArray indices) {
        at(a, new NdArray[] {indices}, null);
    }

    /**
     * As {@code np.<ufunc>.at(a, (i0, i1, ...), b)}: one index array per leading axis of
     * {@code a}, broadcast together; {@code b} (null for a unary ufunc) broadcasts to their
     * shape followed by the remaining axes of {@code a}. Unbuffered: repeated positions accumulate.
     */
    public void at(NdArray a, NdArray[] indices, NdArray b) {
        NdArray[] reads = java.util.Arrays.copyOf(indices, indices.length + 1);
        reads[indices.length] = b;
        Execution.run(name + ".at", reads, new NdArray[] {a}, () -> {
            IndexedUpdate.at(this, a, indices, b);
            return null;
        });
    }

    @Override
    public String toString() {
        return "<ufunc '" + name + "'>";
    }
}
