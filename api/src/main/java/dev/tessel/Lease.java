package dev.tessel;

import java.lang.foreign.MemorySegment;

/**
 * A long lease on one view, taken with {@link NdArray#read()} or {@link NdArray#write()} and
 * released by {@link #close()}. Its accessors skip the ledger (the lease already holds the
 * range), so loops over elements should run through a lease rather than through
 * {@link NdArray#getDouble}, which takes and drops a lease per element.
 *
 * <p>Capabilities are in the type: a {@link ReadLease} can only read; a {@link WriteLease}
 * reads and writes. A lease belongs to the thread that took it; other ops of that same thread
 * on an overlapping range fail at once (they would wait on themselves), so work on a leased
 * range goes through the lease.
 */
public abstract sealed class Lease implements AutoCloseable permits ReadLease, WriteLease {
    final NdArray array;
    private final OpLeases leases;
    private boolean closed;

    Lease(NdArray array, LeaseKind kind, String op) {
        this.array = array;
        NdArray[] one = {array};
        NdArray[] none = {};
        this.leases = kind == LeaseKind.READ ? OpLeases.enter(op, one, none, this) : OpLeases.enter(op, none, one, this);
    }

    /** The view this lease covers. */
    public NdArray array() {
        return array;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** The element at {@code index} as a double. */
    public double getDouble(long... index) {
        MemorySegment seg = segment();
        return array.dtype.getDouble(seg, array.elementIndex(index));
    }

    /** The element at {@code index} as a long (floats truncate toward zero). */
    public long getLong(long... index) {
        MemorySegment seg = segment();
        return array.dtype.getLong(seg, array.elementIndex(index));
    }

    /** The values in C order, as doubles. */
    public double[] toDoubleArray() {
        segment();
        double[] out = new double[Math.toIntExact(array.size())];
        Assign.copy(array, Nd.wrap(out, array.shape));
        return out;
    }

    /** A C-ordered copy with its own (unleased) storage. */
    public NdArray copy() {
        segment();
        NdArray out = NdArray.allocate(array.dtype, array.shape);
        Assign.copy(array, out);
        return out;
    }

    /** The storage's segment, after checking that this lease is still open. */
    MemorySegment segment() {
        if (closed) {
            throw new OwnershipException(getClass().getSimpleName() + " on storage #" + array.storage.ledger.id
                    + " was already closed; take a new lease to use the array");
        }
        return array.storage.segment();
    }

    /** Owner token for nested ops done through this lease (they never conflict with it). */
    Object owner() {
        return this;
    }

    /** Releases the lease. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            leases.close();
        }
    }
}
