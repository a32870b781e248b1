package dev.tessel.scheduler;

import dev.tessel.DType;
import dev.tessel.Placement;
import dev.tessel.spi.Backend;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Where placement records go: a short window per calling thread, the listeners, and with
 * {@code tessel.trace=true} the trace sink.
 *
 * <p>The window stores each decision's parts in preallocated slots and builds
 * {@link Placement} objects only when someone reads them, so that a small op, which is all
 * overhead and no work, pays a few field writes for its record rather than an allocation.
 * Those writes are primitives, or references that rarely change and are stored only when they
 * do (the op's name, dtype, backend, reason): the window lives long, and under G1 each
 * reference stored into an old object runs the post-write barrier's StoreLoad fence. The
 * request object itself is not kept, for the same reason, and the backend's reason and the
 * thread's name are looked up when a record is read. A listener runs on the op's calling
 * thread; if it throws, the op throws after its work is done, so a test's assertion in a
 * listener is not lost.
 */
final class PlacementLog {
    /** Records kept per thread: enough for a test to look at the last few ops. */
    static final int WINDOW = 64;
    private static final System.Logger LOG = System.getLogger("dev.tessel.scheduler.trace");

    private final ThreadLocal<Window> recent = ThreadLocal.withInitial(Window::new);
    private final List<Consumer<Placement>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> trace;
    private final BiFunction<OpRequest, Backend, String> backendReasons;

    /**
     * {@code trace} receives one line per placement, or is null when tracing is off;
     * {@code backendReasons} says why a backend ran a request (asked when a record is read).
     */
    PlacementLog(Consumer<String> trace, BiFunction<OpRequest, Backend, String> backendReasons) {
        this.trace = trace;
        this.backendReasons = backendReasons;
    }

    /** The trace sink of {@code tessel.trace=true}: the log, at INFO. */
    static Consumer<String> toLog() {
        return line -> LOG.log(System.Logger.Level.INFO, line);
    }

    void record(OpRequest request, Backend backend, int threads, int tiles, String threadReason) {
        Window w = recent.get();
        int slot = w.put(request, backend, threads, tiles, threadReason);
        if (trace == null && listeners.isEmpty()) {
            return;
        }
        Placement p = w.placement(slot, backendReasons);
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
        return recent.get().all(backendReasons);
    }

    void add(Consumer<Placement> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<Placement> listener) {
        listeners.remove(listener);
    }

    /** One thread's ring of the latest decisions; created on, and written only by, that thread. */
    private static final class Window {
        private final Thread owner = Thread.currentThread();
        private final String[] name = new String[WINDOW];
        private final OpKind[] kind = new OpKind[WINDOW];
        private final DType[] dtype = new DType[WINDOW];
        private final long[] elements = new long[WINDOW];
        private final long[] bytes = new long[WINDOW];
        private final Backend[] backend = new Backend[WINDOW];
        private final int[] threads = new int[WINDOW];
        private final int[] tiles = new int[WINDOW];
        private final String[] threadReason = new String[WINDOW];
        private final Placement[] made = new Placement[WINDOW];
        private int next;
        private int size;

        int put(OpRequest r, Backend b, int nThreads, int nTiles, String tr) {
            int i = next;
            storeIfChanged(name, i, r.name());
            storeIfChanged(kind, i, r.kind());
            storeIfChanged(dtype, i, r.dtype());
            storeIfChanged(backend, i, b);
            storeIfChanged(threadReason, i, tr);
            storeIfChanged(made, i, null);
            elements[i] = r.elements();
            bytes[i] = r.bytes();
            threads[i] = nThreads;
            tiles[i] = nTiles;
            advance();
            return i;
        }

        private static <T> void storeIfChanged(T[] slots, int i, T value) {
            if (slots[i] != value) {
                slots[i] = value;
            }
        }

        void putMade(Placement p) {
            int i = next;
            made[i] = p;
            advance();
        }

        private void advance() {
            next = next == WINDOW - 1 ? 0 : next + 1;
            size = size == WINDOW ? WINDOW : size + 1;
        }

        Placement placement(int i, BiFunction<OpRequest, Backend, String> backendReasons) {
            if (made[i] != null) {
                return made[i];
            }
            Backend b = backend[i];
            String why = backendReasons.apply(new OpRequest(name[i], kind[i], dtype[i], elements[i], bytes[i]), b);
            return new Placement(name[i], kind[i], dtype[i], elements[i], b.name(), b.device(), threads[i], tiles[i], 0L,
                    why, threadReason[i], owner.getName());
        }

        List<Placement> all(BiFunction<OpRequest, Backend, String> backendReasons) {
            List<Placement> out = new ArrayList<>(size);
            for (int k = size; k > 0; k--) {
                out.add(placement(Math.floorMod(next - k, WINDOW), backendReasons));
            }
            return List.copyOf(out);
        }
    }
}
