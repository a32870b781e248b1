package dev.tessel.scheduler;

import dev.tessel.Placement;
import dev.tessel.spi.Backend;
import dev.tessel.spi.OpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where placement records go: a short window per calling thread, the listeners, and with
 * {@code tessel.trace=true} the trace sink.
 *
 * <p>The window stores each decision's parts in preallocated slots and builds
 * {@link Placement} objects only when someone reads them, so that a small op, which is all
 * overhead and no work, pays a few field writes for its record rather than an allocation.
 * A listener runs on the op's calling thread; if it throws, the op throws after its work is
 * done, so a test's assertion in a listener is not lost.
 */
final class PlacementLog {
    /** Records kept per thread: enough for a test to look at the last few ops. */
    static final int WINDOW = 64;
    private static final System.Logger LOG = System.getLogger("dev.tessel.scheduler.trace");

    private final ThreadLocal<Window> recent = ThreadLocal.withInitial(Window::new);
    private final List<Consumer<Placement>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> trace;

    /** {@code trace} receives one line per placement, or is null when tracing is off. */
    PlacementLog(Consumer<String> trace) {
        this.trace = trace;
    }

    /** The trace sink of {@code tessel.trace=true}: the log, at INFO. */
    static Consumer<String> toLog() {
        return line -> LOG.log(System.Logger.Level.INFO, line);
    }

    void record(OpRequest request, Backend backend, int threads, int tiles, String backendReason,
            String threadReason) {
        Window w = recent.get();
        int slot = w.put(request, backend, threads, tiles, backendReason, threadReason);
        if (trace == null && listeners.isEmpty()) {
            return;
        }
        Placement p = w.placement(slot);
        if (trace != null) {
            trace.accept("tessel placement: " + p);
        }
        for (Consumer<Placement> l : listeners) {
            l.accept(p);
        }
    }

    /** A placement decided outside the scheduler (a device-resident op), kept and told like the others. */
    void recordMade(Placement p) {
        recent.get().putMade(p);
        if (trace != null) {
            trace.accept("tessel placement: " + p);
        }
        for (Consumer<Placement> l : listeners) {
            l.accept(p);
        }
    }

    List<Placement> recent() {
        return recent.get().all();
    }

    void add(Consumer<Placement> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<Placement> listener) {
        listeners.remove(listener);
    }

    /** One thread's ring of the latest decisions. */
    private static final class Window {
        private final OpRequest[] request = new OpRequest[WINDOW];
        private final Backend[] backend = new Backend[WINDOW];
        private final int[] threads = new int[WINDOW];
        private final int[] tiles = new int[WINDOW];
        private final String[] backendReason = new String[WINDOW];
        private final String[] threadReason = new String[WINDOW];
        private final String[] thread = new String[WINDOW];
        private final Placement[] made = new Placement[WINDOW];
        private int next;
        private int size;

        int put(OpRequest r, Backend b, int nThreads, int nTiles, String br, String tr) {
            int i = next;
            request[i] = r;
            backend[i] = b;
            threads[i] = nThreads;
            tiles[i] = nTiles;
            backendReason[i] = br;
            threadReason[i] = tr;
            thread[i] = Thread.currentThread().getName();
            made[i] = null;
            next = (i + 1) % WINDOW;
            size = Math.min(WINDOW, size + 1);
            return i;
        }

        void putMade(Placement p) {
            int i = next;
            made[i] = p;
            request[i] = null;
            backend[i] = null;
            next = (i + 1) % WINDOW;
            size = Math.min(WINDOW, size + 1);
        }

        Placement placement(int i) {
            if (made[i] != null) {
                return made[i];
            }
            OpRequest r = request[i];
            Backend b = backend[i];
            return new Placement(r.name(), r.kind(), r.dtype(), r.elements(), b.name(), b.device(), threads[i],
                    tiles[i], 0L, backendReason[i], threadReason[i], thread[i]);
        }

        List<Placement> all() {
            List<Placement> out = new ArrayList<>(size);
            for (int k = size; k > 0; k--) {
                out.add(placement(Math.floorMod(next - k, WINDOW)));
            }
            return List.copyOf(out);
        }
    }
}
