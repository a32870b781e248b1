package dev.tessel.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.ConfigKey;
import dev.tessel.DType;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of "reductions are bitwise equal at any thread count": the ranges cover
 * every index once, on multiples of the grain, and are the same ranges whatever the budget.
 */
class DeterministicRangesTest {
    private static final int[] BUDGETS = {1, 2, 3, 8, 64};

    /** The ranges of one run, keyed by start, after checking each index was covered once. */
    private static Map<Long, Long> ranges(int threads, OpRequest req, int total, long grain) {
        Scheduler engine = Configs.engine(threads);
        AtomicIntegerArray hits = new AtomicIntegerArray(total);
        ConcurrentSkipListMap<Long, Long> seen = new ConcurrentSkipListMap<>();
        engine.forEachRange(req, engine.reference(), total, grain, (s, e) -> {
            if (s % grain != 0 || seen.put(s, e) != null) {
                throw new AssertionError("range " + s + ".." + e);
            }
            for (long i = s; i < e; i++) {
                hits.incrementAndGet((int) i);
            }
        });
        for (int i = 0; i < total; i++) {
            assertEquals(1, hits.get(i), "index " + i + " at " + threads + " threads");
        }
        return new TreeMap<>(seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8191, 8192, 8193, 100_003, 1_000_000})
    void rangesCoverEachIndexOnceAndDoNotDependOnTheThreadCount(int total) {
        OpRequest req = new OpRequest("add", OpKind.REDUCTION, DType.FLOAT32, total, 4L * total);
        Map<Long, Long> first = ranges(1, req, total, 1);
        for (int t : BUDGETS) {
            assertEquals(first, ranges(t, req, total, 1), t + " threads");
        }
    }

    @Test
    void grainIsRespectedAtEveryThreadCount() {
        // A reduction: a copy or elementwise op on one thread runs as one range (which starts on
        // a grain multiple too), so only a reduction has the same ranges at every thread count.
        OpRequest req = new OpRequest("sum", OpKind.REDUCTION, DType.FLOAT64, 999_999, 8L * 999_999);
        Map<Long, Long> first = ranges(1, req, 999_999, 7);
        for (int t : BUDGETS) {
            assertEquals(first, ranges(t, req, 999_999, 7), t + " threads");
        }
    }

    @Test
    void aSumOfPerRangePartialsIsBitwiseEqualAtEveryThreadCount() {
        int n = 3_000_017;
        double[] x = new double[n];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1e6, 1e6) * Math.pow(10, r.nextInt(-8, 9));
        }
        OpRequest req = new OpRequest("add", OpKind.REDUCTION, DType.FLOAT64, n, 8L * n);
        long first = 0;
        for (int t : BUDGETS) {
            Scheduler engine = Configs.engine(t);
            ConcurrentSkipListMap<Long, Double> partials = new ConcurrentSkipListMap<>();
            engine.forEachRange(req, engine.reference(), n, 1, (s, e) -> {
                double acc = 0;
                for (long i = s; i < e; i++) {
                    acc += x[(int) i];
                }
                partials.put(s, acc);
            });
            double total = 0;
            for (double p : List.copyOf(partials.values())) {
                total += p;
            }
            long bits = Double.doubleToRawLongBits(total);
            if (t == 1) {
                first = bits;
                assertEquals(1, engine.lastPlacements().getLast().threads());
            } else {
                assertEquals(first, bits, t + " threads");
                assertEquals(t, engine.lastPlacements().getLast().threads());
            }
        }
    }

    /**
     * An elementwise op on several threads claims runs of adjacent tiles: each range starts and
     * ends on a tile bound, every index is covered once, and the op runs in fewer ranges than
     * it has tiles (the first run alone is a share of the whole), ending in single tiles.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void elementwiseOpsClaimRunsOfWholeTiles(int threads) {
        int total = 1_000_003;
        OpRequest req = new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, total, 12L * total);
        long tile = TilePlan.of(req, total, 1, Configs.of().get(ConfigKey.TILE_BYTES)).length();
        int tiles = (int) ((total + tile - 1) / tile);
        Map<Long, Long> seen = ranges(threads, req, total, 1);
        for (Map.Entry<Long, Long> r : seen.entrySet()) {
            assertEquals(0, r.getKey() % tile, "range start " + r.getKey());
            assertTrue(r.getValue() == total || r.getValue() % tile == 0, "range end " + r.getValue());
        }
        assertTrue(seen.size() < tiles, seen.size() + " ranges for " + tiles + " tiles");
        long firstLength = seen.values().iterator().next() - seen.keySet().iterator().next();
        assertTrue(firstLength >= tile * (tiles / (2L * threads)), "first run " + firstLength + " of " + total);
        Map.Entry<Long, Long> lastRange = ((TreeMap<Long, Long>) seen).lastEntry();
        assertEquals(total, lastRange.getValue());
        assertTrue(lastRange.getValue() - lastRange.getKey() <= tile, "the last run is one tile");
    }
}
