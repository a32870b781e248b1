package dev.tessel;

import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Engine;
import dev.tessel.spi.OpRequest;
import dev.tessel.spi.RangeTask;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only engine for the api module's own tests: everything on the reference backend, on
 * the calling thread, in ranges of at most 1000 indices so that range splitting is exercised.
 *
 * <p>Tests in this package may change the range size and run ranges last to first, to check
 * that results do not depend on how work is split (see {@code ReductionSplitTest}).
 */
public final class InlineEngine implements Engine {
    /** Largest range handed to a task, in grains of 1000 indices' worth; tests may change it. */
    static volatile long rangeLimit = 1000;
    /** When true, ranges run from the last to the first. */
    static volatile boolean reversed;

    @Override
    public Backend place(OpRequest request) {
        return ReferenceBackend.INSTANCE;
    }

    @Override
    public Backend reference() {
        return ReferenceBackend.INSTANCE;
    }

    @Override
    public void forEachRange(OpRequest request, Backend backend, long total, long grain, RangeTask task) {
        long step = Math.max(grain, (rangeLimit / Math.max(grain, 1)) * grain);
        long ranges = (total + step - 1) / step;
        for (long r = 0; r < ranges; r++) {
            long s = (reversed ? ranges - 1 - r : r) * step;
            task.run(s, Math.min(total, s + step));
        }
    }

    /** Only the placements made outside {@link #place} (device-resident ops), newest last, per thread. */
    private static final ThreadLocal<List<Placement>> RECORDED = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public void recordPlacement(Placement placement) {
        List<Placement> l = RECORDED.get();
        l.add(placement);
        if (l.size() > 64) {
            l.removeFirst();
        }
    }

    @Override
    public List<Placement> lastPlacements() {
        return List.copyOf(RECORDED.get());
    }
}
