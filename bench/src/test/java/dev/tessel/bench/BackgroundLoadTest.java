package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackgroundLoadTest {
    @Test
    void busyTicksAddUserNiceSystemIrqSoftirqAndStealButNotIdleOrIowait() {
        String stat = "cpu  3455905 116732 328874 1408942 2374 5 1366 1309 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n";
        assertEquals(3455905L + 116732 + 328874 + 5 + 1366 + 1309, BackgroundLoad.busyTicks(stat));
    }

    @Test
    void ownTicksAreFields14To17EvenWhenTheCommandHoldsSpacesAndParentheses() {
        String self = "30421 (java (x) y) S 30419 30419 6100 0 -1 4194304 128 0 0 0 700 80 9 1 20 0 1 0 2669492";
        assertEquals(700 + 80 + 9 + 1, BackgroundLoad.ownTicks(self));
    }

    @Test
    void aFileWithoutTheCpuLineIsRefusedWithItsFirstLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackgroundLoad.busyTicks("intr 5\n"));
        assertEquals("/proc/stat does not start with the cpu line: intr 5", e.getMessage());
    }

    @Test
    void describesCpuSecondsAndTheShareOfOneCore() {
        assertEquals("other work on this machine (processes, hypervisor steal) took 45.00 CPU-seconds during the run's 90 s"
                + " (50% of one core on average): multi-thread figures are only as good as the cores it left free",
                BackgroundLoad.describe(4500, 90.0));
    }
}
