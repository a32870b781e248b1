package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.TornadoVMBackendType;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * A chain of elementwise kernels compiled as one task graph over "slots", one buffer per
 * distinct array the chain touches. Slots read before any write are sent to the device; slots
 * written are brought back; everything in between stays on the device. The plan is kept per
 * {@link Shape} (kernels, slot pattern, length), so a chain that recurs compiles once.
 */
final class ChainPlan implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    final Shape shape;
    final TornadoNativeArray[] slots;
    private final TornadoExecutionPlan plan;

    /**
     * What identifies a chain: its kernels in order, which slot each operand uses, each slot's
     * dtype, and the length of every array.
     */
    record Shape(List<Kernel> kernels, List<List<Integer>> operandSlots, List<DType> slotTypes,
                 List<Boolean> read, List<Boolean> written, int length) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ChainPlan(Shape shape, int deviceIndex) {
        this.shape = shape;
        int n = shape.slotTypes().size();
        this.slots = new TornadoNativeArray[n];
        List<Object> in = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            slots[s] = NativeBuffers.allocate(shape.slotTypes().get(s), shape.length());
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
            Object code = shape.kernels().get(t).code();
            List<Integer> ops = shape.operandSlots().get(t);
            g = ops.size() == 2 ? g.task("t" + t, (Task2) code, slots[ops.get(0)], slots[ops.get(1)])
                    : g.task("t" + t, (Task3) code, slots[ops.get(0)], slots[ops.get(1)], slots[ops.get(2)]);
        }
        g = g.transferToHost(DataTransferMode.EVERY_EXECUTION, out.toArray());
        this.plan = new TornadoExecutionPlan(g.snapshot())
                .withDevice(DeviceRegistry.selected().get(deviceIndex))
                .withCompilerFlags(TornadoVMBackendType.OPENCL, KernelPlan.OPENCL_FLAGS);
    }

    void execute() {
        plan.execute();
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
