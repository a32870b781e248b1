package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * One elementwise ufunc call: arity, resolution, casting checks, broadcasting, outputs
 * (allocated or checked), overlap between outputs and inputs, then N-d iteration through
 * {@link Layout} with the backend's loop, split into ranges by the engine.
 *
 * <p>When an output may overlap an input without being exactly the same elements in the same
 * order, the input is copied first, so the result is as if they did not overlap; an exact
 * in-place call ({@code add(a, b, out=a)}) needs no copy, because each element is read before
 * it is written.
 */
final class UfuncCall {
    /** Ranges handed to the engine are multiples of this many elements. */
    static final long GRAIN = 256;

    private UfuncCall() {
    }

    /** An ungated single-output call, for ops composed of other ufuncs inside one {@link Execution#run}. */
    static NdArray apply(Ufunc u, Object... operands) {
        return execute(u, operands, null, null, null, Casting.SAME_KIND)[0];
    }

    static NdArray[] execute(Ufunc u, Object[] operands, NdArray[] out, NdArray where, DType dtype, Casting casting) {
        NdArray[] dense = DenseCall.tryRun(u, operands, out, where, dtype);
        if (dense != null) {
            return dense;
        }
        checkArity(u, operands, out);
        NdArray[] in = Operands.toArrays(u, operands);
        DType[] inTypes = new DType[in.length];
        for (int k = 0; k < in.length; k++) {
            inTypes[k] = in[k].dtype;
        }
        DType[] loop = LoopResolution.resolve(u, inTypes, dtype);
        checkInputCasts(u, inTypes, loop, casting);
        NdArray mask = where == null ? null : checkMask(where);
        long[] full = broadcastShape(in, mask, out);
        NdArray[] outs = outputs(u, loop, full, out, in, casting);
        for (int k = 0; k < in.length; k++) {
            in[k] = unshare(in[k], full, outs);
        }
        if (mask != null) {
            mask = unshare(mask, full, outs);
        }
        run(u, loop, in, mask, outs, full);
        return outs;
    }

    private static void checkArity(Ufunc u, Object[] operands, NdArray[] out) {
        if (operands.length != u.nin()) {
            throw new IllegalArgumentException(u.name() + "() takes " + u.nin() + " input operand" + (u.nin() == 1 ? "" : "s")
                    + " but " + operands.length + " " + (operands.length == 1 ? "was" : "were") + " given");
        }
        if (out != null && out.length != u.nout()) {
            throw new IllegalArgumentException(u.name() + "() has " + u.nout() + " output" + (u.nout() == 1 ? "" : "s")
                    + " but out has " + out.length + " entr" + (out.length == 1 ? "y" : "ies"));
        }
    }

    static void checkInputCasts(Ufunc u, DType[] in, DType[] loop, Casting casting) {
        for (int k = 0; k < in.length; k++) {
            boolean whereCondition = u.name().equals("where") && k == 0;
            if (!whereCondition && !DType.canCast(in[k], loop[k], casting)) {
                throw new CastingException("Cannot cast ufunc '" + u.name() + "' input " + k + " from dtype('" + in[k]
                        + "') to dtype('" + loop[k] + "') with casting rule '" + casting.numpyName() + "'");
            }
        }
    }

    private static NdArray checkMask(NdArray where) {
        if (!where.dtype.isBool()) {
            throw CastingException.of("array data (where=)", where.dtype, DType.BOOL, Casting.SAFE);
        }
        return where;
    }

    private static long[] broadcastShape(NdArray[] in, NdArray mask, NdArray[] out) {
        long[] same = mask == null ? commonShape(in, out) : null;
        if (same != null) {
            return same;
        }
        int n = in.length + (mask == null ? 0 : 1);
        long[][] shapes = new long[n][];
        for (int k = 0; k < in.length; k++) {
            shapes[k] = in[k].shape;
        }
        if (mask != null) {
            shapes[in.length] = mask.shape;
        }
        long[] full = Shape.broadcast(shapes);
        if (out == null) {
            return full;
        }
        for (NdArray o : out) {
            if (o == null) {
                continue;
            }
            long[][] withOut = Arrays.copyOf(shapes, n + 1);
            withOut[n] = o.shape;
            long[] b = Shape.broadcast(withOut);
            if (!Arrays.equals(b, o.shape)) {
                throw new ShapeException("non-broadcastable output operand with shape " + Shape.format(o.shape)
                        + " doesn't match the broadcast shape " + Shape.format(b));
            }
            full = b;
        }
        return full;
    }

