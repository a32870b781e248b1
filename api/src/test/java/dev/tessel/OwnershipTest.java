package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    private Ownership.Restore settings = Ownership.override(OwnershipMode.FAIL, Duration.ofSeconds(5), false);

    @AfterEach
    void restore() {
        settings.close();
    }

    /** Elements {@code [lo, hi)} of a 1-D array, as a view. */
    static NdArray slice(NdArray a, long lo, long hi) {
        return a.view(new long[] {hi - lo}, new long[] {a.strides[0]}, a.offset + lo * a.strides[0]);
    }

    @Test
    void readersShareARange() throws Exception {
        NdArray a = Nd.arange(10, DType.FLOAT64);
        try (var _ = new LeaseHolderThread("reader-1", a::read); ReadLease r = a.read()) {
            assertEquals(3.0, r.getDouble(3));
            assertEquals(45.0, Arrays.stream(a.toDoubleArray()).sum());
        }
    }

    @Test
    void aWriterExcludesReadersAndNamesBothParties() throws Exception {
        NdArray a = Nd.zeros(DType.FLOAT64, 100);
        try (var _ = new LeaseHolderThread("writer-1", () -> slice(a, 10, 20).write())) {
            OwnershipException e = assertThrows(OwnershipException.class, () -> slice(a, 15, 30).copy());
            assertEquals("ownership conflict on storage #" + a.storage().id() + ": read lease of op 'copy' on thread '"
                    + Thread.currentThread().getName() + "', bytes [120, 240) overlaps the write lease of op 'write()'"
                    + " on thread 'writer-1', bytes [80, 160) (tessel.ownership=fail; set tessel.ownership=wait to wait instead)",
                    e.getMessage());
        }
    }

    @Test
    void writersOnDisjointSlicesProceedTogether() throws Exception {
        NdArray a = Nd.zeros(DType.FLOAT32, 100);
        try (var _ = new LeaseHolderThread("writer-left", () -> slice(a, 0, 50).write())) {
            slice(a, 50, 100).fill(2);
            a.set(7.0, 99);
            assertEquals(7.0, a.getDouble(99));
            assertThrows(OwnershipException.class, () -> a.set(1.0, 49));
        }
        a.set(1.0, 49);
        assertEquals(1.0, a.getDouble(49));
    }

    @Test
    void threadsWriteDifferentColumnsOfOneMatrixAtOnce() throws Exception {
        NdArray m = Nd.zeros(DType.FLOAT64, 4, 6);
        NdArray col0 = m.view(new long[] {4}, new long[] {6}, 0);
        NdArray cols12 = m.view(new long[] {4, 2}, new long[] {6, 1}, 1);
        try (var _ = new LeaseHolderThread("column-0", col0::write)) {
            cols12.fill(2);
            m.view(new long[] {4}, new long[] {6}, 5).fill(5);
            assertThrows(OwnershipException.class, () -> m.view(new long[] {4, 2}, new long[] {6, 1}, 0).fill(1),
                    "a block that includes column 0 conflicts");
            assertThrows(OwnershipException.class, () -> m.set(1.0, 2, 0), "so does one of its elements");
        }
        assertArrayEquals(new double[] {0, 2, 2, 0, 0, 5}, m.view(new long[] {6}, new long[] {1}, 18).toDoubleArray());
    }

    @Test
    void overlappingWritersConflict() throws Exception {
        NdArray a = Nd.zeros(DType.INT32, 64);
        try (var _ = new LeaseHolderThread("writer-1", () -> slice(a, 0, 33).write())) {
            OwnershipException e = assertThrows(OwnershipException.class, () -> slice(a, 32, 64).fill(1));
            assertTrue(e.getMessage().contains("write lease of op 'fill'"), e.getMessage());
            assertTrue(e.getMessage().contains("bytes [128, 256) overlaps the write lease of op 'write()' on thread 'writer-1', bytes [0, 132)"),
                    e.getMessage());
        }
        assertArrayEquals(new int[64], a.toIntArray(), "the failed fill wrote nothing");
    }

    @Test
    void anOpsOwnReadsAndWritesDoNotConflict() {
        NdArray a = Nd.arange(6, DType.FLOAT64);
        NdArray b = Nd.ones(DType.FLOAT64, 6);
        try (OpLeases _ = Ownership.enterOp("add", new NdArray[] {a, b}, new NdArray[] {a})) {
            assertEquals(2, Ownership.liveLeases(a).size(), "a read and a write of one op on a");
            assertEquals(1, Ownership.liveLeases(b).size());
        }
        assertEquals(0, Ownership.liveLeases(a).size());
        NdArray m = Nd.arange(4, DType.FLOAT64).reshape(2, 2);
        m.assign(m.T());
        assertArrayEquals(new double[] {0, 2, 1, 3}, m.toDoubleArray());
    }

    @Test
    void ufuncCallsTakeTheirLeasesThroughExecution() throws Exception {
        NdArray a = Nd.arange(4, DType.FLOAT64);
        NdArray b = Nd.ones(DType.FLOAT64, 4);
        Ufuncs.ADD.call(new Object[] {a, b}, new NdArray[] {a}, null, null, Casting.SAME_KIND);
        assertArrayEquals(new double[] {1, 2, 3, 4}, a.toDoubleArray(), "out aliasing an input is no conflict");
        try (var _ = new LeaseHolderThread("writer-1", b::write)) {
            OwnershipException e = assertThrows(OwnershipException.class, () -> Ufuncs.ADD.call(a, b));
            assertTrue(e.getMessage().contains("read lease of op 'add'"), e.getMessage());
        }
        try (var _ = new LeaseHolderThread("reader-1", a::read)) {
            assertArrayEquals(new double[] {2, 3, 4, 5}, Ufuncs.ADD.call(a, b).toDoubleArray(), "readers share");
            assertThrows(OwnershipException.class,
                    () -> Ufuncs.ADD.call(new Object[] {b, b}, new NdArray[] {a}, null, null, Casting.SAME_KIND));
        }
    }

    @Test
    void releaseFreesTheRange() throws Exception {
        NdArray a = Nd.zeros(DType.FLOAT64, 8);
        try (var _ = new LeaseHolderThread("writer-1", a::write)) {
            assertThrows(OwnershipException.class, a::read);
        }
        try (ReadLease r = a.read()) {
            assertEquals(0.0, r.getDouble(0));
        }
    }

    @Test
    void aThreadThatWouldWaitOnItselfFailsAtOnce() {
        try (var _ = Ownership.override(OwnershipMode.WAIT, Duration.ofSeconds(30), false)) {
            NdArray a = Nd.zeros(DType.FLOAT64, 4);
            try (WriteLease w = a.write()) {
                long t0 = System.nanoTime();
                OwnershipException e = assertThrows(OwnershipException.class, () -> a.getDouble(1));
                assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "failed at once, not after the timeout");
                assertTrue(e.getMessage().contains("thread '" + Thread.currentThread().getName() + "' would wait on itself:"
                        + " read lease of op 'getDouble'"), e.getMessage());
                assertTrue(e.getMessage().contains("overlaps the write lease of op 'write()'"), e.getMessage());
                w.set(5.0, 1);
                assertEquals(5.0, w.getDouble(1));
            }
            assertEquals(5.0, a.getDouble(1));
        }
    }

    @Test
    void waitModeWaitsForTheHolder() throws Exception {
        try (var _ = Ownership.override(OwnershipMode.WAIT, Duration.ofSeconds(10), false)) {
            NdArray a = Nd.zeros(DType.FLOAT64, 4);
            try (var holder = new LeaseHolderThread("writer-1", a::write)) {
                holder.releaseAfter(100);
                long t0 = System.nanoTime();
                a.fill(3);
                assertTrue(System.nanoTime() - t0 >= 50_000_000L, "fill waited for the holder");
            }
            assertArrayEquals(new double[] {3, 3, 3, 3}, a.toDoubleArray());
        }
    }

    @Test
    void waitingOpsHoldNothingSoCrossedOpsNeverDeadlock() throws Exception {
        try (var _ = Ownership.override(OwnershipMode.WAIT, Duration.ofSeconds(20), false)) {
            NdArray a = Nd.zeros(DType.FLOAT64, 64);
            NdArray b = Nd.zeros(DType.FLOAT64, 64);
            Thread t1 = Thread.ofPlatform().name("a-to-b").start(() -> crossedCopies(a, b));
            Thread t2 = Thread.ofPlatform().name("b-to-a").start(() -> crossedCopies(b, a));
            t1.join(30_000);
            t2.join(30_000);
            assertTrue(!t1.isAlive() && !t2.isAlive(), "both threads finished");
            assertEquals(2000.0, a.getDouble(0) + b.getDouble(0), "every increment landed once");
        }
    }

    private static void crossedCopies(NdArray from, NdArray to) {
        for (int i = 0; i < 1000; i++) {
            try (var _ = Ownership.enterOp("add", new NdArray[] {from}, new NdArray[] {to})) {
                to.dtype.setDouble(to.segment(), 0, to.dtype.getDouble(to.segment(), 0) + 1);
            }
        }
    }

    @Test
    void waitModeTimesOutWithTheSameDetail() throws Exception {
        try (var _ = Ownership.override(OwnershipMode.WAIT, Duration.ofMillis(150), false)) {
            NdArray a = Nd.zeros(DType.FLOAT64, 4);
            try (var _ = new LeaseHolderThread("writer-1", a::write)) {
                OwnershipException e = assertThrows(OwnershipException.class, () -> a.fill(1));
                assertTrue(e.getMessage().matches("ownership conflict on storage #\\d+: write lease of op 'fill' on thread '.+',"
                        + " bytes \\[0, 32\\) waited \\d+ ms \\(tessel.ownership.timeout\\) for the write lease of op 'write\\(\\)'"
                        + " on thread 'writer-1', bytes \\[0, 32\\), still held"), e.getMessage());
            }
            assertArrayEquals(new double[4], a.toDoubleArray());
        }
    }

    @Test
    void leasesCarryTheirCapabilitiesInTheirType() {
        assertTrue(Arrays.stream(ReadLease.class.getMethods()).noneMatch(m -> m.getName().equals("set")
                || m.getName().equals("fill") || m.getName().equals("assign")), "a read lease cannot write");
        NdArray a = Nd.arange(4, DType.INT64);
        try (WriteLease w = a.write()) {
            w.set(40L, 0);
            w.assign(Nd.full(DType.INT64, 9, 1));
            assertEquals(9L, w.getLong(3));
        }
        assertThrows(ReadOnlyArrayException.class, () -> a.broadcastTo(2, 4).write());
    }

    @Test
    void aClosedLeaseCannotBeUsed() {
        NdArray a = Nd.zeros(DType.FLOAT64, 4);
        ReadLease r = a.read();
        r.close();
        r.close();
        OwnershipException e = assertThrows(OwnershipException.class, () -> r.getDouble(0));
        assertEquals("ReadLease on storage #" + a.storage().id() + " was already closed; take a new lease to use the array",
                e.getMessage());
    }

    @Test
    void settingsComeFromTheConfiguration() {
        Config c = Config.of(java.util.Map.of("tessel.ownership", "wait", "tessel.ownership.timeout", "250ms",
                "tessel.debug.ownership", "true"), java.util.Map.of());
        assertEquals(new OwnershipSettings(OwnershipMode.WAIT, Duration.ofMillis(250), true), OwnershipSettings.from(c));
        assertEquals(OwnershipMode.FAIL, OwnershipSettings.from(Config.defaults()).mode());
    }

    @Test
    void debugModeKeepsTheLedgerHistory() throws Exception {
        try (var _ = Ownership.override(OwnershipMode.FAIL, Duration.ofSeconds(1), true)) {
            NdArray a = Nd.zeros(DType.FLOAT64, 4);
            a.fill(1);
            try (var _ = new LeaseHolderThread("writer-1", a::write)) {
                assertThrows(OwnershipException.class, () -> a.getDouble(2));
            }
            var h = Ownership.history(a);
            String me = Thread.currentThread().getName();
            assertEquals("#0 acquire write by op 'fill' on thread '" + me + "', bytes [0, 32)", h.get(0));
            assertEquals("#1 release write by op 'fill' on thread '" + me + "', bytes [0, 32)", h.get(1));
            assertEquals("#2 acquire write by op 'write()' on thread 'writer-1', bytes [0, 32)", h.get(2));
            assertEquals("#3 conflict read by op 'getDouble' on thread '" + me + "', bytes [16, 24)", h.get(3));
            assertEquals("#4 release write by op 'write()' on thread 'writer-1', bytes [0, 32)", h.get(4));
            for (int i = 0; i < 100; i++) {
                a.set(i, 0);
            }
            assertEquals(LedgerHistory.CAPACITY, Ownership.history(a).size(), "only the recent history is kept");
        }
        assertEquals(0, Ownership.history(Nd.zeros(3)).size(), "no history without the debug switch");
    }
}
