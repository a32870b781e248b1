package dev.tessel.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.Placement;
import dev.tessel.PlacementException;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.Backend;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where ops run, across sizes, op classes, settings and backend availability. */
class PlacementTest {
    private static final TestBackend FAST = TestBackend.host("fast", 10);
    private static final TestBackend GPU = TestBackend.gpu();

    private static OpRequest req(OpKind kind, DType dtype, long elements) {
        return new OpRequest("op", kind, dtype, elements, 3 * elements * dtype.itemSize());
    }

    private static Placement runOn(Scheduler engine, Backend backend, OpRequest r, long total) {
        engine.forEachRange(r, backend, total, 1, (s, e) -> { });
        return engine.lastPlacements().getLast();
    }

    @ParameterizedTest
    @CsvSource({
        // kind, dtype, elements, total, threads, tiles
        "ELEMENTWISE, FLOAT32, 1000, 1000, 1, 1",
        "ELEMENTWISE, FLOAT32, 32767, 32767, 1, 1",
        "ELEMENTWISE, FLOAT32, 32768, 32768, 2, 4",
        "ELEMENTWISE, FLOAT64, 1000000, 1000000, 2, 245",
        "ELEMENTWISE, INT8, 40000, 40000, 2, 2",
        "COPY, FLOAT32, 40000, 40000, 1, 1",
        "COPY, FLOAT32, 65536, 65536, 2, 8",
        "REDUCTION, FLOAT32, 1000000, 1000, 2, 125",
        "REDUCTION, FLOAT32, 20000, 20, 1, 3",
        "MATMUL, FLOAT32, 1073741824, 1024, 2, 1024",
        "MATMUL, FLOAT64, 32767, 32, 1, 1",
    })
    void sizeAndOpClassDecideTilesAndThreads(OpKind kind, DType dtype, long elements, long total, int threads,
            int tiles) {
        Scheduler engine = Configs.engine(2);
        Placement p = runOn(engine, FAST, req(kind, dtype, elements), total);
        assertEquals(threads, p.threads(), p::toString);
        assertEquals(tiles, p.tiles(), p::toString);
        assertEquals("fast", p.backend());
        assertEquals("cpu", p.device());
        assertEquals(0, p.bytesMoved());
        assertEquals(Thread.currentThread().getName(), p.thread());
    }

    @Test
    void smallOpsSayWhichThresholdKeptThemOnTheCallingThread() {
        Scheduler engine = Configs.engine(4, "tessel.parallel.minElements.elementwise", "100");
        Placement small = runOn(engine, FAST, req(OpKind.ELEMENTWISE, DType.FLOAT32, 50_000), 50_000);
        assertEquals(4, small.threads(), "50000 is above a threshold of 100");
        Placement r = runOn(engine, FAST, req(OpKind.REDUCTION, DType.FLOAT32, 20_000), 20_000);
        assertEquals("calling thread: below tessel.parallel.minElements.reduction=65536", r.threadReason());
    }

    @Test
    void oneThreadRunsAStreamingOpInRangesOfEightTilesAndKeepsAReductionsTiles() {
        Scheduler engine = Configs.engine(1);
        List<long[]> ranges = new ArrayList<>();
        engine.forEachRange(req(OpKind.ELEMENTWISE, DType.FLOAT64, 1_000_000), FAST, 1_000_000, 1,
                (s, e) -> ranges.add(new long[] {s, e}));
        // 8 tiles of 4096 float64 (32 KiB) per range: ceil(1e6 / 32768) = 31 ranges, in order.
        assertEquals(31, ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            assertEquals(32_768L * i, ranges.get(i)[0]);
            assertEquals(Math.min(1_000_000, 32_768L * (i + 1)), ranges.get(i)[1]);
        }
        assertEquals(31, engine.lastPlacements().getLast().tiles());
        ranges.clear();
        engine.forEachRange(req(OpKind.REDUCTION, DType.FLOAT64, 1_000_000), FAST, 1_000_000, 1,
                (s, e) -> ranges.add(new long[] {s, e}));
        // 32 KiB of float64 per tile, as on any number of threads.
        assertEquals(245, ranges.size());
        assertEquals(4096, ranges.get(0)[1]);
        assertEquals(245, engine.lastPlacements().getLast().tiles());
    }

