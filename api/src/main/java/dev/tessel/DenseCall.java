package dev.tessel;

import dev.tessel.spi.OpKind;
import dev.tessel.spi.RangeTask;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The short road of an elementwise ufunc call, taken when nothing in the general one
 * ({@link UfuncCall#execute}) would have work to do: every operand an array of one shape
 * (at least two elements), each dense in C order, each already of its loop dtype (no casts,
 * no float16, no buffering), outputs either given with exactly the loop's dtypes or allocated,
 * no {@code where} and no {@code dtype=}, and every input either apart from every output or
 * the very same elements ({@code add(a, b, out=a)}). That is the call a 1,000-element add
 * makes, where the general road's broadcasting, order, overlap and layout analysis cost more
 * than the arithmetic.
 *
 * <p>It gives exactly what the general road gives for such operands: the same resolution, the
 * same checks with the same exceptions (a read-only {@code out}), the same placement through
 * the engine (so the op is recorded as any other), the same kernel over one flat range. It is
 * reached from {@link UfuncCall#execute}, so the op's leases are already held by
 * {@link Execution#run}; anything it does not recognize goes the general road.
 */
final class DenseCall {
    private DenseCall() {
    }

    /** The outputs of the call, or null when the call is not one this road takes. */
    static NdArray[] tryRun(Ufunc u, Object[] operands, NdArray[] out, NdArray where, DType dtype) {
        int nin = u.nin();
        if (where != null || dtype != null || operands.length != nin || (out != null && out.length != u.nout())) {
            return null;
        }
        NdArray[] in = inputs(operands);
        if (in == null) {
            return null;
        }
        long[] shape = in[0].shape;
        DType[] inTypes = new DType[nin];
        for (int k = 0; k < nin; k++) {
            NdArray a = in[k];
            if (!Arrays.equals(a.shape, shape) || !a.isCContiguous()) {
                return null;
            }
            inTypes[k] = a.dtype;
        }
        long size = Shape.size(shape);
        if (size < 2) {
            return null;
        }
        DType[] loop = LoopResolution.resolve(u, inTypes, null);
        if (!exactTypes(loop, inTypes) || !outputsFit(out, loop, nin, shape, in)) {
            return null;
        }
        NdArray[] outs = outputs(u, loop, shape, out);
        run(u, loop, in, outs, size);
        return outs;
    }

    private static NdArray[] inputs(Object[] operands) {
        NdArray[] in = new NdArray[operands.length];
        for (int k = 0; k < in.length; k++) {
            if (!(operands[k] instanceof NdArray a)) {
                return null;
            }
            in[k] = a;
        }
        return in.length == 0 ? null : in;
    }

    /** Every loop dtype is the array's own and none is float16 (computed in float32 through buffers). */
    private static boolean exactTypes(DType[] loop, DType[] inTypes) {
        for (int k = 0; k < inTypes.length; k++) {
            if (loop[k] != inTypes[k]) {
                return false;
            }
        }
        for (DType t : loop) {
            if (t == DType.FLOAT16) {
                return false;
            }
        }
        return true;
    }

    /** Given outputs have the loop's dtypes, the shape, dense C layout, and share no bytes with an input unless they are it. */
    private static boolean outputsFit(NdArray[] out, DType[] loop, int nin, long[] shape, NdArray[] in) {
        if (out == null) {
            return true;
        }
        for (int j = 0; j < out.length; j++) {
            NdArray o = out[j];
            if (o == null) {
                continue;
            }
            if (o.dtype != loop[nin + j] || !Arrays.equals(o.shape, shape) || !o.isCContiguous()) {
                return false;
            }
            for (NdArray a : in) {
                boolean same = a.storage == o.storage && a.offset == o.offset && a.dtype.itemSize() == o.dtype.itemSize();
                if (!same && Overlap.mayOverlap(a, o)) {
                    return false; // the general road copies the input first
                }
            }
        }
        return true;
    }

    private static NdArray[] outputs(Ufunc u, DType[] loop, long[] shape, NdArray[] out) {
        NdArray[] outs = new NdArray[u.nout()];
        for (int j = 0; j < outs.length; j++) {
            NdArray o = out == null ? null : out[j];
            if (o == null) {
                outs[j] = NdArray.allocateForOverwrite(loop[u.nin() + j], shape); // the kernel writes every element
            } else {
                o.checkWritable();
                outs[j] = o;
            }
        }
        return outs;
    }

    private static void run(Ufunc u, DType[] loop, NdArray[] in, NdArray[] outs, long size) {
        int n = in.length + outs.length;
        MemorySegment[] segs = new MemorySegment[n];
        long[] offsets = new long[n];
        long bytes = 0;
        for (int k = 0; k < n; k++) {
            NdArray a = k < in.length ? in[k] : outs[k - in.length];
            segs[k] = a.segment();
            offsets[k] = a.offset;
            bytes += a.dtype.itemSize() * size;
        }
        Dispatch d = Dispatch.of(u.name(), OpKind.ELEMENTWISE, loop[loop.length - 1], size, bytes);
        StridedLoop kernel = d.loop(u.name(), loop);
        long[] unit = new long[n];
        Arrays.fill(unit, 1);
        d.forEachRange(size, UfuncCall.GRAIN, new FlatRange(kernel, segs, offsets, unit));
    }

    /** Runs the loop over a range of the flat index space; every operand steps one element. */
    private record FlatRange(StridedLoop kernel, MemorySegment[] segs, long[] offsets, long[] unit) implements RangeTask {
        @Override
        public void run(long start, long end) {
            long[] offs = new long[offsets.length];
            for (int k = 0; k < offs.length; k++) {
                offs[k] = offsets[k] + start;
            }
            kernel.run(segs, offs, unit, end - start);
        }
    }
}
