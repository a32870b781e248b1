package dev.tessel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * A region of deterministic memory: arrays allocated on this thread while the scope is open
 * live in its arena and are freed together when it closes.
 *
 * <pre>{@code
 * try (Scope s = Scope.open()) {
 *     NdArray tmp = Nd.zeros(1_000_000);
 *     ...
 * } // tmp's memory is freed here; any later use throws ClosedArrayException
 * }</pre>
 *
 * <p>The arena is shared, so other threads may use the arrays while the scope is open.
 * Closing is refused with {@link OwnershipException}, naming every live lease and device loan,
 * while any of its arrays is leased or lent: freeing memory someone is reading would crash.
 * A refused scope stays open; close it again once the leases are released. With
 * {@code tessel.debug.ownership=true} the refusal also shows where each live lease was taken.
 * Scopes nest; closing one makes its parent current again.
 */
public final class Scope implements AutoCloseable {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private final Arena arena = Arena.ofShared();
    private final Scope parent;
    private final String openedBy = Thread.currentThread().getName();
    private final List<Storage> storages = new ArrayList<>();
    private boolean closed;

    private Scope(Scope parent) {
        this.parent = parent;
    }

    /** Opens a scope that becomes current on this thread until it closes. */
    public static Scope open() {
        Scope s = new Scope(current());
        CURRENT.set(s);
        return s;
    }

    /** The innermost open scope of this thread, or null. */
    static Scope current() {
        Scope s = CURRENT.get();
        while (s != null && s.isClosed()) {
            s = s.parent;
        }
        return s;
    }

    /** Allocates storage in this scope's arena. */
    synchronized Storage allocate(long bytes) {
        if (closed) {
            throw new ClosedArrayException("scope opened on thread '" + openedBy + "' is closed; cannot allocate in it");
        }
        Storage s = Storage.of(arena.allocate(Math.max(bytes, 1), Storage.ALIGNMENT), false);
        storages.add(s);
        return s;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** How many storages this scope has allocated. */
    public synchronized int arrayCount() {
        return storages.size();
    }

    /** Frees every array of the scope, unless some are leased or lent (then throws and stays open). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        List<String> live = new ArrayList<>();
        for (Storage s : storages) { // every ledger refuses new leases until the outcome is known
            for (LeaseSlot.Holder h : s.ledger.beginClose()) {
                live.add("storage #" + s.ledger.id + ": " + h + siteOf(h));
            }
        }
        if (!live.isEmpty()) {
            for (Storage s : storages) {
                s.ledger.reopen();
            }
            throw new OwnershipException("scope opened on thread '" + openedBy + "' cannot free its " + storages.size()
                    + " arrays: " + live.size() + " live lease(s) or device loan(s): " + String.join("; ", live)
                    + " (close them, then close the scope again)");
        }
        for (Storage s : storages) {
            s.ledger.finishClose();
        }
        closed = true;
        if (CURRENT.get() == this) {
            CURRENT.set(parent);
        }
        arena.close();
    }

    private static String siteOf(LeaseSlot.Holder h) {
        if (h.site() == null) {
            return "";
        }
        for (StackTraceElement e : h.site().getStackTrace()) {
            String c = e.getClassName();
            if (!c.startsWith("dev.tessel.") || c.endsWith("Test")) {
                return ", taken at " + e;
            }
        }
        return "";
    }
}