    @Test
    void tileBytesSetsTheTileSize() {
        Scheduler engine = Configs.engine(2, "tessel.parallel.tileBytes", "4096");
        // 4096 bytes of float32 = 1024 elements per tile.
        assertEquals(977, runOn(engine, FAST, req(OpKind.ELEMENTWISE, DType.FLOAT32, 1_000_000), 1_000_000).tiles());
    }

    @Test
    void autoPicksTheBestHostBackendAndTheGpuOnlyForLargeOps() {
        Scheduler engine = Scheduler.of(Configs.of("tessel.gpu.minElements", "1000000"),
                List.of(TestBackend.host("slow", 5), FAST, GPU));
        assertSame(FAST, engine.place(req(OpKind.ELEMENTWISE, DType.FLOAT32, 999_999)));
        assertSame(GPU, engine.place(req(OpKind.ELEMENTWISE, DType.FLOAT32, 1_000_000)));
        Placement p = runOn(engine, GPU, req(OpKind.ELEMENTWISE, DType.FLOAT32, 1_000_000), 1_000_000);
        assertEquals("gpu:0", p.device());
        assertEquals("tessel.backend=auto: GPU", p.backendReason());
        assertEquals("tessel.backend=auto: best CPU backend",
                runOn(engine, FAST, req(OpKind.ELEMENTWISE, DType.FLOAT32, 10), 10).backendReason());
    }

    @ParameterizedTest
    @CsvSource({"scalar, scalar, scalar", "cpu, fast, fast", "auto, fast, gpu", "gpu, gpu, gpu"})
    void theBackendSettingDecides(String setting, String small, String large) {
        Scheduler engine = Scheduler.of(Configs.of("tessel.backend", setting), List.of(FAST, GPU));
        assertEquals(small, engine.place(req(OpKind.ELEMENTWISE, DType.FLOAT64, 100)).name());
        assertEquals(large, engine.place(req(OpKind.MATMUL, DType.FLOAT64, 1L << 30)).name());
    }

    @Test
    void gpuSettingRunsLargeAndSmallOpsOnTheGpu() {
        Scheduler engine = Scheduler.of(Configs.of("tessel.backend", "gpu"), List.of(FAST, GPU));
        assertSame(GPU, engine.place(req(OpKind.ELEMENTWISE, DType.FLOAT32, 1)));
    }

    @Test
    void gpuWithoutAGpuFailsWhenFallbackIsError() {
        Scheduler engine = Scheduler.of(Configs.of("tessel.backend", "gpu", "tessel.gpu.fallback", "error"),
                List.of(FAST));
        PlacementException e = assertThrows(PlacementException.class,
                () -> engine.place(new OpRequest("exp", OpKind.ELEMENTWISE, DType.FLOAT32, 10, 80)));
        assertEquals("Cannot run exp on the GPU: tessel.backend=gpu but no GPU backend is usable; "
                + "set tessel.gpu.fallback=warn or allow to run on the CPU instead", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"warn", "allow"})
    void gpuWithoutAGpuRunsOnTheCpuWhenFallbackAllows(String fallback) {
        Scheduler engine = Scheduler.of(Configs.of("tessel.backend", "gpu", "tessel.gpu.fallback", fallback),
                List.of(FAST));
        assertSame(FAST, engine.place(req(OpKind.ELEMENTWISE, DType.FLOAT32, 10)));
        assertEquals("tessel.backend=gpu: no usable GPU, fell back to the CPU",
                runOn(engine, FAST, req(OpKind.ELEMENTWISE, DType.FLOAT32, 10), 10).backendReason());
    }

    @Test
    void anUnavailableBackendIsSkippedAndSaysWhy() {
        TestBackend broken = new TestBackend("simd", 50, "cpu", "run with --add-modules jdk.incubator.vector");
        Scheduler engine = Scheduler.of(Configs.of(), List.of(broken, FAST));
        assertSame(FAST, engine.place(req(OpKind.ELEMENTWISE, DType.FLOAT32, 10)));
        String info = engine.describe();
        assertTrue(info.contains("backends missing:\n  simd: run with --add-modules jdk.incubator.vector\n"), info);
        assertTrue(info.contains("  fast (priority 10, cpu): test backend fast\n"
                + "  scalar (priority 0, cpu): scalar\n"), info);
    }

