package dev.tessel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ownership ledger of one {@link Storage}: the live leases on its byte ranges, shared by
 * every view of that storage.
 *
 * <p>Why a small array behind a spin lock: an op holds a handful of leases for microseconds,
 * so the table is tiny and the lock is held for a scan of a few entries. Acquiring is one
 * compare-and-set plus that scan; releasing is a single release-store on the entry (see
 * {@link LeaseSlot}), so an uncontended binary op (two reads, one write) pays three CAS in
 * total. There is no global lock: ops on different storages never touch the same memory.
 * A slot keeps its reference fields from one lease to the next and {@link LeaseSlot#fill}
 * writes only those that change (see there why).
 * Waiting (mode {@code wait}) happens outside the lock, in {@link LeaseAcquirer}.
 */
final class Ledger {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(Ledger.class, "lock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Storage id, as named in every message about this ledger. */
    final long id = IDS.incrementAndGet();
    @SuppressWarnings("unused") // accessed through LOCK
    private volatile int lock;
    private LeaseSlot[] slots = new LeaseSlot[4];
    /** Slots {@code [0, used)} may be live; slots beyond are free. */
    private int used;
    private volatile boolean closed;
    private volatile LedgerHistory history;

    /**
     * Adds an entry unless it conflicts with a live entry of another owner.
     *
     * @return the new live {@link LeaseSlot}, or the {@link LeaseSlot.Holder} it conflicts with
     * @throws ClosedArrayException when the storage was freed by its scope
     */
    Object tryAcquire(LeaseKind kind, long lo, long hi, Object owner, String op) {
        return tryAcquire(kind, lo, hi, 0, 0, owner, op);
    }

    /** As {@link #tryAcquire(LeaseKind, long, long, Object, String)}, for a periodic footprint (see {@link Footprint}). */
    Object tryAcquire(LeaseKind kind, long lo, long hi, long period, long width, Object owner, String op) {
        boolean debug = OwnershipSettings.current().debug();
        lock();
        LeaseSlot free = null;
        try {
            if (closed) {
                throw ClosedArrayException.of(id, op);
            }
            trimFreeTail();
            for (int i = 0; i < used; i++) {
                LeaseSlot s = slots[i];
                if (!s.isLive()) {
                    free = free == null ? s : free;
                } else if (s.owner != owner && kind.conflictsWith(s.kind) && s.overlaps(lo, hi, period, width)) {
                    return s.describe();
                }
            }
            if (free == null) {
                free = appendSlot();
            }
            free.fill(kind, lo, hi, period, width, owner, op, debug ? new Throwable("lease taken here") : null);
            free.publish();
        } finally {
            unlock();
        }
        if (debug) {
            record(free, "acquire");
        }
        return free;
    }

    /** Releases an entry this ledger handed out; the caller guarantees it does so once. */
    void release(LeaseSlot slot) {
        if (history != null) {
            record(slot, "release");
        }
        slot.free();
    }

    private void trimFreeTail() {
        int u = used;
        while (u > 0 && !slots[u - 1].isLive()) {
            u--;
        }
        if (u != used) {
            used = u; // written only when it changes: the line is shared with every thread that scans
        }
    }

    private LeaseSlot appendSlot() {
        if (used == slots.length) {
            slots = Arrays.copyOf(slots, used * 2);
        }
        LeaseSlot s = slots[used];
        if (s == null) {
            s = new LeaseSlot(this);
            slots[used] = s;
        }
        used++;
        return s;
    }

    void lock() {
        if (!LOCK.weakCompareAndSetAcquire(this, 0, 1)) {
            lockContended();
        }
    }

    /**
     * Waits on a plain read of the lock word and tries the compare-and-set only when it reads
     * free (test-and-test-and-set): spinning on the CAS itself would take the word's cache line
     * away from the holder on every try, which also holds {@code slots} and {@code used}, and
     * turn a short critical section into a long one under contention.
     */
    private void lockContended() {
        int spins = 0;
        do {
            if (++spins < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        } while ((int) LOCK.getOpaque(this) != 0 || !LOCK.weakCompareAndSetAcquire(this, 0, 1));
    }

    void unlock() {
        LOCK.setRelease(this, 0);
    }

    /** The live entries; call with the lock held or accept a snapshot that may be stale. */
    List<LeaseSlot.Holder> liveHolders() {
        List<LeaseSlot.Holder> out = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            LeaseSlot s = slots[i];
            if (s.isLive()) {
                out.add(s.describe());
            }
        }
        return out;
    }

    /** A consistent list of live entries. */
    List<LeaseSlot.Holder> snapshot() {
        lock();
        try {
            return liveHolders();
        } finally {
            unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks the storage freed; the caller holds the lock and has checked that nothing is live. */
    void markClosed() {
        closed = true;
    }

    void record(LeaseSlot s, String event) {
        record(event + " " + s.kind.label, s.op, s.lo, s.hi);
    }

    /** Appends to the debug history when {@code tessel.debug.ownership} is on; no-op otherwise. */
    void record(String event, String op, long lo, long hi) {
        if (!OwnershipSettings.current().debug()) {
            return;
        }
        LedgerHistory h = history;
        if (h == null) {
            synchronized (this) {
                h = history;
                if (h == null) {
                    h = new LedgerHistory();
                    history = h;
                }
            }
        }
        h.add(Thread.currentThread().getName(), event, op, lo, hi);
    }

    List<String> history() {
        LedgerHistory h = history;
        return h == null ? List.of() : h.events();
    }
}
