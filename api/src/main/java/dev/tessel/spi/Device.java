package dev.tessel.spi;

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
}
