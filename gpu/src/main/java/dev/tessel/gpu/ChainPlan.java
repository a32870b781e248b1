package dev.tessel.gpu;

import dev.tessel.DType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task4;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.TornadoVMBackendType;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * A chain of elementwise kernels compiled as one task graph over "slots", one buffer per
 * distinct array the chain touches. Slots read before any write are sent to the device on each
 * run; slots written stay there after the run ({@link DataTransferMode#UNDER_DEMAND}) until
 * {@link #fetch} brings one back, which the device does only for data the host reads. The plan
 * is kept per {@link Shape} (kernels, slot pattern, lengths), so a chain that recurs compiles
 * once; {@link #resident} names the memories whose value is still only in this plan's device
 * buffers, which must be fetched before the plan runs again or closes.
 */
final class ChainPlan implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    final Shape shape;
    final TornadoNativeArray[] slots;
    /** Memories whose current value is in this plan's device buffers only (see {@link GpuMemory#residentIn}). */
    final Set<GpuMemory> resident = new HashSet<>();
    private final TornadoExecutionPlan plan;
    private TornadoExecutionResult last;

    /**
     * What identifies a chain: its task functions in order, which slot each operand uses, each slot's
     * dtype, which slots are read before written and which are written, and each slot's length
     * (one for a scalar).
     */
    record Shape(List<Object> kernels, List<List<Integer>> operandSlots, List<DType> slotTypes,
                 List<Boolean> read, List<Boolean> written, List<Integer> lengths) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ChainPlan(Shape shape, int deviceIndex) {
        this.shape = shape;
        int n = shape.slotTypes().size();
        this.slots = new TornadoNativeArray[n];
        List<Object> in = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            slots[s] = NativeBuffers.allocate(shape.slotTypes().get(s), shape.lengths().get(s));
            if (shape.read().get(s)) {
                in.add(slots[s]);
            }
            if (shape.written().get(s)) {
                out.add(slots[s]);
            }
        }
        TaskGraph g = new TaskGraph("tesselchain" + IDS.incrementAndGet())
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, in.toArray());
        for (int t = 0; t < shape.kernels().size(); t++) {
            Object code = shape.kernels().get(t);
            TornadoNativeArray[] a = shape.operandSlots().get(t).stream().map(s -> slots[s])
                    .toArray(TornadoNativeArray[]::new);
            g = switch (a.length) {
                case 2 -> g.task("t" + t, (Task2) code, a[0], a[1]);
                case 3 -> g.task("t" + t, (Task3) code, a[0], a[1], a[2]);
                case 4 -> g.task("t" + t, (Task4) code, a[0], a[1], a[2], a[3]);
                default -> throw new IllegalStateException("chain task arity " + a.length);
            };
        }
        // UNDER_DEMAND: nothing comes back by itself; fetch copies one written buffer on request.
        g = g.transferToHost(DataTransferMode.UNDER_DEMAND, out.toArray());
        this.plan = new TornadoExecutionPlan(g.snapshot())
                .withDevice(DeviceRegistry.selected().get(deviceIndex))
                .withCompilerFlags(TornadoVMBackendType.OPENCL, KernelPlan.OPENCL_FLAGS);
    }

    void execute() {
        last = null;
        last = plan.execute();
    }

    /** Brings slot {@code s} from the device into its host-side buffer, as the last run left it. */
    TornadoNativeArray fetch(int s) {
        if (last == null) {
            throw new IllegalStateException("chain plan " + shape.kernels() + " has no completed run to copy back");
        }
        last.transferToHost(slots[s]);
        return slots[s];
    }

    @Override
    public void close() {
        try {
            plan.close();
        } catch (Exception e) {
            System.getLogger("dev.tessel.gpu").log(System.Logger.Level.DEBUG, "closing chain plan failed", e);
        }
    }
}
