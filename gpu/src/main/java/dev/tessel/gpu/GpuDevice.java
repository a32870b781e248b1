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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TornadoVM device as a Tessel {@link Device}: arrays lent to it with {@code a.to(device)}
 * stay with it, and elementwise ops on them ({@link #ufunc}) queue up without touching the
 * host. When the host needs the data ({@link #await}, which a loan's {@code toHost()} or a
 * recall calls), the queued ops run as one task graph: each lent input crosses to the device
 * once, intermediates never leave it, and only what the ops wrote comes back.
 *
 * <p>Decision: TornadoVM keeps device buffers per execution plan, so residency lasts from one
 * {@code await} to the next; a chain of ops between two host accesses is one round trip. A
 * chain compiles once per shape ({@link ChainPlan}); a recurring chain reuses its plan, paying
 * a host-side copy into the plan's buffers instead of a compile.
 */
public final class GpuDevice implements Device {
    private static final int CHAIN_PLANS = 16;
    private static volatile List<GpuDevice> all;

    private final int index;
    private final String name;
    private final Map<MemorySegment, GpuMemory> lent = new ConcurrentHashMap<>();
    private final List<Op> pending = new ArrayList<>();
    /** Compiled chains by shape, least recently used first out (each holds device buffers). */
    private final Map<ChainPlan.Shape, ChainPlan> plans = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChainPlan.Shape, ChainPlan> eldest) {
            if (size() > CHAIN_PLANS) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
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

    // ---- resident ops: the generic layer (dev.tessel.DeviceRoute) queues ufunc calls on lent arrays here ----

    @Override
    public String backendName() {
        return "gpu";
    }

    /** Whether a kernel exists for {@code ufunc} on these dtypes (inputs then output). */
    @Override
    public boolean runs(String ufunc, DType[] types) {
        return KernelTable.STANDARD.find(Kind.ELEMENTWISE, ufunc, List.of(types)) != null;
    }

    /**
     * A 0-d host input is a scalar: kernels take arrays only, so it becomes a constant array of
     * the output's size lent here, which the chain moves in once like any input (a chain with a
     * scalar costs one transfer more than one without).
     */
    private NdArray[] constantsFor(NdArray out, NdArray[] inputs) {
        NdArray[] r = inputs;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].ndim() == 0 && inputs[i].residence().device() != this) {
                r = r == inputs ? inputs.clone() : r;
                r[i] = inputs[i].broadcastTo(out.shape()).copy();
                r[i].to(this);
            }
        }
        return r;
    }

    /**
     * A task that computes {@code out = ufunc(inputs...)} elementwise on this device. Every
     * array must be lent to this device, C-contiguous and of one size (a 0-d host array is a
     * scalar, see {@link #constantsFor}); the dtypes must name one
     * of the backend's kernels (inputs then output, as in {@code Backend.loop}). Submit it on
     * any of the loans: it joins this device's queue.
     */
    @Override
    public DeviceTask ufunc(String ufunc, NdArray out, NdArray... given) {
        NdArray[] inputs = constantsFor(out, given);
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
                segs[i] = op.mems[i].bytes;
            }
            long n = op.mems[segs.length - 1].byteSize() / types[segs.length - 1].itemSize();
            long[] ones = new long[segs.length];
            Arrays.fill(ones, 1);
            loop.run(segs, new long[segs.length], ones, n);
        }
    }

    /** One task graph for the whole chain: inputs in once, writes out once. */
    private void runChain(List<Op> chain) {
        Map<GpuMemory, Integer> slotOf = new LinkedHashMap<>();
        List<DType> slotTypes = new ArrayList<>();
        List<Boolean> read = new ArrayList<>();
        List<Boolean> written = new ArrayList<>();
        List<List<Integer>> operandSlots = new ArrayList<>();
        for (Op op : chain) {
            List<Integer> ops = new ArrayList<>();
            for (int i = 0; i < op.mems.length; i++) {
                int s = slotOf.computeIfAbsent(op.mems[i], m -> {
                    read.add(false);
                    written.add(false);
                    return slotTypes.size();
                });
                DType t = op.kernel.types().get(i);
                if (s == slotTypes.size()) {
                    slotTypes.add(t);
                } else if (slotTypes.get(s) != t) {
                    throw new IllegalArgumentException("a lent array is used as " + slotTypes.get(s).numpyName()
                            + " and as " + t.numpyName() + " in one chain");
                }
                boolean output = i == op.mems.length - 1;
                if (output) {
                    written.set(s, true);
                } else if (!written.get(s)) {
                    read.set(s, true);
                }
                ops.add(s);
            }
            operandSlots.add(List.copyOf(ops));
        }
        List<Kernel> kernels = chain.stream().map(Op::kernel).toList();
        int length = (int) (chain.getFirst().mems[0].byteSize() / chain.getFirst().kernel.types().getFirst().itemSize());
        ChainPlan.Shape shape = new ChainPlan.Shape(kernels, List.copyOf(operandSlots), List.copyOf(slotTypes),
                List.copyOf(read), List.copyOf(written), length);
        ChainPlan plan = plans.computeIfAbsent(shape, k -> new ChainPlan(k, index));
        List<GpuMemory> mems = new ArrayList<>(slotOf.keySet());
        for (int s = 0; s < mems.size(); s++) {
            if (read.get(s)) {
                MemorySegment.copy(mems.get(s).bytes, 0, plan.slots[s].getSegment(), 0, mems.get(s).byteSize());
            }
        }
        plan.execute();
        for (int s = 0; s < mems.size(); s++) {
            if (written.get(s)) {
                MemorySegment.copy(plan.slots[s].getSegment(), 0, mems.get(s).bytes, 0, mems.get(s).byteSize());
            }
        }
        DeviceStats.recordRun(index, 0);
        transfersIn.addAndGet(read.stream().filter(b -> b).count());
        transfersOut.addAndGet(written.stream().filter(b -> b).count());
    }

    @Override
    public void copyOut(DeviceMemory memory, MemorySegment host) {
        MemorySegment.copy(((GpuMemory) memory).bytes, 0, host, 0, host.byteSize());
    }

    @Override
    public synchronized void free(DeviceMemory memory) {
        lent.values().remove(memory);
    }

    /** Chain plans compiled and kept now. */
    synchronized int compiledChains() {
        return plans.size();
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
