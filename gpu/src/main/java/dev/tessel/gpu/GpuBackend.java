package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.AxisArgLoop;
import dev.tessel.spi.AxisReduceLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Device;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;
import java.util.List;

/**
 * The TornadoVM backend. This class names no TornadoVM type, so {@link java.util.ServiceLoader}
 * can instantiate it in a JVM without the TornadoVM runtime; it then reports why in
 * {@link #unavailableReason()} and offers no loops.
 */
public final class GpuBackend implements Backend {
    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public int priority() {
        return 20;
    }

    /** The selected devices, one per line after the first, e.g. {@code gpu: gpu:0 pthread-... (OPENCL, CPU)}. */
    @Override
    public String describe() {
        return RuntimeProbe.available() ? "gpu: " + DeviceLoops.describeDevices() : "gpu: unavailable";
    }

    /** Where the loops run: the first selected device. */
    @Override
    public String device() {
        return "gpu:0";
    }

    /** One {@link GpuDevice} per selected TornadoVM device; none when the runtime is missing. */
    @Override
    public List<Device> devices() {
        return RuntimeProbe.available() ? List.copyOf(GpuDevice.all()) : List.of();
    }

    @Override
    public String unavailableReason() {
        return RuntimeProbe.reason();
    }

    @Override
    public StridedLoop loop(String ufunc, DType[] types) {
        return RuntimeProbe.available() ? DeviceLoops.loop(ufunc, types) : null;
    }

    @Override
    public ReduceLoop reduceLoop(String ufunc, DType type) {
        return RuntimeProbe.available() ? DeviceLoops.reduceLoop(ufunc, type) : null;
    }

    @Override
    public ArgLoop argLoop(String which, DType type) {
        return RuntimeProbe.available() ? DeviceLoops.argLoop(which, type) : null;
    }

    /** Axis and whole-array reductions in one launch (see AxisReductionLoop). */
    @Override
    public AxisReduceLoop axisReduceLoop(String ufunc, DType type) {
        return RuntimeProbe.available() ? DeviceLoops.axisReduceLoop(ufunc, type) : null;
    }

    @Override
    public AxisArgLoop axisArgLoop(String which, DType type) {
        return RuntimeProbe.available() ? DeviceLoops.axisArgLoop(which, type) : null;
    }

    @Override
    public MatmulKernel matmul(DType type) {
        return RuntimeProbe.available() ? DeviceLoops.matmul(type) : null;
    }
}
