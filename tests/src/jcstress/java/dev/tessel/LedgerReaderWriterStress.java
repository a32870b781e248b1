package dev.tessel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** A reader and a writer on overlapping byte ranges never both hold their leases. */
@JCStressTest
@Outcome(id = {"1, 0", "0, 1"}, expect = ACCEPTABLE, desc = "one side holds, the other is refused")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "a reader and an overlapping writer both hold")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both refused although neither held the range")
@State
public class LedgerReaderWriterStress {
    private final Ledger ledger = new Ledger();

    @Actor
    public void reader(II_Result r) {
        r.r1 = ledger.tryAcquire(LeaseKind.READ, 0, 16, new Object(), "r") instanceof LeaseSlot ? 1 : 0;
    }

    @Actor
    public void writer(II_Result r) {
        r.r2 = ledger.tryAcquire(LeaseKind.WRITE, 15, 24, new Object(), "w") instanceof LeaseSlot ? 1 : 0;
    }
}
