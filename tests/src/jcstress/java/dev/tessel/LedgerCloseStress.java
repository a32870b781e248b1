package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A scope freeing a storage races a writer taking a lease on it: either the lease is taken and
 * the close refused, or the close goes through and the writer is told the array is closed.
 */
@JCStressTest
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the writer holds; the close saw its lease and was refused")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the close went through; the writer got ClosedArrayException")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "storage freed under a live lease")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both refused although nothing else held the storage")
@State
public class LedgerCloseStress {
    private final Ledger ledger = new Ledger();

    @Actor
    public void writer(II_Result r) {
        try {
            r.r1 = ledger.tryAcquire(LeaseKind.WRITE, 0, 16, new Object(), "w") instanceof LeaseSlot ? 1 : 0;
        } catch (ClosedArrayException e) {
            r.r1 = 0;
        }
    }

    @Actor
    public void closer(II_Result r) {
        if (ledger.beginClose().isEmpty()) {
            ledger.finishClose();
            r.r2 = 1;
        } else {
            ledger.reopen();
            r.r2 = 0;
        }
    }
}
