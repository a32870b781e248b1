package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** Two writers on overlapping byte ranges: exactly one gets its lease. */
@JCStressTest
@Outcome(id = {"1, 0", "0, 1"}, expect = ACCEPTABLE, desc = "one writer wins, the other is refused")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "both writers hold overlapping ranges")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both refused although neither held the range")
@State
public class LedgerOverlappingWritersStress {
    private final Ledger ledger = new Ledger();

    @Actor
    public void writer1(II_Result r) {
        r.r1 = ledger.tryAcquire(LeaseKind.WRITE, 0, 16, new Object(), "w1") instanceof LeaseSlot ? 1 : 0;
    }

    @Actor
    public void writer2(II_Result r) {
        r.r2 = ledger.tryAcquire(LeaseKind.WRITE, 8, 24, new Object(), "w2") instanceof LeaseSlot ? 1 : 0;
    }
}
