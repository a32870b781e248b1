package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.NdArray;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceMemory;
import dev.tessel.spi.DeviceTask;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task3;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.TornadoVMBackendType;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * A TornadoVM device as a Tessel {@link Device}: arrays lent to it with {@code a.to(device)}
 * stay with it, and elementwise ops on them ({@link #ufunc}) queue up without touching the
 * host. When the host needs the data ({@link #await}, which a loan's {@code toHost()} or a
 * recall calls), the queued ops run as one task graph: each lent input crosses to the device
 * once, intermediates never leave it, and only what the ops wrote comes back.
 *
 * <p>Decision: TornadoVM keeps device buffers per execution plan, so residency lasts from one
 * {@code await} to the next; a chain of ops between two host accesses is one round trip.
 * Each chain compiles its own graph (the first-call JIT cost, per distinct chain).
 */
public final class GpuDevice implements Device {
    private static final AtomicLong IDS = new AtomicLong();
    private static volatile List<GpuDevice> all;

    private final int index;
    private final String name;
    private final Map<MemorySegment, GpuMemory> lent = new ConcurrentHashMap<>();
    private final List<Op> pending = new ArrayList<>();
    private final AtomicLong transfersIn = new AtomicLong();
    private final AtomicLong transfersOut = new AtomicLong();

    private GpuDevice(int index) {
        this.index = index;
        this.name = "gpu:" + index;
    }

    /** The devices selected by {@code tessel.gpu.devices}, as {@code gpu:0}, {@code gpu:1}, ... */
    public static List<GpuDevice> all() {
        List<GpuDevice> a = all;
        if (a == null) {
            synchronized (GpuDevice.class) {
                a = all;
                if (a == null) {
                    String why = RuntimeProbe.reason();
                    if (why != null) {
                        throw new IllegalStateException(why);
                    }
                    List<GpuDevice> list = new ArrayList<>();
                    for (int i = 0; i < DeviceRegistry.selected().size(); i++) {
                        list.add(new GpuDevice(i));
                    }
                    a = List.copyOf(list);
                    all = a;
                }
            }
        }
        return a;
    }

    @Override
    public String name() {
        return name;
    }

    /** The TornadoVM device behind this one, e.g. {@code gpu:0 pthread-... (OPENCL, CPU)}. */
    @Override
    public String toString() {
        return DeviceRegistry.describe(index, DeviceRegistry.selected().get(index));
    }

    @Override
    public synchronized DeviceMemory copyIn(MemorySegment host) {
        GpuMemory m = new GpuMemory(host);
        lent.put(host, m);
        return m;
    }

    @Override
    public synchronized void submit(DeviceMemory memory, DeviceTask task) {
        task.run(memory);
    }

    /**
     * A task that computes {@code out = ufunc(inputs...)} elementwise on this device. Every
     * array must be lent to this device, C-contiguous and of one size; the dtypes must name one
     * of the backend's kernels (inputs then output, as in {@code Backend.loop}). Submit it on
     * any of the loans: it joins this device's queue.
     */
    public DeviceTask ufunc(String ufunc, NdArray out, NdArray... inputs) {
        DType[] types = new DType[inputs.length + 1];
        NdArray[] arrays = Arrays.copyOf(inputs, inputs.length + 1);
        arrays[inputs.length] = out;
        for (int i = 0; i < arrays.length; i++) {
            types[i] = arrays[i].dtype();
            checkResident(ufunc, arrays[i], out.size());
        }
        Kernel k = KernelTable.STANDARD.find(Kind.ELEMENTWISE, ufunc, List.of(types));
        if (k == null) {
            throw new IllegalArgumentException("no " + name + " kernel for " + ufunc + " on "
                    + Arrays.toString(types).toLowerCase(java.util.Locale.ROOT));
        }
        return ignored -> enqueue(k, arrays);
    }

    private void checkResident(String ufunc, NdArray a, long size) {
        if (a.residence().device() != this) {
            throw new IllegalArgumentException(ufunc + " on " + name + ": an operand is on " + a.residence()
                    + "; lend it first with a.to(device)");
        }
        if (!a.isCContiguous() || a.offset() != 0 || a.size() != size
                || a.size() * a.dtype().itemSize() != a.storage().segment().byteSize()) {
            throw new IllegalArgumentException(ufunc + " on " + name + ": operands must be whole C-contiguous "
                    + "arrays of one size (" + size + " elements); got shape " + Arrays.toString(a.shape()));
        }
    }

    private synchronized void enqueue(Kernel k, NdArray[] arrays) {
        GpuMemory[] mems = new GpuMemory[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            mems[i] = lent.get(arrays[i].storage().segment());
            if (mems[i] == null) {
                throw new IllegalStateException(name + " holds no memory for an operand of " + k);
            }
        }
        pending.add(new Op(k, mems));
    }

    @Override
    public synchronized void await() {
        if (pending.isEmpty()) {
            return;
        }
        List<Op> chain = List.copyOf(pending);
        pending.clear();
        // The chain's name identifies it to the failure policy; the CPU path runs the scalar
        // reference's loops over the host-side copies, in order.
        String id = name + " chain " + chain.stream().map(o -> o.kernel.toString()).toList();
        FailurePolicy.run(id, () -> runChain(chain), () -> runOnHost(chain));
    }

    private static void runOnHost(List<Op> chain) {
        for (Op op : chain) {
            DType[] types = op.kernel.types().toArray(DType[]::new);
            var loop = dev.tessel.reference.ReferenceBackend.INSTANCE.loop(op.kernel.ufunc(), types);
            MemorySegment[] segs = new MemorySegment[op.mems.length];
            for (int i = 0; i < segs.length; i++) {
                segs[i] = op.mems[i].as(types[i]).getSegment();
            }
            long n = op.mems[segs.length - 1].byteSize() / types[segs.length - 1].itemSize();
            long[] ones = new long[segs.length];
            Arrays.fill(ones, 1);
            loop.run(segs, new long[segs.length], ones, n);
        }
    }

    /** One task graph for the whole chain: inputs in once, writes out once. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runChain(List<Op> chain) {
        Set<GpuMemory> read = new LinkedHashSet<>();
        Set<GpuMemory> written = new LinkedHashSet<>();
        for (Op op : chain) {
            for (int i = 0; i < op.mems.length - 1; i++) {
                if (!written.contains(op.mems[i])) {
                    read.add(op.mems[i]);
                }
            }
            written.add(op.mems[op.mems.length - 1]);
        }
        TaskGraph g = new TaskGraph("tesselchain" + IDS.incrementAndGet());
        List<Object> in = new ArrayList<>();
        for (Op op : chain) {
            for (int i = 0; i < op.mems.length; i++) {
                op.mems[i].as(op.kernel.types().get(i)); // fix dtypes before the graph is built
            }
        }
        for (GpuMemory m : read) {
            in.add(m.as(typeOf(m, chain)));
        }
        g = g.transferToDevice(DataTransferMode.EVERY_EXECUTION, in.toArray());
        int t = 0;
        for (Op op : chain) {
            TornadoNativeArray[] p = new TornadoNativeArray[op.mems.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = op.mems[i].as(op.kernel.types().get(i));
            }
            g = p.length == 2 ? g.task("t" + t++, (Task2) op.kernel.code(), p[0], p[1])
                    : g.task("t" + t++, (Task3) op.kernel.code(), p[0], p[1], p[2]);
        }
        List<Object> out = new ArrayList<>();
        for (GpuMemory m : written) {
            out.add(m.as(typeOf(m, chain)));
        }
        g = g.transferToHost(DataTransferMode.EVERY_EXECUTION, out.toArray());
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(g.snapshot())) {
            plan.withDevice(DeviceRegistry.selected().get(index))
                    .withCompilerFlags(TornadoVMBackendType.OPENCL, KernelPlan.OPENCL_FLAGS)
                    .execute();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        DeviceStats.recordRun(index, 0);
        transfersIn.addAndGet(read.size());
        transfersOut.addAndGet(written.size());
    }

    private static DType typeOf(GpuMemory m, List<Op> chain) {
        for (Op op : chain) {
            for (int i = 0; i < op.mems.length; i++) {
                if (op.mems[i] == m) {
                    return op.kernel.types().get(i);
                }
            }
        }
        throw new IllegalStateException("memory not in chain");
    }

    @Override
    public void copyOut(DeviceMemory memory, MemorySegment host) {
        MemorySegment.copy(((GpuMemory) memory).hostSide(), 0, host, 0, host.byteSize());
    }

    @Override
    public synchronized void free(DeviceMemory memory) {
        lent.values().remove(memory);
    }

    /** Arrays (buffers) sent host to device by chains so far. */
    public long transfersIn() {
        return transfersIn.get();
    }

    /** Arrays (buffers) brought device to host by chains so far. */
    public long transfersOut() {
        return transfersOut.get();
    }

    private record Op(Kernel kernel, GpuMemory[] mems) {
    }
}