    /**
     * The shape every operand already has (0-d inputs aside), or null when broadcasting has
     * real work to do: the common call {@code add(a, b, out=c)} on equal shapes skips it.
     */
    private static long[] commonShape(NdArray[] in, NdArray[] out) {
        long[] ref = null;
        for (NdArray a : in) {
            if (a.shape.length > 0) {
                if (ref == null) {
                    ref = a.shape;
                } else if (!Arrays.equals(ref, a.shape)) {
                    return null;
                }
            }
        }
        if (out != null) {
            for (NdArray o : out) {
                if (o == null) {
                    continue;
                }
                if (ref == null) {
                    ref = o.shape;
                }
                if (!Arrays.equals(ref, o.shape)) {
                    return null;
                }
            }
        }
        return ref == null ? new long[0] : ref.clone();
    }

    static NdArray[] outputs(Ufunc u, DType[] loop, long[] full, NdArray[] out, NdArray[] in, Casting casting) {
        NdArray[] outs = new NdArray[u.nout()];
        char order = preferredOrder(in, full);
        for (int j = 0; j < outs.length; j++) {
            DType lt = loop[u.nin() + j];
            NdArray o = out == null ? null : out[j];
            if (o == null) {
                outs[j] = NdArray.allocate(lt, full, order);
                continue;
            }
            o.checkWritable();
            if (!DType.canCast(lt, o.dtype, casting)) {
                throw new CastingException("Cannot cast ufunc '" + u.name() + "' output from dtype('" + lt + "') to dtype('"
                        + o.dtype + "') with casting rule '" + casting.numpyName() + "'");
            }
            outs[j] = o;
        }
        return outs;
    }

    /** Fortran order when every full-shape input is F- but not C-contiguous, as NumPy's order='K' gives. */
    private static char preferredOrder(NdArray[] in, long[] full) {
        boolean any = false;
        for (NdArray a : in) {
            if (Arrays.equals(a.shape, full) && a.ndim() > 1) {
                if (!a.isFContiguous() || a.isCContiguous()) {
                    return 'C';
                }
                any = true;
            }
        }
        return any ? 'F' : 'C';
    }

    /** A private copy of {@code a} when an output may overlap it other than element for element. */
    static NdArray unshare(NdArray a, long[] full, NdArray[] outs) {
        for (NdArray o : outs) {
            if (Overlap.mayOverlap(a, o) && !sameElements(a, o, full)) {
                return Execution.copyAs(a, a.dtype);
            }
        }
        return a;
    }

    private static boolean sameElements(NdArray a, NdArray o, long[] full) {
        if (a.offset != o.offset || a.dtype.itemSize() != o.dtype.itemSize()) {
            return false;
        }
        if (Arrays.equals(a.shape, o.shape) && Arrays.equals(a.strides, o.strides)) {
            return true; // the in-place call add(a, b, out=a): no stride arrays to build
        }
        long[] as = broadcastStrides(a, full);
        long[] os = broadcastStrides(o, full);
        for (int i = 0; i < full.length; i++) {
            if (full[i] > 1 && as[i] != os[i]) {
                return false;
            }
        }
        return true;
    }

    /** Strides of {@code a} viewed with shape {@code full}: 0 on new and stretched axes. */
    static long[] broadcastStrides(NdArray a, long[] full) {
        long[] s = new long[full.length];
        int lead = full.length - a.shape.length;
        for (int i = 0; i < a.shape.length; i++) {
            s[lead + i] = a.shape[i] == 1 && full[lead + i] != 1 ? 0 : a.strides[i];
        }
        return s;
    }

