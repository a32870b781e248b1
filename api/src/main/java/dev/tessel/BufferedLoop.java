package dev.tessel;

import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;

/**
 * Wraps a backend loop with what the generic layer owes it: operands converted to the loop's
 * compute dtypes in small chunks (as NumPy's buffered iterator does), and a {@code where}
 * mask that skips masked-out elements entirely, leaving their outputs untouched.
 *
 * <p>Operands of the wrapped loop are inputs, the mask (when present), then outputs; the inner
 * loop sees inputs then outputs. A conversion chain lists the dtypes a value passes through:
 * an input goes source → loop dtype → compute dtype (float16 loops compute in float32, and
 * a float64 input of a float16 loop must first round to float16); an output goes compute
 * dtype → loop dtype → destination.
 */
final class BufferedLoop implements StridedLoop {
    private static final int CHUNK = 512;

    private final StridedLoop inner;
    private final int nin;
    private final boolean masked;
    private final DType[][] chains; // per inner operand; length 1 = used as is

    private BufferedLoop(StridedLoop inner, int nin, boolean masked, DType[][] chains) {
        this.inner = inner;
        this.nin = nin;
        this.masked = masked;
        this.chains = chains;
    }

    /**
     * @param operandTypes dtypes of the arrays, inputs then outputs (no mask)
     * @param loopTypes resolved loop dtypes, inputs then outputs
     * @param computeTypes the dtypes {@code inner} works in (float16 loop dtypes are float32 here)
     */
    static StridedLoop wrap(StridedLoop inner, int nin, boolean masked, DType[] operandTypes, DType[] loopTypes,
                            DType[] computeTypes) {
        if (!masked && noConversion(operandTypes, loopTypes, computeTypes)) {
            return inner;
        }
        DType[][] chains = new DType[operandTypes.length][];
        boolean anyCast = false;
        for (int k = 0; k < chains.length; k++) {
            DType compute = computeTypes[k];
            chains[k] = k < nin ? chain(operandTypes[k], loopTypes[k], compute) : chain(compute, loopTypes[k], operandTypes[k]);
            anyCast |= chains[k].length > 1;
        }
        return anyCast || masked ? new BufferedLoop(inner, nin, masked, chains) : inner;
    }

    private static boolean noConversion(DType[] operandTypes, DType[] loopTypes, DType[] computeTypes) {
        for (int k = 0; k < operandTypes.length; k++) {
            if (operandTypes[k] != loopTypes[k] || loopTypes[k] != computeTypes[k]) {
                return false;
            }
        }
        return true;
    }

    private static DType[] chain(DType a, DType b, DType c) {
        if (a == b) {
            return b == c ? new DType[] {a} : new DType[] {a, c};
        }
        return b == c ? new DType[] {a, b} : new DType[] {a, b, c};
    }

    @Override
    public void run(MemorySegment[] segs, long[] offs, long[] strides, long n) {
        if (!masked) {
            convertAndRun(segs, offs, strides, 0, n);
            return;
        }
        int ops = segs.length - 1;
        MemorySegment[] s = new MemorySegment[ops];
        long[] o = new long[ops];
        long[] st = new long[ops];
        for (int k = 0, j = 0; k < segs.length; k++) {
            if (k != nin) {
                s[j] = segs[k];
                o[j] = offs[k];
                st[j++] = strides[k];
            }
        }
        long i = 0;
        while (i < n) {
            while (i < n && !maskAt(segs, offs, strides, i)) {
                i++;
            }
            long start = i;
            while (i < n && maskAt(segs, offs, strides, i)) {
                i++;
            }
            if (i > start) {
                convertAndRun(s, o, st, start, i - start);
            }
        }
    }

    private boolean maskAt(MemorySegment[] segs, long[] offs, long[] strides, long i) {
        return segs[nin].get(java.lang.foreign.ValueLayout.JAVA_BYTE, offs[nin] + i * strides[nin]) != 0;
    }

    /** Runs the inner loop over elements {@code [from, from + n)} of operands laid out as inputs then outputs. */
    private void convertAndRun(MemorySegment[] segs, long[] offs, long[] strides, long from, long n) {
        int ops = chains.length;
        MemorySegment[] bufs = new MemorySegment[ops];
        MemorySegment tmp = null;
        for (int k = 0; k < ops; k++) {
            if (chains[k].length > 1) {
                bufs[k] = MemorySegment.ofArray(new long[CHUNK]);
                if (chains[k].length > 2 && tmp == null) {
                    tmp = MemorySegment.ofArray(new long[CHUNK]);
                }
            }
        }
        MemorySegment[] is = new MemorySegment[ops];
        long[] io = new long[ops];
        long[] ist = new long[ops];
        for (long c = 0; c < n; c += CHUNK) {
            long m = Math.min(CHUNK, n - c);
            for (int k = 0; k < ops; k++) {
                long at = offs[k] + (from + c) * strides[k];
                if (bufs[k] == null) {
                    is[k] = segs[k];
                    io[k] = at;
                    ist[k] = strides[k];
                    continue;
                }
                is[k] = bufs[k];
                io[k] = 0;
                ist[k] = 1;
                if (k < nin) {
                    convert(chains[k], segs[k], at, strides[k], bufs[k], tmp, m, true);
                }
            }
            inner.run(is, io, ist, m);
            for (int k = nin; k < ops; k++) {
                if (bufs[k] != null) {
                    convert(chains[k], segs[k], offs[k] + (from + c) * strides[k], strides[k], bufs[k], tmp, m, false);
                }
            }
        }
    }

    /** Moves m elements along a chain: array → buffer for inputs, buffer → array for outputs. */
    private static void convert(DType[] chain, MemorySegment arr, long off, long stride, MemorySegment buf,
                                MemorySegment tmp, long m, boolean intoBuffer) {
        long[] unit = {1, 1};
        if (chain.length == 2) {
            MemorySegment[] s = intoBuffer ? new MemorySegment[] {arr, buf} : new MemorySegment[] {buf, arr};
            long[] o = intoBuffer ? new long[] {off, 0} : new long[] {0, off};
            long[] st = intoBuffer ? new long[] {stride, 1} : new long[] {1, stride};
            Assign.castLoop(chain[0], chain[1]).run(s, o, st, m);
            return;
        }
        if (intoBuffer) {
            Assign.castLoop(chain[0], chain[1]).run(new MemorySegment[] {arr, tmp}, new long[] {off, 0}, new long[] {stride, 1}, m);
            Assign.castLoop(chain[1], chain[2]).run(new MemorySegment[] {tmp, buf}, new long[] {0, 0}, unit, m);
        } else {
            Assign.castLoop(chain[0], chain[1]).run(new MemorySegment[] {buf, tmp}, new long[] {0, 0}, unit, m);
            Assign.castLoop(chain[1], chain[2]).run(new MemorySegment[] {tmp, arr}, new long[] {0, off}, new long[] {1, stride}, m);
        }
    }
}
