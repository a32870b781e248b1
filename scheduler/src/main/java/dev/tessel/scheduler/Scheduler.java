package dev.tessel.scheduler;

import dev.tessel.Config;
import dev.tessel.ConfigKey;
import dev.tessel.DType;
import dev.tessel.Placement;
import dev.tessel.ThreadLimit;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Engine;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import dev.tessel.spi.RangeTask;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tessel's engine. {@link #place} picks a backend ({@link PlacementPolicy}); {@link #forEachRange}
 * cuts the op's iteration space into cache-sized tiles ({@link TilePlan}) and runs them on the
 * calling thread when the op is small, the thread budget is 1, or the caller is itself a
 * worker, and otherwise on the caller plus up to {@code budget - 1} workers of the one
 * {@link WorkerPool}. Each call leaves a {@link Placement}.
 *
 * <p>The instance that {@link java.util.ServiceLoader} creates reads {@link Config#current()}
 * and is the JVM's engine; tests build their own with explicit configuration and backends.
 */
public final class Scheduler implements Engine {
    private final Config config;
    private final BackendCatalog catalog;
    private final PlacementPolicy policy;
    private final ThreadBudget budget;
    private final WorkerPool pool;
    private final PlacementLog log;
    private final long tileBytes;
    /** Tiles per range when an elementwise op runs on one thread (see {@link #solo}). */
    static final int SOLO_TILES = 8;
    private final long[] minElements = new long[OpKind.values().length];
    private final String[] smallReason = new String[OpKind.values().length];
    private final long[] tileElements = new long[DType.values().length];

    /** The JVM's engine: configuration from system properties and environment, backends from the path. */
    public Scheduler() {
        this(Config.current(), BackendCatalog.discover(), PlacementLog.toLog());
    }

    Scheduler(Config config, BackendCatalog catalog, Consumer<String> traceSink) {
        this.config = config;
        this.catalog = catalog;
        this.policy = new PlacementPolicy(config, catalog);
        this.budget = new ThreadBudget(config.cpuThreads());
        this.pool = new WorkerPool(config.cpuThreads(), config.get(ConfigKey.SPIN_MICROS) * 1000);
        this.log = new PlacementLog(config.trace() ? traceSink : null, this::backendReason);
        this.tileBytes = config.get(ConfigKey.TILE_BYTES);
        for (DType t : DType.values()) {
            tileElements[t.ordinal()] = tileBytes / Math.max(1, t.itemSize());
        }
        threshold(OpKind.COPY, ConfigKey.MIN_ELEMENTS_COPY);
        threshold(OpKind.ELEMENTWISE, ConfigKey.MIN_ELEMENTS_ELEMENTWISE);
        threshold(OpKind.REDUCTION, ConfigKey.MIN_ELEMENTS_REDUCTION);
        threshold(OpKind.MATMUL, ConfigKey.MIN_ELEMENTS_MATMUL);
    }

    /** An engine with {@code config} and exactly {@code backends} (plus the reference): for tests. */
    static Scheduler of(Config config, List<Backend> backends) {
        return new Scheduler(config, BackendCatalog.of(backends), PlacementLog.toLog());
    }

    /** As {@link #of(Config, List)}, with trace lines going to {@code traceSink}. */
    static Scheduler of(Config config, List<Backend> backends, Consumer<String> traceSink) {
        return new Scheduler(config, BackendCatalog.of(backends), traceSink);
    }

    private void threshold(OpKind kind, ConfigKey<Long> key) {
        long n = config.get(key);
        minElements[kind.ordinal()] = n;
        smallReason[kind.ordinal()] = "calling thread: below " + key.property() + "=" + n;
    }

    @Override
    public Backend place(OpRequest request) {
        return policy.choose(request).backend();
    }

    @Override
    public Backend reference() {
        return ReferenceBackend.INSTANCE;
    }

    @Override
    public void forEachRange(OpRequest request, Backend backend, long total, long grain, RangeTask task) {
        if (!"cpu".equals(backend.device())) {
            // A device backend launches one kernel per call and splits across its devices itself;
            // CPU-sized tiles would turn one op into hundreds of launches and transfers.
            task.run(0, total);
            log.record(request, backend, 1, total > 0 ? 1 : 0, "one range: the device backend splits the work itself");
            return;
        }
        if (total <= 0) {
            log.record(request, backend, 1, 0, "calling thread: empty");
            return;
        }
        long length = TilePlan.length(request, total, grain, tileElements(request));
        if (length >= total) {
            // One tile, the small op's path: no plan object, no pool, one record.
            task.run(0, total);
            log.record(request, backend, 1, 1, "calling thread: one tile");
            return;
        }
        tiled(request, backend, total, new TilePlan(length, (int) ((total + length - 1) / length)), task);
    }

    private void tiled(OpRequest request, Backend backend, long total, TilePlan plan, RangeTask task) {
        int threads = 1;
        String why;
        if (WorkerPool.onWorker()) {
            why = "calling thread: called from a Tessel worker";
        } else if (request.elements() < minElements[request.kind().ordinal()]) {
            why = smallReason[request.kind().ordinal()];
        } else {
            threads = Math.min(budget.forCurrentThread(), plan.count());
            why = threads == 1 ? "calling thread: thread budget 1" : "tiles over the caller and workers";
        }
        int ranges = plan.count();
        boolean streaming = request.kind() != OpKind.REDUCTION && request.kind() != OpKind.MATMUL;
        if (threads == 1 && streaming) {
            ranges = solo(plan, total, task);
        } else if (threads == 1) {
            for (int t = 0; t < plan.count(); t++) {
                task.run(plan.start(t), plan.end(t, total));
            }
        } else {
            pool.run(new TiledJob(task, plan, total, streaming ? threads : 0), threads - 1);
        }
        log.record(request, backend, threads, ranges, why);
    }

    /**
     * An elementwise op or copy on one thread, in ranges of {@value #SOLO_TILES} tiles; returns
     * how many. Its tiles only share work between threads (no operand is reused across tiles,
     * and no result depends on where a tile starts), and each costs a loop entry: about 5% of a
     * streaming add at 32 KiB tiles, none at 256 KiB (bench/README.md, "Streaming ops"). Not one
     * range, though: a kernel entered once per op is compiled by C2 only inside its caller's
     * chain, where the vector math it calls sits past {@code MaxInlineLevel} and is not inlined,
     * so every vector is boxed (float32 tanh at 1e6 measured 8x slower in two runs of three).
     * Entered a few times per op, the kernel is compiled on its own first, and callers then
     * call it rather than inline it. Reductions keep their tiles: their partial results must not
     * depend on the threads.
     */
    private static int solo(TilePlan plan, long total, RangeTask task) {
        long step = plan.length() * SOLO_TILES;
        int ranges = 0;
        for (long start = 0; start < total; start += step, ranges++) {
            task.run(start, Math.min(total, start + step));
        }
        return ranges;
    }

    /** {@code tileBytes / itemSize} of the request's dtype, from the table built once. */
    private long tileElements(OpRequest request) {
        DType t = request.dtype();
        return t == null ? tileBytes / 8 : tileElements[t.ordinal()];
    }

    /** Why {@code used} ran {@code request}: asked only when a record is read, never per op. */
    private String backendReason(OpRequest request, Backend used) {
        PlacementPolicy.Decision d = policy.explain(request);
        if (d.backend() == used) {
            return d.reason();
        }
        if (used == ReferenceBackend.INSTANCE) {
            return "placed on " + d.backend().name() + ", which has no loop for it: ran on the reference";
        }
        return "chosen by the caller";
    }

    @Override
    public String describe() {
        return EngineReport.of(catalog, budget.global(), config, pool);
    }

    @Override
    public int threadBudget() {
        return WorkerPool.onWorker() ? 1 : budget.forCurrentThread();
    }

    @Override
    public void setThreadBudget(int threads) {
        budget.setGlobal(threads);
        pool.setCap(threads);
    }

    @Override
    public ThreadLimit limitThreads(int threads) {
        return budget.narrow(threads);
    }

    @Override
    public List<Placement> lastPlacements() {
        return log.recent();
    }

    @Override
    public void recordPlacement(Placement placement) {
        log.recordMade(placement);
    }

    @Override
    public void addPlacementListener(Consumer<Placement> listener) {
        log.add(listener);
    }

    @Override
    public void removePlacementListener(Consumer<Placement> listener) {
        log.remove(listener);
    }

    /** The pool, for tests that count workers. */
    WorkerPool pool() {
        return pool;
    }

}
