package dev.tessel;

/**
 * The leases one op holds for its duration: reads on its inputs, writes on its outputs.
 * Returned by {@link Ownership#enterOp}; close it (try-with-resources) when the op is done.
 *
 * <p>All entries share one owner, so an op whose output aliases one of its inputs
 * ({@code add(a, b, out=a)}) does not conflict with itself. Entries are taken in operand order;
 * on a conflict every entry already taken is dropped before failing or waiting, so a waiting
 * op never holds anything another op needs.
 */
public final class OpLeases implements AutoCloseable {
    /**
     * The owner of the op this thread is running, if any. An op that runs other ops inside it
     * (a mean calling sum, a copy made because {@code out} overlaps an input) takes their leases
     * as the same owner, so it never conflicts with itself.
     */
    private static final ThreadLocal<OpLeases> CURRENT = new ThreadLocal<>();

    private final Object owner;
    private final OpLeases enclosing;
    private final Ledger[] ledgers;
    private final LeaseSlot[] slots;
    private int count;
    private boolean closed;

    private OpLeases(Object owner, OpLeases enclosing, int capacity) {
        this.enclosing = enclosing;
        this.owner = owner != null ? owner : enclosing != null ? enclosing.owner : this;
        this.ledgers = new Ledger[capacity];
        this.slots = new LeaseSlot[capacity];
    }

    /** Acquires the leases of one op; {@code owner} null makes the op its own owner. */
    static OpLeases enter(String op, NdArray[] reads, NdArray[] writes, Object owner) {
        OpLeases enclosing = CURRENT.get();
        OpLeases l = new OpLeases(owner, owner == null ? enclosing : null, reads.length + writes.length);
        long waitStart = 0;
        for (int attempt = 0;; attempt++) {
            Conflict c = l.tryAll(op, reads, LeaseKind.READ);
            if (c == null) {
                c = l.tryAll(op, writes, LeaseKind.WRITE);
            }
            if (c == null) {
                if (owner == null) {
                    CURRENT.set(l);
                }
                return l;
            }
            l.releaseAll();
            waitStart = LeaseAcquirer.resolve(c, waitStart, attempt);
        }
    }

    private Conflict tryAll(String op, NdArray[] arrays, LeaseKind kind) {
        for (NdArray a : arrays) {
            if (a == null || Footprint.isEmpty(a)) {
                continue;
            }
            Ledger ledger = a.storage.ledger;
            long lo = Footprint.lo(a);
            long hi = Footprint.hi(a);
            Object r = ledger.tryAcquire(kind, lo, hi, owner, op);
            if (!(r instanceof LeaseSlot slot)) {
                ledger.record("conflict " + kind.label, op, lo, hi);
                return new Conflict(ledger.id, op, kind, lo, hi, (LeaseSlot.Holder) r);
            }
            ledgers[count] = ledger;
            slots[count++] = slot;
        }
        return null;
    }

    private void releaseAll() {
        for (int i = count - 1; i >= 0; i--) {
            ledgers[i].release(slots[i]);
            ledgers[i] = null;
            slots[i] = null;
        }
        count = 0;
    }

    /** Releases every lease of the op. Idempotent; call it from the thread that entered. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            releaseAll();
            if (CURRENT.get() == this) {
                CURRENT.set(enclosing);
            }
        }
    }
}
