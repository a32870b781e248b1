package dev.tessel;

import java.util.Arrays;

/**
 * The leases one op holds for its duration: reads on its inputs, writes on its outputs.
 * Returned by {@link Ownership#enterOp}; close it (try-with-resources) when the op is done.
 *
 * <p>All entries share one owner, so an op whose output aliases one of its inputs
 * ({@code add(a, b, out=a)}) does not conflict with itself. Entries are taken in operand order;
 * on a conflict every entry already taken is dropped before failing or waiting, so a waiting
 * op never holds anything another op needs. The first three entries live in fields, so a
 * unary or binary op allocates this one small object and nothing else.
 *
 * <p>The owner of an op is its calling thread. Ops on one thread nest strictly (an op that
 * runs other ops inside it, a mean calling sum, a reduction copying its input, enters them
 * while it is open), and every op open on a thread at once belongs to that thread's one
 * outermost op, so "same thread" is exactly "same op" here: an op never conflicts with itself
 * however it is composed. The thread object needs no thread-local lookup and never changes,
 * so a thread that repeats an op finds its ledger slot already describing the lease and takes
 * it with one compare-and-set (see {@link Ledger}). Explicit leases and
 * device loans pass their own owner and so still conflict with this thread's ops.
 */
public final class OpLeases implements AutoCloseable {
    private final Object owner;
    private LeaseSlot s0;
    private LeaseSlot s1;
    private LeaseSlot s2;
    private LeaseSlot[] more;
    private int count;
    private boolean closed;

    private OpLeases(Object owner) {
        this.owner = owner;
    }

    /** Acquires the leases of one op; {@code owner} null makes the calling thread the owner. */
    static OpLeases enter(String op, NdArray[] reads, NdArray[] writes, Object owner) {
        OpLeases l = new OpLeases(owner != null ? owner : Thread.currentThread());
        Conflict c = l.tryAll(op, reads, LeaseKind.READ);
        if (c == null) {
            c = l.tryAll(op, writes, LeaseKind.WRITE);
        }
        if (c != null) {
            l.retry(op, reads, writes, c);
        }
        return l;
    }

    /** The slow path: resolve the conflict (recall, fail or wait), then try everything again. */
    private void retry(String op, NdArray[] reads, NdArray[] writes, Conflict first) {
        Conflict c = first;
        long waitStart = 0;
        for (int attempt = 0; c != null; attempt++) {
            releaseAll();
            waitStart = LeaseAcquirer.resolve(c, waitStart, attempt);
            c = tryAll(op, reads, LeaseKind.READ);
            if (c == null) {
                c = tryAll(op, writes, LeaseKind.WRITE);
            }
        }
    }

    private Conflict tryAll(String op, NdArray[] arrays, LeaseKind kind) {
        for (NdArray a : arrays) {
            if (a == null) {
                continue;
            }
            Object r = a.shape.length == 1 ? acquireLine(a, kind, op) : acquire(a, kind, op);
            if (r == null) {
                continue; // an empty view: nothing to lease
            }
            if (!(r instanceof LeaseSlot slot)) {
                Ledger ledger = a.storage.ledger;
                long lo = Footprint.lo(a);
                long hi = Footprint.hi(a);
                ledger.record("conflict " + kind.label, op, lo, hi);
                return new Conflict(ledger.id, op, kind, lo, hi, (LeaseSlot.Holder) r);
            }
            add(slot);
        }
        return null;
    }

    /** The footprint of a one-axis view in one pass (what {@link Footprint} computes for it); null when empty. */
    private Object acquireLine(NdArray a, LeaseKind kind, String op) {
        long n = a.shape[0];
        if (n == 0) {
            return null;
        }
        long item = a.dtype.itemSize();
        long stride = a.strides[0];
        long span = (n - 1) * stride;
        long lo = (a.offset + Math.min(span, 0)) * item;
        long hi = (a.offset + Math.max(span, 0) + 1) * item;
        long step = Math.abs(stride);
        boolean periodic = n > 1 && step > 1; // elements with gaps between them: a period of |stride| items
        return a.storage.ledger.tryAcquire(kind, lo, hi, periodic ? step * item : 0, periodic ? item : 0, owner, op);
    }

    private Object acquire(NdArray a, LeaseKind kind, String op) {
        if (Footprint.isEmpty(a)) {
            return null;
        }
        long period = Footprint.period(a);
        return a.storage.ledger.tryAcquire(kind, Footprint.lo(a), Footprint.hi(a), period,
                period == 0 ? 0 : Footprint.width(a), owner, op);
    }

    private void add(LeaseSlot slot) {
        switch (count) {
            case 0 -> s0 = slot;
            case 1 -> s1 = slot;
            case 2 -> s2 = slot;
            default -> {
                int i = count - 3;
                more = more == null ? new LeaseSlot[4] : more.length == i ? Arrays.copyOf(more, i * 2) : more;
                more[i] = slot;
            }
        }
        count++;
    }

    private void releaseAll() {
        for (int i = count - 1; i >= 3; i--) {
            more[i - 3].ledger.release(more[i - 3]);
            more[i - 3] = null;
        }
        if (count > 2) {
            s2.ledger.release(s2);
        }
        if (count > 1) {
            s1.ledger.release(s1);
        }
        if (count > 0) {
            s0.ledger.release(s0);
        }
        s0 = s1 = s2 = null;
        count = 0;
    }

    /** Releases every lease of the op. Idempotent; call it from the thread that entered. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            releaseAll();
        }
    }
}
