package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Release makes the range free: a write lease taken before the race is released by one actor
 * while another tries to take the range; once everyone is done (and the second actor has
 * released whatever it got) the range must be free again, whatever the interleaving.
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the second writer came after the release")
@Outcome(id = "0, 1", expect = ACCEPTABLE_INTERESTING, desc = "the second writer came before the release and was refused")
@Outcome(id = {"0, 0", "1, 0"}, expect = FORBIDDEN, desc = "the range stayed taken after every lease was released")
@State
public class LedgerReleaseStress {
    private final Ledger ledger = new Ledger();
    private final LeaseSlot first = (LeaseSlot) ledger.tryAcquire(LeaseKind.WRITE, 0, 16, new Object(), "first");
    private Object second;

    @Actor
    public void releaser() {
        ledger.release(first);
    }

    @Actor
    public void writer(II_Result r) {
        second = ledger.tryAcquire(LeaseKind.WRITE, 4, 12, new Object(), "second");
        r.r1 = second instanceof LeaseSlot ? 1 : 0;
    }

    @Arbiter
    public void check(II_Result r) {
        if (second instanceof LeaseSlot s) {
            ledger.release(s);
        }
        r.r2 = ledger.tryAcquire(LeaseKind.WRITE, 0, 16, new Object(), "after") instanceof LeaseSlot ? 1 : 0;
    }
}
