package dev.tessel.reference;

import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceMemory;
import dev.tessel.spi.DeviceTask;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
        Memory m = new Memory(host.byteSize());
        liveAllocations.incrementAndGet();
        enqueue(() -> MemorySegment.copy(host, 0, m.segment, 0, host.byteSize()));
        return m;
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
        MemorySegment.copy(((Memory) memory).segment, 0, host, 0, host.byteSize());
    }

    @Override
    public void free(DeviceMemory memory) {
        ((Memory) memory).arena.close();
        liveAllocations.decrementAndGet();
    }

    /** Device allocations not yet freed: zero once every loan has come home. */
    public int liveAllocations() {
        return liveAllocations.get();
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
