package dev.tessel.gpu;

import dev.tessel.DType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.WorkerGrid2D;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.ProfilerMode;
import uk.ac.manchester.tornado.api.enums.TornadoVMBackendType;
import uk.ac.manchester.tornado.api.types.arrays.DoubleArray;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * The tiled matmul kernel bound to padded buffers of one shape class ({@code mPad x kPad} times
 * {@code kPad x nPad}); the sides are the operands' sides rounded up to a power of two of at
 * least {@link MatmulKernels#TILE}, so a handful of plans cover all shapes. Padding is zero, so
 * it adds nothing to the products.
 */
final class MatmulPlan implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    final DType type;
    final int mPad;
    final int nPad;
    final int kPad;
    final TornadoNativeArray a;
    final TornadoNativeArray b;
    final TornadoNativeArray c;
    final int deviceIndex;
    private final TornadoExecutionPlan plan;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    MatmulPlan(DType type, int mPad, int nPad, int kPad, int deviceIndex) {
        this.type = type;
        this.mPad = mPad;
        this.nPad = nPad;
        this.kPad = kPad;
        this.a = NativeBuffers.allocate(type, mPad * kPad);
        this.b = NativeBuffers.allocate(type, kPad * nPad);
        this.c = NativeBuffers.allocate(type, mPad * nPad);
        String name = "tesselmm" + IDS.incrementAndGet();
        KernelContext ctx = new KernelContext();
        TaskGraph g = new TaskGraph(name).transferToDevice(DataTransferMode.EVERY_EXECUTION, a, b);
        g = type == DType.FLOAT32
                ? g.task("mm", MatmulKernels::matmulF32, ctx, (FloatArray) a, (FloatArray) b, (FloatArray) c, nPad, kPad)
                : g.task("mm", MatmulKernels::matmulF64, ctx, (DoubleArray) a, (DoubleArray) b, (DoubleArray) c, nPad, kPad);
        g = g.transferToHost(DataTransferMode.EVERY_EXECUTION, c);
        WorkerGrid2D grid = new WorkerGrid2D(nPad, mPad);
        grid.setLocalWork(MatmulKernels.TILE, MatmulKernels.TILE, 1);
        this.plan = new TornadoExecutionPlan(g.snapshot())
                .withDevice(DeviceRegistry.selected().get(deviceIndex))
                .withGridScheduler(new GridScheduler(name + ".mm", grid))
                .withCompilerFlags(TornadoVMBackendType.OPENCL, KernelPlan.OPENCL_FLAGS)
                .withProfiler(ProfilerMode.SILENT);
        this.deviceIndex = deviceIndex;
    }

    /** A padded side: a power of two, at least one tile. */
    static int pad(long side) {
        if (side > 1 << 15) {
            throw new IllegalArgumentException("matrix side " + side + " exceeds the GPU matmul limit of 32768");
        }
        int s = MatmulKernels.TILE;
        while (s < side) {
            s <<= 1;
        }
        return s;
    }

    ReentrantLock lock() {
        return lock;
    }

    boolean isClosed() {
        return closed;
    }

    void execute() {
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
            System.getLogger("dev.tessel.gpu").log(System.Logger.Level.DEBUG, "closing matmul plan failed", e);
        } finally {
            lock.unlock();
        }
    }
}
