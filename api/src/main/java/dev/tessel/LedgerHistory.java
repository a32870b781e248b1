package dev.tessel;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #CAPACITY} events of one ledger, kept only with
 * {@code tessel.debug.ownership=true}. A synchronized ring: debug mode trades speed for a
 * record of who held what, in order.
 */
final class LedgerHistory {
    static final int CAPACITY = 64;
    private final String[] events = new String[CAPACITY];
    private long count;

    synchronized void add(String thread, String event, String op, long lo, long hi) {
        events[(int) (count % CAPACITY)] = "#" + count + " " + event + " by op '" + op + "' on thread '" + thread
                + "', bytes [" + lo + ", " + hi + ")";
        count++;
    }

    /** Oldest first. */
    synchronized List<String> events() {
        List<String> out = new ArrayList<>();
        long first = Math.max(0, count - CAPACITY);
        for (long i = first; i < count; i++) {
            out.add(events[(int) (i % CAPACITY)]);
        }
        return out;
    }
}
