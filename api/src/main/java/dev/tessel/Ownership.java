package dev.tessel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tessel's ownership rules, read-shared and write-owned, and the entry point every op goes
 * through.
 *
 * <p>Every storage has one ledger shared by all its views. Any number of readers, or one
 * writer, may hold a byte range; leases conflict only when their ranges (a view's extent)
 * overlap, so threads can write disjoint slices of one array at once. A conflict never
 * corrupts and never crashes: with {@code tessel.ownership=fail} (the default) it throws
 * {@link OwnershipException} naming both parties; with {@code wait} it waits up to
 * {@code tessel.ownership.timeout}, then throws the same. A thread that would wait on itself
 * fails at once. Host access to a storage lent to a device recalls it first.
 */
public final class Ownership {
    private static final NdArray[] NONE = {};

    private Ownership() {
    }

    /**
     * Takes read leases on {@code reads} and write leases on {@code writes} for one op; close
     * the result when the op is done. Null entries and empty arrays are skipped. An op's own
     * reads and writes never conflict with each other (an {@code out} may alias an input).
     */
    public static OpLeases enterOp(String op, NdArray[] reads, NdArray[] writes) {
        return OpLeases.enter(op, reads == null ? NONE : reads, writes == null ? NONE : writes, null);
    }

    /** The current conflict mode. */
    public static OwnershipMode mode() {
        return OwnershipSettings.current().mode();
    }

    public static Duration timeout() {
        return OwnershipSettings.current().timeout();
    }

    public static boolean debug() {
        return OwnershipSettings.current().debug();
    }

    /**
     * Replaces the configured mode, timeout and debug switch until the result is closed (for
     * tests and for programs that configure themselves). Process-wide, not per thread.
     */
    public static Restore override(OwnershipMode mode, Duration timeout, boolean debug) {
        OwnershipSettings before = OwnershipSettings.current();
        OwnershipSettings.set(new OwnershipSettings(mode, timeout, debug));
        return new Restore(before);
    }

    /** The debug history of {@code a}'s storage, oldest first (empty unless {@code tessel.debug.ownership}). */
    public static List<String> history(NdArray a) {
        return a.storage.ledger.history();
    }

    /** The live leases and loans on {@code a}'s storage, one description each. */
    public static List<String> liveLeases(NdArray a) {
        List<String> out = new ArrayList<>();
        for (LeaseSlot.Holder h : a.storage.ledger.snapshot()) {
            out.add(h.toString());
        }
        return out;
    }

    /** Puts the previous settings back. */
    public static final class Restore implements AutoCloseable {
        private final OwnershipSettings before;

        private Restore(OwnershipSettings before) {
            this.before = before;
        }

        @Override
        public void close() {
            OwnershipSettings.set(before);
        }
    }
}
