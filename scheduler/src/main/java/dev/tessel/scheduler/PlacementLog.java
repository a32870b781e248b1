package dev.tessel.scheduler;

import dev.tessel.Placement;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where placement records go: a short window per calling thread, the listeners, and with
 * {@code tessel.trace=true} the log. A listener runs on the op's calling thread; if it throws,
 * the op throws after its work is done, so a test's assertion in a listener is not lost.
 */
final class PlacementLog {
    /** Records kept per thread: enough for a test to look at the last few ops. */
    static final int WINDOW = 64;
    private static final System.Logger LOG = System.getLogger("dev.tessel.scheduler.trace");

    private final ThreadLocal<ArrayDeque<Placement>> recent = ThreadLocal.withInitial(ArrayDeque::new);
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

    void record(Placement p) {
        ArrayDeque<Placement> window = recent.get();
        if (window.size() == WINDOW) {
            window.pollFirst();
        }
        window.addLast(p);
        if (trace != null) {
            trace.accept("tessel placement: " + p);
        }
        for (Consumer<Placement> l : listeners) {
            l.accept(p);
        }
    }

    List<Placement> recent() {
        return List.copyOf(recent.get());
    }

    void add(Consumer<Placement> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<Placement> listener) {
        listeners.remove(listener);
    }
}
