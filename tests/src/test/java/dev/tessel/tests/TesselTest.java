package dev.tessel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.Config;
import dev.tessel.DType;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import dev.tessel.ThreadLimit;
import dev.tessel.spi.Engine;
import dev.tessel.spi.Engines;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The facade over the engine that ServiceLoader finds on the class path: the scheduler. */
class TesselTest {
    private static final int N = 1 << 20;

    private static Placement bigOp(String name) {
        Engine engine = Engines.current();
        OpRequest req = new OpRequest(name, OpKind.ELEMENTWISE, DType.FLOAT32, N, 12L * N);
        engine.forEachRange(req, engine.place(req), N, 1, (s, e) -> { });
        return Tessel.lastPlacements().getLast();
    }

    @Test
    void theSchedulerIsTheEngine() {
        assertEquals("dev.tessel.scheduler.Scheduler", Engines.current().getClass().getName());
    }

    @Test
    void infoListsTheEngineBackendsAndEveryEffectiveValueWithItsSource() {
        String info = Tessel.info();
        assertTrue(info.contains("  java: " + System.getProperty("java.version")), info);
        assertTrue(info.contains("engine: dev.tessel.scheduler.Scheduler\n"), info);
        assertTrue(info.contains("  scalar (priority 0, cpu): scalar\n"), info);
        for (Config.Value<?> v : Config.current().values()) {
            assertTrue(info.contains("\n  " + v + "\n"), v::toString);
        }
    }

    @Test
    void threadsNarrowsTheCurrentThreadsBlock() {
        int before = Tessel.threads();
        try (ThreadLimit t = Tessel.threads(1)) {
            assertEquals(1, Tessel.threads());
            Placement p = bigOp("narrowed");
            assertEquals(1, p.threads(), p::toString);
            assertEquals("calling thread: thread budget 1", p.threadReason());
        }
        assertEquals(before, Tessel.threads());
    }

    @Test
    void setThreadsChangesTheBudgetForEveryThread() throws Exception {
        int before = Tessel.threads();
        try {
            Tessel.setThreads(3);
            int[] seen = new int[1];
            Thread other = new Thread(() -> seen[0] = Tessel.threads());
            other.start();
            other.join();
            assertEquals(3, seen[0]);
            assertEquals(3, bigOp("three").threads());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tessel.setThreads(0));
            assertEquals("thread budget must be 1 to 1024, got 0", e.getMessage());
        } finally {
            Tessel.setThreads(before);
        }
    }

    @Test
    void listenersAndTheLastPlacementsSeeEachOp() {
        List<Placement> seen = new ArrayList<>();
        Consumer<Placement> listener = seen::add;
        Tessel.addPlacementListener(listener);
        try {
            Placement p = bigOp("watched");
            assertEquals(List.of(p), seen);
            assertEquals("watched", p.op());
            assertEquals(Thread.currentThread().getName(), p.thread());
        } finally {
            Tessel.removePlacementListener(listener);
        }
        bigOp("unwatched");
        assertEquals(1, seen.size());
    }
}
