package dev.tessel;

import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceTask;
import dev.tessel.spi.Engines;
import dev.tessel.spi.OpKind;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Device residency for reductions and matrix products, the counterpart of {@link DeviceRoute}:
 * {@code sum}, {@code prod}, {@code max}, {@code min}, {@code mean}, {@code argmin},
 * {@code argmax}, {@code ufunc.reduce} and {@code matmul} on arrays lent to one device queue
 * there when the device says it {@link Device#reduces} or {@link Device#multipliesMatrices},
 * and their result is born lent to that device, so it joins a chain without a round trip.
 *
 * <p>Decisions: as for elementwise calls, only the simple, common case stays on the device:
 * whole C-contiguous lent operands, no {@code out=}/{@code where=}/{@code initial=}, no dtype
 * change (an int32 sum, which NumPy accumulates in int64, goes home), reduced axes that form
 * one contiguous group (one axis, adjacent axes, or all), 2-d matmul of one dtype. Every other
 * call returns null here and takes the host path, which recalls the lent arrays and is always
 * correct; invalid arguments also go that way, so their errors are the host path's.
 */
final class DeviceFolds {
    private DeviceFolds() {
    }

    /** {@code u.reduce(a, axes)} (or sum/prod/max/min) queued on {@code a}'s device, or null. */
    static NdArray tryReduce(Ufunc u, NdArray a, int[] axes, DType dtype, boolean keepdims) {
        Device device = DeviceRoute.lentWhole(a);
        if (device == null || (dtype != null && dtype != a.dtype)) {
            return null;
        }
        boolean[] reduced;
        try {
            if (ReduceTypes.of(u, a.dtype, null) != a.dtype) {
                return null;
            }
            reduced = Reduction.reducedAxes(u, a.ndim(), axes);
        } catch (RuntimeException e) {
            return null; // the host path raises the same error with its own message
        }
        long[] b = AxisFold.block(a.shape, reduced);
        if (b == null || !device.reduces(u.name(), a.dtype)) {
            return null;
        }
        NdArray result = NdArray.allocate(a.dtype, Reduction.keptShape(a.shape, reduced, keepdims));
        return queue(u.name() + ".reduce", OpKind.REDUCTION, device, List.of(a), result,
                () -> device.reduce(u.name(), result, a, b[0], b[1], b[2]));
    }

    /** {@code mean} of a lent float array: the device sum divided on the device, or null. */
    static NdArray tryMean(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        if (dtype != null || !a.dtype.isFloating() || NamedReductions.statsType(a.dtype) != a.dtype) {
            return null;
        }
        NdArray s = tryReduce(Ufuncs.ADD, a, axes, null, keepdims);
        if (s == null) {
            return null;
        }
        return Ufuncs.TRUE_DIVIDE.call(s, (double) (a.size() / s.size())); // queued too: s is lent
    }

    /** argmin/argmax of a lent array (flattened when {@code axis} is null), or null. */
    static NdArray tryArg(String which, NdArray a, Integer axis) {
        Device device = DeviceRoute.lentWhole(a);
        if (device == null || LoopResolution.computeType(a.dtype) != a.dtype || !device.reduces(which, a.dtype)) {
            return null;
        }
        long[] b;
        long[] kept;
        if (axis == null) {
            b = new long[] {1, a.size(), 1};
            kept = new long[0];
        } else {
            if (a.ndim() == 0 || axis < -a.ndim() || axis >= a.ndim()) {
                return null;
            }
            int ax = Shape.axis(axis, a.ndim());
            b = new long[] {prod(a.shape, 0, ax), a.shape[ax], prod(a.shape, ax + 1, a.ndim())};
            kept = Accumulation.without(a.shape, ax);
        }
        NdArray result = NdArray.allocate(DType.INT64, kept);
        return queue(which, OpKind.REDUCTION, device, List.of(a), result,
                () -> device.reduce(which, result, a, b[0], b[1], b[2]));
    }

    /** {@code a @ b} for two lent 2-d matrices of one dtype on one device, or null. */
    static NdArray tryMatmul(NdArray a, NdArray b) {
        Device device = DeviceRoute.lentWhole(a);
        if (device == null || DeviceRoute.lentWhole(b) != device || a.ndim() != 2 || b.ndim() != 2
                || a.shape[1] != b.shape[0] || a.dtype != b.dtype || !device.multipliesMatrices(a.dtype)) {
            return null;
        }
        NdArray result = NdArray.allocate(a.dtype, new long[] {a.shape[0], b.shape[1]});
        return queue("matmul", OpKind.MATMUL, device, List.of(a, b), result, () -> device.matmul(result, a, b));
    }

    private static long prod(long[] shape, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    /**
     * Queues the task while every input's loan is held still, the result born lent to the
     * device; null (host path) when an input came home first.
     */
    private static NdArray queue(String op, OpKind kind, Device device, List<NdArray> inputs, NdArray result,
                                 Supplier<DeviceTask> task) {
        Set<DeviceLoan> loans = new LinkedHashSet<>();
        for (NdArray a : inputs) {
            DeviceLoan l = a.storage.loan;
            if (l == null) {
                return null;
            }
            loans.add(l);
        }
        DeviceLoan resultLoan = DeviceLoan.adopt(result, device);
        List<DeviceLoan> ordered = loans.stream().sorted(Comparator.comparingLong(l -> l.array().storage.id())).toList();
        boolean queued;
        try {
            queued = DeviceRoute.holdAll(ordered, 0, () -> resultLoan.submit(task.get()));
        } catch (RuntimeException e) {
            resultLoan.toHost();
            throw e;
        }
        if (!queued) {
            resultLoan.toHost();
            return null;
        }
        Engines.current().recordPlacement(new Placement(op, kind, result.dtype, inputs.getFirst().size(),
                device.backendName(), device.name(), 1, 1, 0L, "inputs lent to " + device.name(),
                "queued on the device", Thread.currentThread().getName()));
        return result;
    }
}
