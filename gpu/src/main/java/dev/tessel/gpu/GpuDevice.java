package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.NdArray;
import dev.tessel.gpu.ChainSlots.Op;
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
 * once, a scalar operand crosses as one element, and nothing comes back by itself. What the
 * chain wrote stays in the plan's device buffers; {@link #copyOut} (the host reading a result)
 * brings back that one buffer, so {@code c = exp((a + b) * 2.0)} moves a and b in and c out,
 * while the intermediate {@code a + b} never leaves the device.
 *
 * <p>Decisions: TornadoVM keeps device buffers per execution plan, and a chain compiles once per
 * shape ({@link ChainPlan}); a recurring chain reuses its plan, paying a host-side copy into the
 * plan's buffers instead of a compile. Its buffers are then overwritten, so before a plan runs
 * again, any value that still lives only in them (a result the host has not read and whose
 * storage has not yet been collected) is first copied back ({@link #fetch}); the same happens
 * when a later chain reads such a value, or when the plan is evicted. Those copies are counted
 * in {@link #transfersOut()}: a chain never moves more than when every written buffer came
 * back, and usually moves only what the host reads.
 *
 * <p>Reductions ({@link #reduce}) and 2-d matrix products ({@link #matmul}) on lent arrays join
 * the same chain (the generic layer's {@code DeviceFolds} queues them), so {@code a.mul(b).sum(1)}
 * is one graph that sends a and b and returns only the sums.
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
                evacuate(eldest.getValue());
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private final AtomicLong transfersIn = new AtomicLong();
    private final AtomicLong transfersOut = new AtomicLong();
    private final AtomicLong scalarsIn = new AtomicLong();

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
        GpuMemory m = new GpuMemory(host, GpuMemory.Kind.LENT);
        lent.put(host, m);
        return m;
    }

    /** A resident op's result: a kernel writes it before anything reads it, so nothing is copied now. */
    @Override
    public synchronized DeviceMemory allocate(MemorySegment host) {
        GpuMemory m = new GpuMemory(host.byteSize(), GpuMemory.Kind.LENT);
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
     * A 0-d host input is a scalar: its one element is copied now into a one-element buffer,
     * which the chain sends with the run and a {@link ScalarKernels broadcast kernel} spreads
     * over device-only scratch of the output's size for the array kernel to read.
     */
    private boolean isScalar(NdArray input) {
        return input.ndim() == 0 && input.residence().device() != this;
    }

    /**
     * A task that computes {@code out = ufunc(inputs...)} elementwise on this device. Every
     * array must be lent to this device, C-contiguous and of one size (a 0-d host array is a
     * scalar, see {@link #isScalar}); the dtypes must name one
     * of the backend's kernels (inputs then output, as in {@code Backend.loop}). Submit it on
     * any of the loans: it joins this device's queue.
     */
    @Override
    public DeviceTask ufunc(String ufunc, NdArray out, NdArray... inputs) {
        DType[] types = new DType[inputs.length + 1];
        NdArray[] arrays = Arrays.copyOf(inputs, inputs.length + 1);
        arrays[inputs.length] = out;
        GpuMemory[] scalars = new GpuMemory[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            types[i] = arrays[i].dtype();
            if (i < inputs.length && isScalar(inputs[i])) {
                scalars[i] = new GpuMemory(inputs[i].copy().storage().segment(), GpuMemory.Kind.SCALAR);
            } else {
                checkResident(ufunc, arrays[i], out.size());
            }
        }
        Kernel k = KernelTable.STANDARD.find(Kind.ELEMENTWISE, ufunc, List.of(types));
        if (k == null) {
            throw new IllegalArgumentException("no " + name + " kernel for " + ufunc + " on "
                    + Arrays.toString(types).toLowerCase(java.util.Locale.ROOT));
        }
        for (int i = 0; i < inputs.length; i++) {
            if (scalars[i] != null && ScalarKernels.broadcast(types[i]) == null) {
                throw new IllegalArgumentException("no " + name + " kernel to broadcast a " + types[i].numpyName()
                        + " scalar for " + ufunc);
            }
        }
        return ignored -> enqueue(k, arrays, scalars, out.size());
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

    private synchronized void enqueue(Kernel k, NdArray[] arrays, GpuMemory[] scalars, long size) {
        GpuMemory[] mems = new GpuMemory[arrays.length];
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < arrays.length; i++) {
            if (scalars[i] != null) {
                DType t = k.types().get(i);
                mems[i] = new GpuMemory(size * t.itemSize(), GpuMemory.Kind.SCRATCH);
                GpuMemory[] bm = {scalars[i], mems[i]};
                ops.add(Op.of(ScalarKernels.broadcast(t), bm, () -> HostSteps.broadcast(t, bm)));
                continue;
            }
            mems[i] = memoryOf(arrays[i], k.toString());
        }
        ops.add(Op.of(k, mems, () -> HostSteps.elementwise(k, mems)));
        pending.addAll(ops);
    }

    private GpuMemory memoryOf(NdArray a, String op) {
        GpuMemory m = lent.get(a.storage().segment());
        if (m == null) {
            throw new IllegalStateException(name + " holds no memory for an operand of " + op);
        }
        return m;
    }

    // ---- resident reductions and matrix products (dev.tessel.DeviceFolds) ----

    /** sum/prod/min/max ({@code add}, {@code multiply}, {@code maximum}, {@code minimum}) and argmin/argmax. */
    @Override
    public boolean reduces(String op, DType type) {
        return axisKernel(op, type) != null;
    }

    private static Kernel axisKernel(String op, DType type) {
        Kind kind = op.startsWith("arg") ? Kind.AXIS_ARG : Kind.AXIS;
        return KernelTable.STANDARD.find(kind, op, List.of(type));
    }

    /** Queues an axis reduction as two tasks of the chain ({@link ResidentOps#reduce}). */
    @Override
    public DeviceTask reduce(String op, NdArray out, NdArray in, long outer, long n, long inner) {
        Kernel k = axisKernel(op, in.dtype());
        if (k == null) {
            throw new IllegalArgumentException("no " + name + " kernel for " + op + " on " + in.dtype().numpyName());
        }
        checkResident(op, in, in.size());
        checkResident(op, out, out.size());
        if (n < 1 || outer * n * inner != in.size() || outer * inner != out.size()) {
            throw new IllegalArgumentException(op + " on " + name + ": block (" + outer + ", " + n + ", " + inner
                    + ") does not fit " + in.size() + " elements in and " + out.size() + " out");
        }
        return ignored -> enqueueReduce(k, in, out, (int) outer, (int) n, (int) inner);
    }

    private synchronized void enqueueReduce(Kernel k, NdArray in, NdArray out, int outer, int n, int inner) {
        pending.addAll(ResidentOps.reduce(k, in.dtype(), memoryOf(in, k.toString()), memoryOf(out, k.toString()),
                outer, n, inner));
    }

    /** float32 and float64 (the untiled kernel: a chain's buffers are the arrays, unpadded). */
    @Override
    public boolean multipliesMatrices(DType type) {
        return type == DType.FLOAT32 || type == DType.FLOAT64;
    }

    @Override
    public DeviceTask matmul(NdArray out, NdArray a, NdArray b) {
        DType t = a.dtype();
        if (!multipliesMatrices(t) || b.dtype() != t || out.dtype() != t) {
            throw new IllegalArgumentException("no " + name + " matmul for " + a.dtype().numpyName() + " @ "
                    + b.dtype().numpyName() + " -> " + out.dtype().numpyName());
        }
        long[] as = a.shape();
        long[] bs = b.shape();
        if (as.length != 2 || bs.length != 2 || as[1] != bs[0] || !Arrays.equals(out.shape(), new long[] {as[0], bs[1]})) {
            throw new IllegalArgumentException("matmul on " + name + ": shapes " + Arrays.toString(as) + " @ "
                    + Arrays.toString(bs) + " -> " + Arrays.toString(out.shape()) + " do not fit");
        }
        checkResident("matmul", a, a.size());
        checkResident("matmul", b, b.size());
        checkResident("matmul", out, out.size());
        return ignored -> enqueueMatmul(t, a, b, out, (int) as[0], (int) as[1], (int) bs[1]);
    }

    private synchronized void enqueueMatmul(DType t, NdArray a, NdArray b, NdArray out, int m, int k, int n) {
        pending.add(ResidentOps.matmul(t, memoryOf(a, "matmul"), memoryOf(b, "matmul"), memoryOf(out, "matmul"), m, k, n));
    }

    @Override
    public synchronized void await() {
        if (pending.isEmpty()) {
            return;
        }
        List<Op> chain = List.copyOf(pending);
        pending.clear();
        ChainSlots slots = ChainSlots.of(chain);
        // Values the chain reads must be current on the host side, for the device run and for
        // the CPU path alike.
        for (int s = 0; s < slots.mems().size(); s++) {
            if (slots.read(s)) {
                fetch(slots.mems().get(s));
            }
        }
        // The chain's name identifies it to the failure policy; the CPU path runs the scalar
        // reference's loops over the host-side copies, in order.
        String id = name + " chain " + chain.stream().map(Op::name).toList();
        FailurePolicy.run(id, () -> runChain(slots), () -> runOnHost(chain, slots));
    }

    private void runOnHost(List<Op> chain, ChainSlots slots) {
        for (int s = 0; s < slots.mems().size(); s++) {
            if (slots.written(s)) {
                drop(slots.mems().get(s)); // the host loops write it whole: its device copy is dead
            }
        }
        for (Op op : chain) {
            op.host().run();
        }
    }

    /** One task graph for the whole chain: inputs in once, results left on the device. */
    private void runChain(ChainSlots slots) {
        ChainPlan plan = plans.computeIfAbsent(slots.shape(), k -> new ChainPlan(k, index));
        evacuate(plan); // its buffers are about to be overwritten
        List<GpuMemory> mems = slots.mems();
        long in = 0;
        long scalars = 0;
        for (int s = 0; s < mems.size(); s++) {
            GpuMemory m = mems.get(s);
            if (slots.read(s)) {
                MemorySegment.copy(m.bytes(), 0, plan.slots[s].getSegment(), 0, m.byteSize());
                if (m.kind == GpuMemory.Kind.SCALAR) {
                    scalars++;
                } else if (m.kind == GpuMemory.Kind.LENT) {
                    in++;
                }
            }
        }
        plan.execute();
        for (int s = 0; s < mems.size(); s++) {
            if (slots.written(s)) {
                keep(mems.get(s), plan, s);
            }
        }
        DeviceStats.recordRun(index, 0);
        transfersIn.addAndGet(in);
        scalarsIn.addAndGet(scalars);
    }

    /** Records that {@code m}'s value now lives in slot {@code s} of {@code plan}'s device buffers. */
    private static void keep(GpuMemory m, ChainPlan plan, int s) {
        drop(m);
        if (m.kind == GpuMemory.Kind.LENT && !m.freed) {
            m.residentIn = plan;
            m.residentSlot = s;
            plan.resident.add(m);
        }
    }

    private static void drop(GpuMemory m) {
        if (m.residentIn != null) {
            m.residentIn.resident.remove(m);
            m.residentIn = null;
        }
    }

    /** Copies back every value that lives only in {@code plan}'s device buffers. */
    private void evacuate(ChainPlan plan) {
        for (GpuMemory m : List.copyOf(plan.resident)) {
            fetch(m);
        }
    }

    /** Makes {@code m}'s host side current: one device-to-host copy if its value is on the device. */
    private void fetch(GpuMemory m) {
        ChainPlan plan = m.residentIn;
        if (plan == null) {
            return;
        }
        MemorySegment.copy(plan.fetch(m.residentSlot).getSegment(), 0, m.bytes(), 0, m.byteSize());
        drop(m);
        transfersOut.incrementAndGet();
    }

    @Override
    public synchronized void copyOut(DeviceMemory memory, MemorySegment host) {
        GpuMemory m = (GpuMemory) memory;
        fetch(m);
        MemorySegment.copy(m.bytes(), 0, host, 0, host.byteSize());
    }

    @Override
    public synchronized void free(DeviceMemory memory) {
        GpuMemory m = (GpuMemory) memory;
        m.freed = true;
        drop(m);
        lent.values().remove(m);
    }

    /** Chain plans compiled and kept now. */
    synchronized int compiledChains() {
        return plans.size();
    }

    /** Array-sized buffers sent host to device by chains so far (scalars are {@link #scalarsIn()}). */
    public long transfersIn() {
        return transfersIn.get();
    }

    /**
     * Buffers brought device to host so far: results the host read, and values copied back
     * because their plan ran again or was evicted, or because another plan read them.
     */
    public long transfersOut() {
        return transfersOut.get();
    }

    /** Scalar operands sent host to device so far, one element each. */
    public long scalarsIn() {
        return scalarsIn.get();
    }
}
