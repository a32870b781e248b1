package dev.tessel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import dev.tessel.ThreadLimit;
import dev.tessel.Ufuncs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where ufunc calls ran, read back through {@link Tessel#lastPlacements()}. */
class OpPlacementTest {
    private static final int BUDGET = Tessel.threads();

    @AfterEach
    void restoreBudget() {
        Tessel.setThreads(BUDGET);
    }

    private static Placement exp(long n) {
        NdArray x = Nd.linspace(0, 1, n, true, DType.FLOAT32);
        NdArray y = Ufuncs.EXP.call(x);
        assertEquals((float) Math.exp(1.0), y.getDouble(n - 1), 1e-6);
        return Tessel.lastPlacements().getLast();
    }

    @Test
    void aSmallOpStaysOnTheCallingThread() {
        Tessel.setThreads(2);
        Placement p = exp(1000);
        assertEquals("exp", p.op());
        assertEquals(DType.FLOAT32, p.dtype());
        assertEquals(1000, p.elements());
        assertEquals(1, p.threads());
        assertEquals("calling thread: one tile", p.threadReason());
        assertEquals("cpu", p.device());
        assertEquals(Thread.currentThread().getName(), p.thread());
    }

    @Test
    void aLargeOpIsTiledOverTheBudget() {
        Tessel.setThreads(2);
        Placement p = exp(1_000_000);
        // This module puts cpu-simd on the path with the Vector API enabled.
        assertEquals("simd", p.backend(), p::toString);
        assertEquals("tessel.backend=auto: best CPU backend", p.backendReason());
        assertEquals(2, p.threads(), p::toString);
        assertTrue(p.tiles() >= 100, p::toString);
        assertEquals("tiles over the caller and workers", p.threadReason());
    }

    @Test
    void aNarrowedBlockRunsLargeOpsOnTheCallingThread() {
        Tessel.setThreads(2);
        try (ThreadLimit t = Tessel.threads(1)) {
            Placement p = exp(1_000_000);
            assertEquals(1, p.threads(), p::toString);
            assertEquals("calling thread: thread budget 1", p.threadReason());
        }
        assertEquals(2, exp(1_000_000).threads());
    }
}
