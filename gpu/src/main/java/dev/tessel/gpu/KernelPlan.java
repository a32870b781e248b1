package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task4;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.ProfilerMode;
import uk.ac.manchester.tornado.api.enums.TornadoVMBackendType;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;
import uk.ac.manchester.tornado.api.types.arrays.LongArray;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * One kernel bound to fixed-capacity TornadoVM buffers on one device: its task graph is built
 * and snapshotted once, and its execution plan is reused for every call whose length fits the
 * capacity (a "size class"). Callers hold {@link #lock()} while they fill the buffers, execute
 * and read the results, since the buffers are shared by all calls.
 */
final class KernelPlan implements AutoCloseable {
    /**
     * OpenCL build options. TornadoVM's default adds {@code -cl-fast-relaxed-math}, which lets
     * the compiler assume no NaN or infinity and reassociate sums: NumPy's special values
     * would be lost. Float32 division and square root are asked to round correctly, as Java and
     * NumPy do (OpenCL otherwise allows 2.5 and 3 ULP).
     */
    static final String OPENCL_FLAGS = "-w -cl-fp32-correctly-rounded-divide-sqrt";
    private static final AtomicLong IDS = new AtomicLong();

    final Kernel kernel;
    final int capacity;
    final int deviceIndex;
    /** The kernel's parameters, in order. */
    final TornadoNativeArray[] params;
    private final TornadoExecutionPlan plan;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private KernelPlan(Kernel kernel, int capacity, int deviceIndex, TornadoDevice device) {
        this.kernel = kernel;
        this.capacity = capacity;
        this.deviceIndex = deviceIndex;
        this.params = allocate(kernel, capacity);
        this.plan = new TornadoExecutionPlan(graph().snapshot())
                .withDevice(device)
                .withCompilerFlags(TornadoVMBackendType.OPENCL, OPENCL_FLAGS)
                .withProfiler(ProfilerMode.SILENT);
    }

    static KernelPlan build(Kernel kernel, int capacity, int deviceIndex) {
        TornadoDevice device = DeviceRegistry.selected().get(deviceIndex);
        return new KernelPlan(kernel, capacity, deviceIndex, device);
    }

    /** Partials a reduction plan of this capacity yields: one per chunk. */
    static int partials(int capacity) {
        return Math.max(1, capacity / Float32Kernels.CHUNK);
    }

    private static TornadoNativeArray[] allocate(Kernel k, int cap) {
        DType t = k.types().getFirst();
        return switch (k.kind()) {
            case ELEMENTWISE -> {
                TornadoNativeArray[] p = new TornadoNativeArray[k.types().size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = NativeBuffers.allocate(k.types().get(i), cap);
                }
                yield p;
            }
            case REDUCTION -> new TornadoNativeArray[] {
                NativeBuffers.allocate(t, cap), new IntArray(1), NativeBuffers.allocate(t, partials(cap))};
            case ARG -> new TornadoNativeArray[] {
                NativeBuffers.allocate(t, cap), new IntArray(1), NativeBuffers.allocate(t, partials(cap)),
                new IntArray(partials(cap))};
            // Partials and outputs never outnumber the input's elements when the reduced length
            // is at least 2 (AxisReductionLoop's precondition), so all share one capacity.
            case AXIS -> new TornadoNativeArray[] {
                NativeBuffers.allocate(t, cap), new IntArray(4), NativeBuffers.allocate(t, cap),
                NativeBuffers.allocate(t, cap)};
            case AXIS_ARG -> new TornadoNativeArray[] {
                NativeBuffers.allocate(t, cap), new IntArray(4), NativeBuffers.allocate(t, cap), new IntArray(cap),
                new LongArray(cap)};
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TaskGraph graph() {
        if (kernel.code() instanceof KernelTable.Stages st) {
            return axisGraph(st);
        }
        int in = kernel.kind() == Kind.ELEMENTWISE ? kernel.inputs() : 2;
        List<Object> ins = new ArrayList<>(List.of((Object[]) params).subList(0, in));
        List<Object> outs = new ArrayList<>(List.of((Object[]) params).subList(in, params.length));
        TaskGraph g = new TaskGraph("tessel" + IDS.incrementAndGet())
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, ins.toArray());
        Object c = kernel.code();
        g = switch (params.length) {
            case 2 -> g.task("k", (Task2) c, params[0], params[1]);
            case 3 -> g.task("k", (Task3) c, params[0], params[1], params[2]);
            case 4 -> g.task("k", (Task4) c, params[0], params[1], params[2], params[3]);
            default -> throw new IllegalStateException("kernel arity " + params.length);
        };
        return g.transferToHost(DataTransferMode.EVERY_EXECUTION, outs.toArray());
    }

    /**
     * The two stages of an axis kernel in one graph: the input and its meta go in, only the
     * per-output result comes back; the partials stay in device memory between the tasks.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private TaskGraph axisGraph(KernelTable.Stages st) {
        TaskGraph g = new TaskGraph("tessel" + IDS.incrementAndGet())
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, params[0], params[1]);
        if (kernel.kind() == Kind.AXIS) {
            g = g.task("p", (Task3) st.partials(), params[0], params[1], params[2])
                    .task("c", (Task3) st.combine(), params[2], params[1], params[3]);
        } else {
            g = g.task("p", (Task4) st.partials(), params[0], params[1], params[2], params[3])
                    .task("c", (Task4) st.combine(), params[2], params[3], params[1], params[4]);
        }
        return g.transferToHost(DataTransferMode.EVERY_EXECUTION, params[params.length - 1]);
    }

    /** Sets an axis kernel's meta: outputs, reduced length, inner stride, chunks per output. */
    void setAxisMeta(int outputs, int n, int inner, int chunks) {
        IntArray m = (IntArray) params[1];
        m.set(0, outputs);
        m.set(1, n);
        m.set(2, inner);
        m.set(3, chunks);
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Sets the live length of a reduction's input (its {@code meta[0]}). */
    void setLength(int n) {
        ((IntArray) params[1]).set(0, n);
    }

    /**
     * Runs the kernel on the device: buffers in, kernel, results out. Throws whatever TornadoVM
     * throws; the caller decides (see {@link FailurePolicy}).
     */
    void execute() {
        if (closed) {
            throw new IllegalStateException("plan for " + kernel + " was evicted and closed");
        }
        TornadoExecutionResult r = plan.execute();
        DeviceStats.recordRun(deviceIndex, r.getProfilerResult().getDeviceKernelTime());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                plan.close();
            }
        } catch (Exception e) {
            // Closing frees device memory; a failure here leaves nothing to recover on the host.
            System.getLogger("dev.tessel.gpu").log(System.Logger.Level.DEBUG, "closing plan failed", e);
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }
}
