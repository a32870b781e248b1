package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.NdArray;
import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceMemory;
import dev.tessel.spi.DeviceTask;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in accelerator for exercising the device-loan protocol without a GPU: its memory is
 * a separate off-heap region per loan, and all its work (copies in, tasks) runs in order on
 * its own single thread, so host and device really run concurrently, as with a GPU queue.
 * Close it to stop its thread.
 */
public final class SimulatedDevice implements Device, AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String name;
    private final ExecutorService queue;
    private final AtomicInteger tasksRun = new AtomicInteger();
    private final AtomicInteger liveAllocations = new AtomicInteger();
    private final AtomicInteger copiesIn = new AtomicInteger();
    private final AtomicInteger copiesOut = new AtomicInteger();
    /** Device memory by the host segment it stands for, so resident ops can find their operands. */
    private final Map<MemorySegment, Memory> byHost = new ConcurrentHashMap<>();
    private Future<?> last;
    private Throwable failure;

    public SimulatedDevice() {
        this.name = "sim-" + IDS.getAndIncrement();
        this.queue = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tessel-device-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The simulated device's memory: its own arena, freed by {@link #free}. */
    public static final class Memory implements DeviceMemory {
        private final Arena arena = Arena.ofShared();
        private final MemorySegment segment;

        private Memory(long bytes) {
            segment = arena.allocate(Math.max(bytes, 1), 64);
        }

        /** The device-side bytes; only tasks running on the device should touch them. */
        public MemorySegment segment() {
            return segment;
        }

        @Override
        public long byteSize() {
            return segment.byteSize();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized DeviceMemory copyIn(MemorySegment host) {
        Memory m = (Memory) allocate(host);
        copiesIn.incrementAndGet();
        enqueue(() -> MemorySegment.copy(host, 0, m.segment, 0, host.byteSize()));
        return m;
    }

    /** Device-born memory: nothing crosses, so no copy is counted. */
    @Override
    public DeviceMemory allocate(MemorySegment host) {
        Memory m = new Memory(host.byteSize());
        liveAllocations.incrementAndGet();
        byHost.put(host, m);
        return m;
    }

    @Override
    public String backendName() {
        return "sim";
    }

    /** The reference backend's loops, except FLOAT16 (never a loop dtype). */
    @Override
    public boolean runs(String ufunc, DType[] types) {
        for (DType t : types) {
            if (t == DType.FLOAT16) {
                return false;
            }
        }
        return ReferenceBackend.INSTANCE.loop(ufunc, types) != null;
    }

    /** Runs the reference loop on the device's thread over device memory; 0-d host inputs are scalars. */
    @Override
    public DeviceTask ufunc(String ufunc, NdArray out, NdArray... inputs) {
        NdArray[] all = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        all[inputs.length] = out;
        DType[] types = new DType[all.length];
        MemorySegment[] segs = new MemorySegment[all.length];
        long[] strides = new long[all.length];
        for (int k = 0; k < all.length; k++) {
            types[k] = all[k].dtype();
            Memory m = all[k].residence().device() == this ? byHost.get(all[k].storage().segment()) : null;
            if (m == null && (k == inputs.length || all[k].ndim() > 0)) {
                throw new IllegalArgumentException(ufunc + " on " + name + ": operand " + k + " is on "
                        + all[k].residence() + "; lend it first with a.to(device)");
            }
            segs[k] = m != null ? m.segment : scalarCopy(all[k]);
            strides[k] = m != null ? 1 : 0;
        }
        StridedLoop loop = ReferenceBackend.INSTANCE.loop(ufunc, types);
        long n = out.size();
        return ignored -> loop.run(segs, new long[segs.length], strides, n);
    }

    private static MemorySegment scalarCopy(NdArray scalar) {
        MemorySegment s = Arena.ofAuto().allocate(8, 8);
        MemorySegment.copy(scalar.storage().segment(), scalar.offset() * scalar.dtype().itemSize(), s, 0,
                scalar.dtype().itemSize());
        return s;
    }

    @Override
    public synchronized void submit(DeviceMemory memory, DeviceTask task) {
        enqueue(() -> {
            task.run(memory);
            tasksRun.incrementAndGet();
        });
    }

    private void enqueue(Runnable work) {
        last = queue.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    failure = failure == null ? e : failure;
                }
            }
        });
    }

    @Override
    public void await() {
        Future<?> f;
        synchronized (this) {
            f = last;
        }
        if (f != null) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for device " + name, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("device " + name + " failed", e.getCause());
            }
        }
        synchronized (this) {
            if (failure != null) {
                Throwable t = failure;
                failure = null;
                throw new IllegalStateException("a task on device " + name + " failed: " + t, t);
            }
        }
    }

    @Override
    public void copyOut(DeviceMemory memory, MemorySegment host) {
        copiesOut.incrementAndGet();
        MemorySegment.copy(((Memory) memory).segment, 0, host, 0, host.byteSize());
    }

    /**
     * Forgets the memory now and closes it after the work already queued, which may still use it
     * (a result dropped by the host while the chain that reads it is pending).
     */
    @Override
    public synchronized void free(DeviceMemory memory) {
        byHost.values().remove(memory);
        liveAllocations.decrementAndGet();
        Arena arena = ((Memory) memory).arena;
        if (queue.isShutdown()) {
            arena.close();
        } else {
            enqueue(arena::close);
        }
    }

    /** Device allocations not yet freed: zero once every loan has come home. */
    public int liveAllocations() {
        return liveAllocations.get();
    }

    /** Copies host to device so far (one per {@code a.to(device)}; results born here cost none). */
    public int copiesIn() {
        return copiesIn.get();
    }

    /** Copies device to host so far (one per loan that came home). */
    public int copiesOut() {
        return copiesOut.get();
    }

    /** How many submitted tasks have run to completion. */
    public int tasksRun() {
        return tasksRun.get();
    }

    @Override
    public void close() {
        queue.shutdown();
    }
}
