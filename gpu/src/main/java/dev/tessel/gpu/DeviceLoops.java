package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;
import java.util.List;

/**
 * Hands out the device loops of {@link KernelTable#STANDARD}, sharing one {@link PlanCache}.
 * Kept apart from {@link GpuBackend} so that class stays free of TornadoVM types. The CPU loop
 * a failed kernel falls back to is the scalar reference's.
 */
final class DeviceLoops {
    /**
     * Plans kept at once; each holds device buffers of its size class. 64 covers the common
     * ufuncs of two dtypes in two size classes; a plan rebuilt after eviction costs one compile.
     */
    static final int PLANS = 64;
    static final PlanCache CACHE = new PlanCache(PLANS);

    private DeviceLoops() {
    }

    static StridedLoop loop(String ufunc, DType[] types) {
        Kernel k = KernelTable.STANDARD.find(Kind.ELEMENTWISE, ufunc, List.of(types));
        return k == null ? null : ElementwiseLoop.acrossDevices(k, CACHE, ReferenceBackend.INSTANCE.loop(ufunc, types),
                ElementwiseLoop.SPLIT_MIN);
    }

    static ReduceLoop reduceLoop(String ufunc, DType type) {
        Kernel k = KernelTable.STANDARD.find(Kind.REDUCTION, ufunc, List.of(type));
        return k == null ? null : new ReductionLoop(k, CACHE, ReferenceBackend.INSTANCE.reduceLoop(ufunc, type), 0);
    }

    static ArgLoop argLoop(String which, DType type) {
        Kernel k = KernelTable.STANDARD.find(Kind.ARG, which, List.of(type));
        return k == null ? null : new ArgReductionLoop(k, CACHE, ReferenceBackend.INSTANCE.argLoop(which, type), 0);
    }

    static AxisReductionLoop axisReduceLoop(String ufunc, DType type) {
        Kernel k = KernelTable.STANDARD.find(Kind.AXIS, ufunc, List.of(type));
        return k == null ? null : new AxisReductionLoop(k, CACHE, 0);
    }

    static AxisReductionLoop axisArgLoop(String which, DType type) {
        Kernel k = KernelTable.STANDARD.find(Kind.AXIS_ARG, which, List.of(type));
        return k == null ? null : new AxisReductionLoop(k, CACHE, 0);
    }

    static MatmulKernel matmul(DType type) {
        if (type != DType.FLOAT32 && type != DType.FLOAT64) {
            return null;
        }
        return new DeviceMatmul(type, ReferenceBackend.INSTANCE.matmul(type));
    }

    static String describeDevices() {
        StringBuilder sb = new StringBuilder();
        var devices = DeviceRegistry.selected();
        for (int i = 0; i < devices.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(DeviceRegistry.describe(i, devices.get(i)));
        }
        return sb.toString();
    }
}
