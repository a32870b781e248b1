package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScopeTest {
    private Ownership.Restore settings = Ownership.override(OwnershipMode.FAIL, Duration.ofSeconds(5), false);

    @AfterEach
    void restore() {
        settings.close();
    }

    @Test
    void closingAScopeFreesItsArrays() {
        MemorySegment a;
        MemorySegment b;
        try (Scope s = Tessel.scope()) {
            NdArray x = Nd.zeros(DType.FLOAT64, 1 << 20);
            NdArray y = x.copy();
            assertEquals(2, s.arrayCount());
            assertEquals(0.0, y.getDouble(5));
            a = x.segment();
            b = y.segment();
            assertTrue(a.scope().isAlive() && b.scope().isAlive());
        }
        assertFalse(a.scope().isAlive() || b.scope().isAlive(), "the scope's arena was closed");
        NdArray outside = Nd.zeros(3);
        assertEquals(0.0, outside.getDouble(0), "allocations after the scope are ordinary");
    }

    @Test
    void aClosedArrayFailsWithAClearErrorNotACrash() {
        NdArray a;
        try (Scope _ = Scope.open()) {
            a = Nd.arange(4, DType.FLOAT32);
        }
        String expect = "storage #" + a.storage().id() + " was freed when its scope closed; op 'getDouble' cannot use it"
                + " (copy arrays you need beyond a scope before it closes)";
        assertEquals(expect, assertThrows(ClosedArrayException.class, () -> a.getDouble(0)).getMessage());
        assertThrows(ClosedArrayException.class, () -> a.fill(1));
        assertThrows(ClosedArrayException.class, () -> a.set(1.0, 0));
        assertThrows(ClosedArrayException.class, a::copy);
        assertThrows(ClosedArrayException.class, a::read);
        assertThrows(ClosedArrayException.class, a::segment);
        assertTrue(a.toString().contains("<unavailable: storage #"), a.toString());
    }

    @Test
    void closingWithLiveLeasesIsRefusedAndNamesThem() {
        Scope s = Scope.open();
        NdArray a = Nd.zeros(DType.INT32, 10);
        WriteLease w = a.write();
        OwnershipException e = assertThrows(OwnershipException.class, s::close);
        assertEquals("scope opened on thread '" + Thread.currentThread().getName() + "' cannot free its 1 arrays: 1 live"
                + " lease(s) or device loan(s): storage #" + a.storage().id() + ": write lease of op 'write()' on thread '"
                + Thread.currentThread().getName() + "', bytes [0, 40) (close them, then close the scope again)", e.getMessage());
        assertFalse(s.isClosed());
        w.set(3L, 2);
        w.close();
        s.close();
        assertTrue(s.isClosed());
        assertThrows(ClosedArrayException.class, () -> a.getLong(2));
    }

    @Test
    void debugModeShowsWhereLiveLeasesWereTaken() {
        try (var _ = Ownership.override(OwnershipMode.FAIL, Duration.ofSeconds(1), true)) {
            Scope s = Scope.open();
            NdArray a = Nd.zeros(DType.INT32, 10);
            try (ReadLease _ = a.read()) {
                OwnershipException e = assertThrows(OwnershipException.class, s::close);
                assertTrue(e.getMessage().contains("dev.tessel.ScopeTest.debugModeShowsWhereLiveLeasesWereTaken(ScopeTest.java:"),
                        e.getMessage());
            }
            s.close();
        }
    }

    @Test
    void scopesNest() {
        NdArray outer;
        NdArray inner;
        try (Scope s1 = Scope.open()) {
            outer = Nd.arange(4, DType.FLOAT64);
            try (Scope s2 = Scope.open()) {
                inner = Nd.zeros(4);
                assertEquals(1, s2.arrayCount());
            }
            assertThrows(ClosedArrayException.class, () -> inner.getDouble(0));
            assertEquals(1.0, outer.getDouble(1));
            NdArray again = Nd.zeros(2);
            assertEquals(2, s1.arrayCount(), "the outer scope is current again");
            assertEquals(0.0, again.getDouble(1));
        }
        assertThrows(ClosedArrayException.class, () -> outer.getDouble(0));
    }
}
