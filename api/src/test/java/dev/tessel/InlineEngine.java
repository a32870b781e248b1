package dev.tessel;

import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Engine;
import dev.tessel.spi.OpRequest;
import dev.tessel.spi.RangeTask;

/**
 * A test-only engine for the api module's own tests: everything on the reference backend, on
 * the calling thread, in ranges of at most 1000 indices so that range splitting is exercised.
 */
public final class InlineEngine implements Engine {
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
        long step = Math.max(grain, (1000 / Math.max(grain, 1)) * grain);
        for (long s = 0; s < total; s += step) {
            task.run(s, Math.min(total, s + step));
        }
    }
}
