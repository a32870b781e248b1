package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.reference.SimulatedDevice;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads run random ops on a few shared arrays: shared reads, writes to each
 * thread's own stripe, writes to random (often conflicting) ranges, long leases held across
 * yields, single-element writes and device loans. Every op that got its leases takes a ticket
 * while holding them; since overlapping holders exclude each other in time, replaying the
 * successful ops in ticket order on plain Java arrays must give every value each read saw
 * and the final contents. Every failure must be an {@link OwnershipException}, and closing
 * the scope at the end must free everything (no lease or device allocation left behind).
 *
 * <p>Runs for {@code tessel.stress.seconds} seconds (default 6, half in mode {@code fail},
 * half in {@code wait}); pass e.g. {@code -Dtessel.stress.seconds=600} for a long run.
 */
class OwnershipStressTest {
    static final int THREADS = 16;
    static final int ARRAYS = 3;
    static final int LENGTH = 16 * THREADS;

    final AtomicLong tickets = new AtomicLong();
    final Queue<StressOp.Done> done = new ConcurrentLinkedQueue<>();
    final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicLong conflicts = new AtomicLong();

    @Test
    void randomOpsMatchASequentialReplayOfTheOnesThatSucceeded() throws Exception {
        long seconds = Long.getLong("tessel.stress.seconds", 6);
        double[][] model = new double[ARRAYS][LENGTH];
        List<MemorySegment> segments = new ArrayList<>();
        try (SimulatedDevice device = new SimulatedDevice()) {
            Scope scope = Scope.open();
            NdArray[] arrays = new NdArray[ARRAYS];
            for (int k = 0; k < ARRAYS; k++) {
                arrays[k] = Nd.zeros(DType.FLOAT64, LENGTH);
                segments.add(arrays[k].segment());
            }
            StressOp.Context ctx = new StressOp.Context(arrays, device, tickets, done);
            runPhase(ctx, OwnershipMode.FAIL, seconds * 500);
            runPhase(ctx, OwnershipMode.WAIT, seconds * 500);
            for (NdArray a : arrays) {
                a.toHost();
            }
            assertTrue(unexpected.isEmpty(), () -> "failures other than OwnershipException: " + unexpected);
            replayAndCompare(arrays, model);
            System.out.printf("ownership stress: %d ops succeeded, %d refused with OwnershipException, %d device tasks%n",
                    done.size(), conflicts.get(), device.tasksRun());
            scope.close();
            assertEquals(0, device.liveAllocations(), "every device allocation was freed");
        }
        for (MemorySegment s : segments) {
            assertFalse(s.scope().isAlive(), "the scope freed every array");
        }
    }

    private void runPhase(StressOp.Context ctx, OwnershipMode mode, long millis) throws InterruptedException {
        long conflictsBefore = conflicts.get();
        int doneBefore = done.size();
        try (var _ = Ownership.override(mode, Duration.ofMillis(20), false)) {
            long deadline = System.nanoTime() + millis * 1_000_000;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                threads.add(Thread.ofPlatform().name("stress-" + mode + "-" + t).start(() -> work(ctx, id, deadline)));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        assertTrue(conflicts.get() > conflictsBefore, "conflicting writes were refused in mode " + mode);
        assertTrue(done.size() > doneBefore + 100, "ops succeeded in mode " + mode);
    }

    private void work(StressOp.Context ctx, int id, long deadline) {
        SplittableRandom rnd = new SplittableRandom(1234 + id);
        while (System.nanoTime() < deadline) {
            StressOp op = StressOp.random(rnd, id, ARRAYS, LENGTH);
            try {
                op.run(ctx);
            } catch (OwnershipException e) {
                conflicts.incrementAndGet();
            } catch (Throwable e) {
                unexpected.add(e);
            }
        }
    }

    private void replayAndCompare(NdArray[] arrays, double[][] model) {
        List<StressOp.Done> order = new ArrayList<>(done);
        order.sort(Comparator.comparingLong(StressOp.Done::ticket));
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, order.get(i).ticket(), "tickets are dense: ops that lost their leases took none");
        }
        int reads = 0;
        for (StressOp.Done d : order) {
            double[] expected = d.op().replay(model);
            if (expected != null) {
                reads++;
                assertArrayEquals(expected, d.observed(), () -> "read #" + d.ticket() + " " + d.op());
            }
        }
        assertTrue(reads > 0);
        for (int k = 0; k < ARRAYS; k++) {
            assertArrayEquals(model[k], arrays[k].toDoubleArray(), "final contents of array " + k);
        }
    }
}