    private static void run(Ufunc u, DType[] loop, NdArray[] in, NdArray mask, NdArray[] outs, long[] full) {
        int ops = in.length + outs.length + (mask == null ? 0 : 1);
        NdArray[] all = new NdArray[ops];
        int p = 0;
        for (NdArray a : in) {
            all[p++] = a;
        }
        if (mask != null) {
            all[p++] = mask;
        }
        int firstOut = p;
        for (NdArray o : outs) {
            all[p++] = o;
        }
        Layout layout = layoutOf(all, full, firstOut);
        long size = layout.size();
        if (Shape.size(full) == 0) {
            return;
        }
        DType[] arrayTypes = new DType[in.length + outs.length];
        long bytes = 0;
        for (int k = 0; k < in.length; k++) {
            arrayTypes[k] = in[k].dtype;
            bytes += (long) in[k].dtype.itemSize() * size;
        }
        for (int j = 0; j < outs.length; j++) {
            arrayTypes[in.length + j] = outs[j].dtype;
            bytes += (long) outs[j].dtype.itemSize() * size;
        }
        Dispatch d = Dispatch.of(u.name(), OpKind.ELEMENTWISE, LoopResolution.computeType(loop[loop.length - 1]), size,
                bytes);
        StridedLoop kernel = kernel(u, loop, arrayTypes, mask != null, d);
        d.forEachRange(size, GRAIN, (s, e) -> layout.run(kernel, s, e));
    }

    /**
     * The loop that runs {@code u} for resolved dtypes {@code loop} on arrays of
     * {@code arrayTypes} (inputs then outputs), wrapped with the conversions and mask it needs.
     */
    static StridedLoop kernel(Ufunc u, DType[] loop, DType[] arrayTypes, boolean masked, Dispatch d) {
        StridedLoop half = loop[0] == DType.FLOAT16 ? HalfPrecisionLoops.of(u.name()) : null;
        if (half != null) {
            return BufferedLoop.wrap(half, u.nin(), masked, arrayTypes, loop, loop);
        }
        DType[] compute = LoopResolution.computeTypes(loop);
        return BufferedLoop.wrap(d.loop(u.name(), compute), u.nin(), masked, arrayTypes, loop, compute);
    }

    static Layout layoutOf(NdArray[] arrays, long[] full, int orderBy) {
        Layout flat = flatLayout(arrays, full);
        if (flat != null) {
            return flat;
        }
        long[][] strides = new long[arrays.length][];
        long[] offsets = new long[arrays.length];
        MemorySegment[] segs = new MemorySegment[arrays.length];
        for (int k = 0; k < arrays.length; k++) {
            strides[k] = broadcastStrides(arrays[k], full);
            offsets[k] = arrays[k].offset;
            segs[k] = arrays[k].segment();
        }
        return new Layout(full, strides, offsets, segs, orderBy);
    }

    /**
     * The one-axis layout of operands that are each dense in C order over {@code full} or a
     * single element, or null when any is not: what {@link Layout}'s constructor would build
     * for them, without its per-axis work.
     */
    private static Layout flatLayout(NdArray[] arrays, long[] full) {
        long size = Shape.size(full);
        if (size < 2) {
            return null;
        }
        long[] inner = new long[arrays.length];
        for (int k = 0; k < arrays.length; k++) {
            NdArray a = arrays[k];
            if (a.shape.length <= full.length && sizeOne(a)) {
                inner[k] = 0;
            } else if (Arrays.equals(a.shape, full) && denseC(a)) {
                inner[k] = 1;
            } else {
                return null;
            }
        }
        long[] offsets = new long[arrays.length];
        MemorySegment[] segs = new MemorySegment[arrays.length];
        for (int k = 0; k < arrays.length; k++) {
            offsets[k] = arrays[k].offset;
            segs[k] = arrays[k].segment();
        }
        return Layout.flat(size, inner, offsets, segs);
    }

    private static boolean sizeOne(NdArray a) {
        for (long n : a.shape) {
            if (n != 1) {
                return false;
            }
        }
        return true;
    }

    /** C-contiguous, checked without allocating the C strides; length-1 axes' strides are free. */
    private static boolean denseC(NdArray a) {
        long expect = 1;
        for (int i = a.shape.length - 1; i >= 0; i--) {
            if (a.shape[i] != 1) {
                if (a.strides[i] != expect) {
                    return false;
                }
                expect *= a.shape[i];
            }
        }
        return true;
    }
}
