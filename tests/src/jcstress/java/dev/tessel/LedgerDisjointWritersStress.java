package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/** Writers on disjoint byte ranges of one storage, and two overlapping readers, all succeed. */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "disjoint writers and shared readers all hold")
@Outcome(expect = FORBIDDEN, desc = "a lease that conflicts with nobody was refused")
@State
public class LedgerDisjointWritersStress {
    private final Ledger ledger = new Ledger();

    @Actor
    public void left(III_Result r) {
        r.r1 = ledger.tryAcquire(LeaseKind.WRITE, 0, 16, new Object(), "left") instanceof LeaseSlot ? 1 : 0;
    }

    @Actor
    public void right(III_Result r) {
        r.r2 = ledger.tryAcquire(LeaseKind.WRITE, 16, 32, new Object(), "right") instanceof LeaseSlot ? 1 : 0;
    }

    @Actor
    public void readers(III_Result r) {
        boolean a = ledger.tryAcquire(LeaseKind.READ, 32, 48, new Object(), "read-a") instanceof LeaseSlot;
        boolean b = ledger.tryAcquire(LeaseKind.READ, 40, 56, new Object(), "read-b") instanceof LeaseSlot;
        r.r3 = a && b ? 1 : 0;
    }
}
