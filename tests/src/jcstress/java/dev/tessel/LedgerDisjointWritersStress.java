package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** Writers on disjoint byte ranges of one storage (adjacent, so a sloppy bound would show) both succeed. */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both disjoint writers hold")
@Outcome(expect = FORBIDDEN, desc = "a writer that conflicts with nobody was refused")
@State
public class LedgerDisjointWritersStress {
    private final Ledger ledger = new Ledger();

    @Actor
    public void left(II_Result r) {
        r.r1 = ledger.tryAcquire(LeaseKind.WRITE, 0, 16, new Object(), "left") instanceof LeaseSlot ? 1 : 0;
    }

    @Actor
    public void right(II_Result r) {
        r.r2 = ledger.tryAcquire(LeaseKind.WRITE, 16, 32, new Object(), "right") instanceof LeaseSlot ? 1 : 0;
    }
}
