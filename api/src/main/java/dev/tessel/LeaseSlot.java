package dev.tessel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One entry of a {@link Ledger}: a live lease, or a free slot waiting for reuse.
 *
 * <p>Every field but {@code live} is written only while the ledger's lock is held. Releasing
 * a lease is a single release-store of {@code live = false}, without the lock: that keeps the
 * release side of an op to a plain store on x86 and ARM. A scanner that still sees
 * {@code live} set reports a conflict with a lease that was indeed held a moment ago, which
 * is a legal linearization; one that sees it cleared also sees everything the holder wrote.
 */
final class LeaseSlot {
    private static final VarHandle LIVE;

    static {
        try {
            LIVE = MethodHandles.lookup().findVarHandle(LeaseSlot.class, "live", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through LIVE
    private boolean live;
    /** The ledger this slot belongs to, so a holder needs nothing else to release it. */
    final Ledger ledger;
    LeaseKind kind;
    long lo;
    long hi;
    /** See {@link Footprint#period}; 0 when only the range counts. */
    long period;
    long width;
    /** Entries with the same owner (one op, one lease, one loan) never conflict with each other. */
    Object owner;
    Thread thread;
    String op;
    /** Where the lease was taken; recorded only with {@code tessel.debug.ownership=true}. */
    Throwable site;

    LeaseSlot(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Describes a new lease; the caller holds the ledger's lock. Reference fields are written
     * only when they change: a slot lives long (old generation) and under G1 every store of a
     * reference into it from another region runs the post-write barrier's StoreLoad fence, so
     * the steady state of a thread reusing its slot for the same op (same kind, owner, thread,
     * op name) costs plain long stores instead of four or five fences.
     */
    void fill(LeaseKind kind, long lo, long hi, long period, long width, Object owner, String op, Throwable site) {
        Thread t = Thread.currentThread();
        if (this.kind != kind) {
            this.kind = kind;
        }
        this.lo = lo;
        this.hi = hi;
        this.period = period;
        this.width = width;
        if (this.owner != owner) {
            this.owner = owner;
        }
        if (this.thread != t) {
            this.thread = t;
        }
        if (this.op != op) {
            this.op = op;
        }
        if (this.site != site) {
            this.site = site;
        }
    }

    boolean isLive() {
        return (boolean) LIVE.getAcquire(this);
    }

    void publish() {
        LIVE.setRelease(this, true);
    }

    void free() {
        LIVE.setRelease(this, false);
    }

    boolean overlaps(long otherLo, long otherHi, long otherPeriod, long otherWidth) {
        return lo < otherHi && otherLo < hi && Footprint.mayShare(lo, period, width, otherLo, otherPeriod, otherWidth);
    }

    /** A snapshot of this entry for messages, taken while it is known to be live. */
    Holder describe() {
        return new Holder(thread, op, kind, lo, hi, site, owner);
    }

    /** An immutable description of a lease holder, for error messages and reports. */
    record Holder(Thread thread, String op, LeaseKind kind, long lo, long hi, Throwable site, Object owner) {
        @Override
        public String toString() {
            return kind.label + " lease of op '" + op + "' on thread '" + thread.getName() + "', bytes [" + lo + ", " + hi + ")";
        }
    }
}
