package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A queued chain laid out as slots: one per distinct memory it touches, in first-use order,
 * with the {@link ChainPlan.Shape} that identifies its compiled plan. A slot is "read" when an
 * op reads it before any op of the chain writes it (its value must cross to the device), and
 * "written" when any op writes it.
 */
record ChainSlots(List<GpuMemory> mems, ChainPlan.Shape shape) {
    /** One queued op: a kernel and its memories, inputs then output. */
    record Op(Kernel kernel, GpuMemory[] mems) {
    }

    static ChainSlots of(List<Op> chain) {
        Map<GpuMemory, Integer> slotOf = new LinkedHashMap<>();
        List<DType> types = new ArrayList<>();
        List<Boolean> read = new ArrayList<>();
        List<Boolean> written = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        List<List<Integer>> operandSlots = new ArrayList<>();
        for (Op op : chain) {
            List<Integer> ops = new ArrayList<>();
            for (int i = 0; i < op.mems.length; i++) {
                GpuMemory m = op.mems[i];
                DType t = op.kernel.types().get(i);
                int s = slotOf.computeIfAbsent(m, k -> {
                    read.add(false);
                    written.add(false);
                    types.add(t);
                    lengths.add(Math.toIntExact(k.byteSize() / t.itemSize()));
                    return types.size() - 1;
                });
                if (types.get(s) != t) {
                    throw new IllegalArgumentException("a lent array is used as " + types.get(s).numpyName()
                            + " and as " + t.numpyName() + " in one chain");
                }
                if (i == op.mems.length - 1) {
                    written.set(s, true);
                } else if (!written.get(s)) {
                    read.set(s, true);
                }
                ops.add(s);
            }
            operandSlots.add(List.copyOf(ops));
        }
        List<Kernel> kernels = chain.stream().map(Op::kernel).toList();
        return new ChainSlots(List.copyOf(slotOf.keySet()), new ChainPlan.Shape(kernels, List.copyOf(operandSlots),
                List.copyOf(types), List.copyOf(read), List.copyOf(written), List.copyOf(lengths)));
    }

    boolean read(int s) {
        return shape.read().get(s);
    }

    boolean written(int s) {
        return shape.written().get(s);
    }
}
