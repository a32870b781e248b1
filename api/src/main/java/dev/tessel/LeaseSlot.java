package dev.tessel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One entry of a {@link Ledger}: a lease, or a free slot waiting for reuse.
 *
 * <p>A slot has two parts on two cache lines (see {@link SlotHead} and the padding classes):
 * what the lease covers, one immutable {@link Extent} that changes only when the slot is
 * reused for something else, and the phase word, which its holder writes on every acquire and
 * release. Other threads read the extent first and look at the phase only when the extents
 * could conflict, so two threads that keep leasing disjoint parts of one storage read each
 * other's extents, which do not change, and never the phase lines they write: no cache line
 * moves between them (see {@link Ledger} for the protocol).
 *
 * <p>Phases: {@link #FREE}; {@link #CLAIMED} (taken by one thread that is writing a new extent,
 * ignored by everyone else); {@link #PENDING} (published, its holder is checking for conflicts);
 * {@link #LIVE}.
 */
final class LeaseSlot extends SlotTail {
    static final long FREE = 0;
    static final long CLAIMED = 1;
    static final long PENDING = 2;
    static final long LIVE = 3;

    private static final VarHandle PHASE;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(SlotPhase.class, "phase", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    LeaseSlot(Ledger ledger) {
        super(ledger);
    }

    long phase() {
        return (long) PHASE.getVolatile(this);
    }

    boolean claim(long to) {
        return PHASE.compareAndSet(this, FREE, to);
    }

    /** A volatile store: the holder's next reads (of other slots) are ordered after it. */
    void publish(long to) {
        PHASE.setVolatile(this, to);
    }

    /** From {@code PENDING} after a clean check: a release store is enough, readers that still see {@code PENDING} wait for it. */
    void goLive() {
        PHASE.setRelease(this, LIVE);
    }

    /** Ends the lease: a release store, so the next holder sees everything this one wrote. */
    void free() {
        PHASE.setRelease(this, FREE);
    }

    LeaseKind kind() {
        return extent.kind();
    }

    long lo() {
        return extent.lo();
    }

    long hi() {
        return extent.hi();
    }

    String op() {
        return extent.op();
    }

    /**
     * What a lease covers and who holds it. Immutable, so a reader that got the reference sees
     * all of it; a slot reused for the same thing keeps its extent object (no store, no barrier).
     */
    record Extent(LeaseKind kind, long lo, long hi, long period, long width, Object owner, Thread thread, String op,
            Throwable site) {
        boolean same(LeaseKind k, long l, long h, long p, long w, Object o, Thread t, String name, Throwable s) {
            return kind == k && lo == l && hi == h && period == p && width == w && owner == o && thread == t && op == name
                    && site == s;
        }

        boolean conflictsWith(Extent other) {
            return other.owner != owner && kind.conflictsWith(other.kind) && lo < other.hi && other.lo < hi
                    && Footprint.mayShare(lo, period, width, other.lo, other.period, other.width);
        }

        Holder describe() {
            return new Holder(thread, op, kind, lo, hi, site, owner);
        }
    }

    /** An immutable description of a lease holder, for error messages and reports. */
    record Holder(Thread thread, String op, LeaseKind kind, long lo, long hi, Throwable site, Object owner) {
        @Override
        public String toString() {
            return kind.label + " lease of op '" + op + "' on thread '" + thread.getName() + "', bytes [" + lo + ", " + hi + ")";
        }
    }
}

/** The read-mostly line of a slot: its ledger and extent. Superclass fields come first in the object. */
abstract class SlotHead {
    final Ledger ledger;
    volatile LeaseSlot.Extent extent;

    SlotHead(Ledger ledger) {
        this.ledger = ledger;
    }
}

/** 64 bytes between the extent and the phase word: longs, which cannot fill a smaller gap above. */
@SuppressWarnings("unused")
abstract class SlotPad extends SlotHead {
    private long p0, p1, p2, p3, p4, p5, p6, p7;

    SlotPad(Ledger ledger) {
        super(ledger);
    }
}

/** The phase word, written by the slot's holder on every acquire and release. */
abstract class SlotPhase extends SlotPad {
    volatile long phase;

    SlotPhase(Ledger ledger) {
        super(ledger);
    }
}

/** 64 bytes after the phase word, so the next object in memory does not share its line. */
@SuppressWarnings("unused")
abstract class SlotTail extends SlotPhase {
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    SlotTail(Ledger ledger) {
        super(ledger);
    }
}
