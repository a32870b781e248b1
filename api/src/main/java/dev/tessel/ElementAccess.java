package dev.tessel;

/**
 * Single-element get and set through the ledger: each call takes and drops a lease on the
 * element's bytes (one compare-and-set, a scan of the live leases, one store), which keeps
 * {@code a.set(v, i)} from tearing another thread's op and recalls a lent storage first.
 * That costs tens of nanoseconds per element, many times the access itself; element loops
 * should hold one {@link ReadLease} or {@link WriteLease} instead, whose accessors are plain
 * memory accesses. The owner of these one-element leases is the calling thread, which no
 * other lease uses, so they conflict with the thread's own open leases like any other op.
 */
final class ElementAccess {
    private ElementAccess() {
    }

    static double getDouble(NdArray a, long element) {
        LeaseSlot s = take(a, element, LeaseKind.READ, "getDouble");
        try {
            return a.dtype.getDouble(a.storage.segment(), element);
        } finally {
            a.storage.ledger.release(s);
        }
    }

    static long getLong(NdArray a, long element) {
        LeaseSlot s = take(a, element, LeaseKind.READ, "getLong");
        try {
            return a.dtype.getLong(a.storage.segment(), element);
        } finally {
            a.storage.ledger.release(s);
        }
    }

    static void setDouble(NdArray a, long element, double value) {
        LeaseSlot s = take(a, element, LeaseKind.WRITE, "set");
        try {
            a.dtype.setDouble(a.storage.segment(), element, value);
        } finally {
            a.storage.ledger.release(s);
        }
    }

    static void setLong(NdArray a, long element, long value) {
        LeaseSlot s = take(a, element, LeaseKind.WRITE, "set");
        try {
            a.dtype.setLong(a.storage.segment(), element, value);
        } finally {
            a.storage.ledger.release(s);
        }
    }

    private static LeaseSlot take(NdArray a, long element, LeaseKind kind, String op) {
        long item = a.dtype.itemSize();
        return LeaseAcquirer.acquireOne(a.storage, kind, element * item, (element + 1) * item, Thread.currentThread(), op);
    }
}
