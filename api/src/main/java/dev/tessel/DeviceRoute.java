package dev.tessel;

import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceTask;
import dev.tessel.spi.Engines;
import dev.tessel.spi.OpKind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Device residency for elementwise ufunc calls: when every array operand is lent to the same
 * device (Java scalars allowed), the op is queued on that device and its result is born lent to
 * it, so a chain of ops moves nothing between host and device until the host touches a result.
 *
 * <p>Decisions: the resident path takes the simple, common case only: one output, no
 * {@code out=}/{@code where=}/{@code dtype=}, whole C-contiguous operands of one shape (no
 * broadcasting between arrays), inputs already of the loop's dtypes (no casts), and a device
 * that says it {@link Device#runs} the loop. Anything else, including a call that mixes lent and
 * host arrays, takes the host path, whose leases recall the lent arrays (they come home, with
 * their pending device work done) — mixing is allowed, not refused, because the host path is
 * always correct and the result then lives on the host. Ops on lent arrays take no host leases:
 * the loans are their leases, and each is held still ({@link DeviceLoan#whileActive}) while the
 * op is queued, so a concurrent recall either comes before (then the host path runs) or waits.
 * A result no one brings home keeps its device memory until the device itself is dropped.
 * Reductions and matrix products of lent arrays take the same road in {@link DeviceFolds}.
 */
final class DeviceRoute {
    private DeviceRoute() {
    }

    /** Runs the call on the device its inputs live on, or returns null for the host path. */
    static NdArray[] tryRun(Ufunc u, Object[] args, NdArray[] out, NdArray where, DType dtype) {
        if (out != null || where != null || dtype != null || u.nout() != 1 || args.length != u.nin()) {
            return null;
        }
        Device device = commonDevice(args);
        if (device == null) {
            return null;
        }
        NdArray[] in = Operands.toArrays(u, args);
        DType[] types = new DType[in.length];
        for (int k = 0; k < in.length; k++) {
            types[k] = in[k].dtype;
        }
        DType[] loop = LoopResolution.resolve(u, types, null);
        for (int k = 0; k < in.length; k++) {
            if (loop[k] != types[k]) {
                return null;
            }
        }
        if (!device.runs(u.name(), loop)) {
            return null;
        }
        return queue(u, device, args, in, loop);
    }

    /** The one device every array operand is lent to, or null (a host array, two devices, odd layouts). */
    private static Device commonDevice(Object[] args) {
        Device device = null;
        long[] shape = null;
        for (Object o : args) {
            if (o instanceof NdArray a) {
                DeviceLoan l = a.storage.loan;
                if (l == null || (device != null && l.device() != device) || !whole(a)
                        || (shape != null && !Arrays.equals(shape, a.shape))) {
                    return null;
                }
                device = l.device();
                shape = a.shape;
            } else if (!(o instanceof Number || o instanceof Boolean)) {
                return null;
            }
        }
        return device;
    }

    /** The device {@code a} is lent to when it covers its whole storage in C order, else null (see {@link DeviceFolds}). */
    static Device lentWhole(NdArray a) {
        DeviceLoan l = a.storage.loan;
        return l != null && whole(a) ? l.device() : null;
    }

    /** A view covering its whole storage in C order: what a device copies and computes on. */
    private static boolean whole(NdArray a) {
        return a.isCContiguous() && a.offset == 0 && a.size() > 0
                && a.size() * a.dtype.itemSize() == a.storage.byteSize();
    }

    private static NdArray[] queue(Ufunc u, Device device, Object[] args, NdArray[] in, DType[] loop) {
        long[] shape = null;
        Set<DeviceLoan> loans = new LinkedHashSet<>();
        for (int k = 0; k < in.length; k++) {
            NdArray a = in[k];
            if (args[k] instanceof NdArray) {
                DeviceLoan l = a.storage.loan;
                if (l == null) {
                    return null; // recalled since we looked: the host path brings the rest home
                }
                loans.add(l);
                shape = a.shape;
            }
        }
        NdArray result = NdArray.allocate(loop[in.length], shape);
        DeviceLoan resultLoan = DeviceLoan.adopt(result, device);
        List<DeviceLoan> ordered = loans.stream().sorted(Comparator.comparingLong(l -> l.array().storage.id())).toList();
        boolean queued;
        try {
            queued = holdAll(ordered, 0, () -> {
                DeviceTask task = device.ufunc(u.name(), result, in);
                resultLoan.submit(task);
            });
        } catch (RuntimeException e) {
            resultLoan.toHost(); // give the device memory back; the failure is the caller's answer
            throw e;
        }
        if (!queued) {
            resultLoan.toHost(); // nothing was queued on it: an input came home first
            return null;
        }
        record(u.name(), loop[in.length], result.size(), device);
        return new NdArray[] {result};
    }

    /** Runs {@code action} while every loan from {@code i} on is held still; false if one is spent. */
    static boolean holdAll(List<DeviceLoan> loans, int i, Runnable action) {
        if (i == loans.size()) {
            action.run();
            return true;
        }
        boolean[] inner = {false};
        boolean active = loans.get(i).whileActive(() -> inner[0] = holdAll(loans, i + 1, action));
        return active && inner[0];
    }

    private static void record(String op, DType type, long elements, Device device) {
        Engines.current().recordPlacement(new Placement(op, OpKind.ELEMENTWISE, type, elements, device.backendName(),
                device.name(), 1, 1, 0L, "inputs lent to " + device.name(), "queued on the device",
                Thread.currentThread().getName()));
    }
}
