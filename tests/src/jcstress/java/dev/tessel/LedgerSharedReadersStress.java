package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** Readers of overlapping byte ranges share them. */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both readers hold")
@Outcome(expect = FORBIDDEN, desc = "a reader was refused although only readers held the range")
@State
public class LedgerSharedReadersStress {
    private final Ledger ledger = new Ledger();

    @Actor
    public void reader1(II_Result r) {
        r.r1 = ledger.tryAcquire(LeaseKind.READ, 0, 16, new Object(), "r1") instanceof LeaseSlot ? 1 : 0;
    }

    @Actor
    public void reader2(II_Result r) {
        r.r2 = ledger.tryAcquire(LeaseKind.READ, 8, 24, new Object(), "r2") instanceof LeaseSlot ? 1 : 0;
    }
}