    @Test
    void withNoOtherBackendTheReferenceRunsEverything() {
        Scheduler engine = Scheduler.of(Configs.of(), List.of());
        assertSame(ReferenceBackend.INSTANCE, engine.place(req(OpKind.MATMUL, DType.FLOAT64, 1L << 30)));
        assertSame(ReferenceBackend.INSTANCE, engine.reference());
    }

    @Test
    void aLoopMissingFromThePlacedBackendIsRecordedAsAFallbackToTheReference() {
        Scheduler engine = Scheduler.of(Configs.of(), List.of(FAST));
        Placement p = runOn(engine, engine.reference(), req(OpKind.ELEMENTWISE, DType.INT16, 10), 10);
        assertEquals("scalar", p.backend());
        assertEquals("placed on fast, which has no loop for it: ran on the reference", p.backendReason());
    }

    @Test
    void listenersSeeEveryPlacementUntilRemovedAndTheWindowIsBounded() {
        Scheduler engine = Configs.engine(2);
        List<Placement> seen = new ArrayList<>();
        Consumer<Placement> listener = seen::add;
        engine.addPlacementListener(listener);
        for (int i = 0; i < PlacementLog.WINDOW + 3; i++) {
            runOn(engine, FAST, new OpRequest("op" + i, OpKind.COPY, DType.BOOL, i, 2L * i), i);
        }
        engine.removePlacementListener(listener);
        runOn(engine, FAST, req(OpKind.COPY, DType.BOOL, 5), 5);
        assertEquals(PlacementLog.WINDOW + 3, seen.size());
        List<Placement> last = engine.lastPlacements();
        assertEquals(PlacementLog.WINDOW, last.size());
        // 68 ops in all: op0 .. op66, then "op"; the window keeps the last 64.
        assertEquals("op4", last.getFirst().op());
        assertEquals("op", last.getLast().op());
    }

    @Test
    void traceLogsEachPlacement() {
        List<String> lines = new ArrayList<>();
        Scheduler engine = Scheduler.of(Configs.of("tessel.trace", "true", "tessel.cpu.threads", "2"), List.of(FAST),
                lines::add);
        runOn(engine, FAST, new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, 1000, 12_000), 1000);
        Scheduler quiet = Scheduler.of(Configs.of(), List.of(FAST), lines::add);
        runOn(quiet, FAST, new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, 1000, 12_000), 1000);
        assertEquals(List.of("tessel placement: add float32[1000] -> fast on cpu, 1 thread, 1 tile "
                + "(tessel.backend=auto: best CPU backend; calling thread: one tile) [" + Thread.currentThread().getName()
                + "]"), lines);
    }

    @Test
    void placementsMadeOutsideTheSchedulerJoinTheWindowTheListenersAndTheTrace() {
        List<String> lines = new ArrayList<>();
        Scheduler engine = Scheduler.of(Configs.of("tessel.trace", "true", "tessel.cpu.threads", "2"), List.of(FAST),
                lines::add);
        List<Placement> seen = new ArrayList<>();
        engine.addPlacementListener(seen::add);
        runOn(engine, FAST, new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, 1000, 12_000), 1000);
        Placement resident = new Placement("exp", OpKind.ELEMENTWISE, DType.FLOAT64, 500, "gpu", "gpu:0", 1, 1, 0L,
                "inputs lent to gpu:0", "queued on the device", Thread.currentThread().getName());
        engine.recordPlacement(resident);
        runOn(engine, FAST, new OpRequest("sqrt", OpKind.ELEMENTWISE, DType.FLOAT32, 10, 80), 10);
        List<Placement> last = engine.lastPlacements();
        assertEquals(List.of("add", "exp", "sqrt"), last.stream().map(Placement::op).toList());
        assertSame(resident, last.get(1));
        assertEquals(3, seen.size());
        assertSame(resident, seen.get(1));
        assertEquals("tessel placement: exp float64[500] -> gpu on gpu:0, 1 thread, 1 tile (inputs lent to gpu:0; "
                + "queued on the device) [" + Thread.currentThread().getName() + "]", lines.get(1));
    }
}
