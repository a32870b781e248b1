package dev.tessel;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What to do about a {@link Conflict}: recall a device loan, fail, or wait and retry.
 *
 * <p>Waiting polls with a growing pause (10 µs doubling to 1 ms) rather than parking on a
 * condition: a condition would need every release to check for waiters behind a full fence,
 * and release is on every op's fast path while waiting is the rare case. Callers drop all
 * the leases they hold before waiting, so two ops never wait on each other in a cycle.
 */
final class LeaseAcquirer {
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private LeaseAcquirer() {
    }

    /**
     * Decides on a conflict after the caller released everything it had taken.
     *
     * @param waitStart {@code System.nanoTime()} of the first conflict of this call, or 0
     * @return the wait start to pass on the next conflict
     */
    static long resolve(Conflict c, long waitStart, int attempt) {
        LeaseSlot.Holder h = c.holder();
        if (h.kind() == LeaseKind.LOAN && h.owner() instanceof DeviceLoan loan && c.kind() != LeaseKind.LOAN) {
            loan.recall(c.op());
            return waitStart;
        }
        if (h.thread() == Thread.currentThread()) {
            throw c.selfWait();
        }
        OwnershipSettings s = OwnershipSettings.current();
        if (s.mode() == OwnershipMode.FAIL) {
            throw c.failFast();
        }
        long now = System.nanoTime();
        long start = waitStart == 0 ? now : waitStart;
        if (now - start >= s.timeout().toNanos()) {
            throw c.timedOut(TimeUnit.NANOSECONDS.toMillis(now - start));
        }
        long pause = Math.min(MAX_PAUSE_NANOS, 10_000L << Math.min(attempt, 10));
        LockSupport.parkNanos(pause / 2 + ThreadLocalRandom.current().nextLong(pause)); // jitter: no lockstep retries
        return start == 0 ? 1 : start;
    }

    /** Takes one lease on {@code [lo, hi)} of {@code storage}, resolving conflicts. */
    static LeaseSlot acquireOne(Storage storage, LeaseKind kind, long lo, long hi, Object owner, String op) {
        long waitStart = 0;
        for (int attempt = 0;; attempt++) {
            Object r = storage.ledger.tryAcquire(kind, lo, hi, owner, op);
            if (r instanceof LeaseSlot slot) {
                return slot;
            }
            Conflict c = new Conflict(storage.ledger.id, op, kind, lo, hi, (LeaseSlot.Holder) r);
            storage.ledger.record("conflict " + kind.label, op, lo, hi);
            waitStart = resolve(c, waitStart, attempt);
        }
    }
}
