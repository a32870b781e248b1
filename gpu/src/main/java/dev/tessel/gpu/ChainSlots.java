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
    /**
     * One queued task: its TornadoVM task function ({@code Task2}..{@code Task4}), each
     * operand's memory and dtype, how many leading operands it reads (it writes the rest), and
     * what the CPU path runs instead over the memories' host sides ({@code host}; the CPU path
     * of a multi-task op hangs on its last task, its other tasks doing nothing there).
     */
    record Op(String name, Object code, DType[] types, GpuMemory[] mems, int reads, Runnable host) {
        /** An elementwise kernel: inputs, then its one output. */
        static Op of(Kernel k, GpuMemory[] mems, Runnable host) {
            return new Op(k.toString(), k.code(), k.types().toArray(DType[]::new), mems, mems.length - 1, host);
        }
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
                DType t = op.types[i];
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
                if (i >= op.reads) {
                    written.set(s, true);
                } else if (!written.get(s)) {
                    read.set(s, true);
                }
                ops.add(s);
            }
            operandSlots.add(List.copyOf(ops));
        }
        List<Object> kernels = chain.stream().map(Op::code).toList();
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
