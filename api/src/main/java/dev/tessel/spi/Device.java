package dev.tessel.spi;

import dev.tessel.DType;
import dev.tessel.NdArray;
import java.lang.foreign.MemorySegment;

/**
 * An accelerator that can own an array's storage while it is lent to it (the device side of
 * {@code NdArray.to(device)}). Work is queued in order: a copy-in, the tasks submitted after
 * it, and a copy-out run one after another on the device's own queue.
 *
 * <p>The host side keeps the ownership rules: while a storage is lent, the host neither reads
 * nor writes its segment, so {@link #copyIn} may read {@code host} asynchronously and the device
 * may write its memory freely; {@link #copyOut} is only called after {@link #await}.
 */
public interface Device {
    /** A short name for messages and {@code residence()}, e.g. {@code "sim-0"} or {@code "cuda:0"}. */
    String name();

    /** Allocates device memory of {@code host}'s size and queues the copy of {@code host} into it. */
    DeviceMemory copyIn(MemorySegment host);

    /** Queues {@code task} on the device after everything queued before it. */
    void submit(DeviceMemory memory, DeviceTask task);

    /** Blocks until all queued work has finished; rethrows the first failure of that work. */
    void await();

    /** Copies device memory back into {@code host}; called after {@link #await}. */
    void copyOut(DeviceMemory memory, MemorySegment host);

    /** Frees device memory; called once, after the final copy-out. */
    void free(DeviceMemory memory);

    // ---- Optional: resident ops (ops whose inputs are lent here run here; see dev.tessel.DeviceRoute).
    // The defaults say "unsupported", and the generic layer then brings the arrays home and runs on the host.

    /** The backend name placements report for ops run here, e.g. {@code "gpu"}. */
    default String backendName() {
        return "device";
    }

    /**
     * Device memory for a storage born on the device: its contents are written by a queued task
     * before anything reads them, so nothing needs to cross. The default copies in.
     */
    default DeviceMemory allocate(MemorySegment host) {
        return copyIn(host);
    }

    /**
     * Whether {@link #ufunc} can compute {@code ufunc} with resolved dtypes {@code types}
     * (inputs then output, as in {@code Backend.loop}); false by default.
     */
    default boolean runs(String ufunc, DType[] types) {
        return false;
    }

    /**
     * A task computing {@code out = ufunc(inputs...)} elementwise here. {@code out} and every
     * array input are whole C-contiguous arrays of one shape lent to this device; an input may
     * also be a 0-d host array, a scalar already of its loop dtype, to broadcast. Called only
     * when {@link #runs} said yes; submit the task on any of the loans involved.
     */
    default DeviceTask ufunc(String ufunc, NdArray out, NdArray... inputs) {
        throw new UnsupportedOperationException(name() + " runs no ufuncs; bring the arrays home with toHost()");
    }

    // ---- Optional: resident reductions and matrix products (dev.tessel.DeviceRoute). Unsupported by default.

    /**
     * Whether {@link #reduce} can fold with {@code op} ({@code "add"}, {@code "multiply"},
     * {@code "maximum"}, {@code "minimum"}, {@code "argmin"}, {@code "argmax"}) on {@code type}.
     */
    default boolean reduces(String op, DType type) {
        return false;
    }

    /**
     * A task folding the middle axis of {@code in} seen as a C-contiguous {@code (outer, n, inner)}
     * block into {@code out} ({@code outer * inner} elements, C order; int64 positions for the arg
     * ops, else {@code in}'s dtype), from the identity or the first element. Both arrays are
     * whole, C-contiguous and lent here; {@code n > 0}.
     */
    default DeviceTask reduce(String op, NdArray out, NdArray in, long outer, long n, long inner) {
        throw new UnsupportedOperationException(name() + " runs no reductions; bring the array home with toHost()");
    }

    /** Whether {@link #matmul} can multiply matrices of {@code type}. */
    default boolean multipliesMatrices(DType type) {
        return false;
    }

    /** A task computing {@code out = a @ b} for 2-d, whole, C-contiguous arrays lent here. */
    default DeviceTask matmul(NdArray out, NdArray a, NdArray b) {
        throw new UnsupportedOperationException(name() + " multiplies no matrices; bring the arrays home with toHost()");
    }
}
