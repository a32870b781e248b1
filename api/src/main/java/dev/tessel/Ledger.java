package dev.tessel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ownership ledger of one {@link Storage}: the leases on its byte ranges, shared by every
 * view of that storage.
 *
 * <p>Why no lock: two threads writing disjoint halves of one array would otherwise take turns
 * on one lock word and drag its cache line, and each other's entries, between their cores on
 * every op, which costs more than a small op itself. Instead each lease lives in a
 * {@link LeaseSlot} that a thread tends to reuse (a slot last used by this thread is tried
 * first), and acquiring is a Dekker-style publish-then-check:
 * <ol>
 * <li>claim a free slot with one compare-and-set on its own phase word, straight to
 * {@code PENDING} when the slot already describes this lease, else through {@code CLAIMED},
 * a new extent, then a volatile store of {@code PENDING};
 * <li>read every other slot's extent (volatile reads, all after that store) and, only for
 * extents that conflict with ours, the slot's phase: {@code LIVE} is a conflict, {@code FREE}
 * and {@code CLAIMED} are not;
 * <li>no conflict: store {@code LIVE}. Release is one release store of {@code FREE}.
 * </ol>
 * Of two overlapping acquirers at least one sees the other (each writes its own phase and
 * extent before reading the other's; volatile accesses are sequentially consistent), and
 * skipping a slot whose extent was read as disjoint is safe because a thread that changes its
 * extent re-checks everyone after publishing. Two that see each other {@code PENDING} are
 * ordered by thread id: the lower id waits for the other to finish its check, the higher id
 * steps back, waits for the lower one to finish, and reports it if it went live, else tries
 * again. Waits only ever point at a lower thread id's pending check, so they end. A conflict is
 * therefore only ever reported against a lease that was live.
 *
 * <p>Slots are never removed; the array grows (under {@code synchronized}, rare) by copying,
 * and a reader that read the old array before a new slot appeared is seen by that slot's
 * holder instead (the same argument). Scope close uses the same protocol with a phase of its
 * own: {@code CLOSING}, then wait out pending checks and count live leases, then {@code CLOSED}
 * or back to {@code OPEN}; an acquirer that meets {@code CLOSING} steps back and waits for the
 * outcome. Waiting for a conflicting lease (mode {@code wait}) happens in {@link LeaseAcquirer}.
 */
final class Ledger {
    private static final AtomicLong IDS = new AtomicLong();
    private static final LeaseSlot[] NONE = {};
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    /** Marker result of one pass of {@link #check}: step back and try again. */
    private static final Object AGAIN = new Object();

    /** Storage id, as named in every message about this ledger. */
    final long id = IDS.incrementAndGet();
    private volatile LeaseSlot[] slots = NONE;
    private volatile int state = OPEN;
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
        Throwable site = debug ? new Throwable("lease taken here") : null;
        Thread me = Thread.currentThread();
        for (;;) {
            LeaseSlot mine = claim(kind, lo, hi, period, width, owner, me, op, site);
            Object r = check(mine, op);
            if (r == AGAIN) {
                continue;
            }
            if (r != null) {
                return r;
            }
            mine.goLive();
            if (debug) {
                record(mine, "acquire");
            }
            return mine;
        }
    }

    /** A slot in phase {@code PENDING} holding the requested extent. */
    private LeaseSlot claim(LeaseKind kind, long lo, long hi, long period, long width, Object owner, Thread me, String op,
            Throwable site) {
        LeaseSlot[] all = slots;
        for (LeaseSlot s : all) { // a slot this thread last used for the same lease: one CAS, no new extent
            LeaseSlot.Extent e = s.extent;
            if (e != null && e.thread() == me && e.same(kind, lo, hi, period, width, owner, me, op, site)
                    && s.phase() == LeaseSlot.FREE && s.claim(LeaseSlot.PENDING)) {
                if (s.extent != e) {
                    // Another thread took, changed and freed the slot between our read and our CAS:
                    // put our extent back before checking (anyone who read the stale one before this
                    // store is seen by our check, as in the class comment).
                    s.extent = e;
                }
                return s;
            }
        }
        LeaseSlot s = freeSlot(all, me);
        s.extent = new LeaseSlot.Extent(kind, lo, hi, period, width, owner, me, op, site);
        s.publish(LeaseSlot.PENDING);
        return s;
    }

    /** A slot in phase {@code CLAIMED}: one this thread used last if free, else any free one, else a new one. */
    private LeaseSlot freeSlot(LeaseSlot[] all, Thread me) {
        for (LeaseSlot s : all) {
            LeaseSlot.Extent e = s.extent;
            if (e != null && e.thread() == me && s.phase() == LeaseSlot.FREE && s.claim(LeaseSlot.CLAIMED)) {
                return s;
            }
        }
        for (LeaseSlot s : all) {
            if (s.phase() == LeaseSlot.FREE && s.claim(LeaseSlot.CLAIMED)) {
                return s;
            }
        }
        return grow(all);
    }

    private synchronized LeaseSlot grow(LeaseSlot[] seen) {
        LeaseSlot[] all = slots;
        if (all != seen) { // another thread grew it: its new slots may be free
            for (LeaseSlot s : all) {
                if (s.phase() == LeaseSlot.FREE && s.claim(LeaseSlot.CLAIMED)) {
                    return s;
                }
            }
        }
        LeaseSlot[] bigger = Arrays.copyOf(all, Math.max(1, all.length * 2));
        for (int i = all.length; i < bigger.length; i++) {
            bigger[i] = new LeaseSlot(this);
        }
        LeaseSlot mine = bigger[all.length];
        mine.claim(LeaseSlot.CLAIMED);
        slots = bigger;
        return mine;
    }

    /**
     * The conflict check of a {@code PENDING} slot: null when there is none, the holder of a
     * live conflicting lease, or {@link #AGAIN}; in the last two cases {@code mine} is freed.
     */
    private Object check(LeaseSlot mine, String op) {
        if (state != OPEN) {
            mine.free();
            awaitCloseOutcome(op);
            return AGAIN;
        }
        LeaseSlot.Extent want = mine.extent;
        for (LeaseSlot s : slots) {
            if (s == mine) {
                continue;
            }
            Object r = checkOne(mine, want, s);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private Object checkOne(LeaseSlot mine, LeaseSlot.Extent want, LeaseSlot s) {
        for (;;) {
            LeaseSlot.Extent x = s.extent;
            if (x == null || !want.conflictsWith(x)) {
                return null;
            }
            long phase = s.phase();
            if (phase == LeaseSlot.FREE || phase == LeaseSlot.CLAIMED) {
                return null;
            }
            if (s.extent != x) {
                continue; // reused meanwhile: look at its new extent
            }
            if (phase == LeaseSlot.LIVE) {
                mine.free();
                return x.describe();
            }
            if (x.thread().threadId() < want.thread().threadId()) { // it goes first: step back
                mine.free();
                awaitChecked(s, x);
                return s.phase() == LeaseSlot.LIVE && s.extent == x ? x.describe() : AGAIN;
            }
            awaitChecked(s, x); // it steps back or went live before it saw us; look again
        }
    }

    /** Spins until {@code s} is no longer pending with extent {@code x}: a check of a few slots. */
    private static void awaitChecked(LeaseSlot s, LeaseSlot.Extent x) {
        for (int spins = 0; s.phase() == LeaseSlot.PENDING && s.extent == x; spins++) {
            pause(spins);
        }
    }

    private void awaitCloseOutcome(String op) {
        for (int spins = 0; state == CLOSING; spins++) {
            pause(spins);
        }
        if (state == CLOSED) {
            throw ClosedArrayException.of(id, op);
        }
    }

    private static void pause(int spins) {
        if (spins < 64) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Releases an entry this ledger handed out; the caller guarantees it does so once. */
    void release(LeaseSlot slot) {
        if (history != null) {
            record(slot, "release");
        }
        slot.free();
    }

    /** The live entries at some moment of the call (a snapshot under concurrent acquires and releases). */
    List<LeaseSlot.Holder> snapshot() {
        List<LeaseSlot.Holder> out = new ArrayList<>();
        for (LeaseSlot s : slots) {
            LeaseSlot.Extent x = s.extent;
            if (s.phase() == LeaseSlot.LIVE && x != null && s.extent == x) {
                out.add(x.describe());
            }
        }
        return out;
    }

    /**
     * First step of freeing the storage: new acquirers wait; returns the live entries once every
     * pending check has finished. Follow with {@link #finishClose} (none live) or {@link #reopen}.
     */
    List<LeaseSlot.Holder> beginClose() {
        state = CLOSING;
        for (LeaseSlot s : slots) {
            for (int spins = 0; s.phase() == LeaseSlot.PENDING; spins++) {
                pause(spins);
            }
        }
        return snapshot();
    }

    void finishClose() {
        state = CLOSED;
    }

    void reopen() {
        state = OPEN;
    }

    boolean isClosed() {
        return state == CLOSED;
    }

    void record(LeaseSlot s, String event) {
        record(event + " " + s.kind().label, s.op(), s.lo(), s.hi());
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
