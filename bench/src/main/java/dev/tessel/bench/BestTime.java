package dev.tessel.bench;

/**
 * The fastest of repeated runs of a pass, for the in-process limit measurements. It keeps
 * going until the minimum time has passed, at least five passes ran, and the best has not
 * improved by 2% in the last three: on a busy machine C2 may still be compiling a Vector API
 * loop after the first passes, and an interpreted pass is hundreds of times slower.
 */
final class BestTime {
    private static final int MIN_PASSES = 5;
    private static final int STALE_PASSES = 3;
    private static final double CAP_FACTOR = 20;

    private BestTime() {}

    /** Best nanoseconds of {@code pass}, measured for at least {@code minSeconds} (at most 20 times that plus a second). */
    static long of(Runnable pass, double minSeconds) {
        long start = System.nanoTime();
        long minEnd = start + (long) (minSeconds * 1e9);
        long capEnd = start + (long) ((minSeconds * CAP_FACTOR + 1) * 1e9);
        long best = Long.MAX_VALUE;
        int passes = 0;
        int sinceImprovement = 0;
        while (true) {
            long t0 = System.nanoTime();
            pass.run();
            long t = System.nanoTime() - t0;
            passes++;
            if (t < best * 0.98) {
                sinceImprovement = 0;
            } else {
                sinceImprovement++;
            }
            best = Math.min(best, t);
            long now = System.nanoTime();
            boolean settled = passes >= MIN_PASSES && sinceImprovement >= STALE_PASSES && now >= minEnd;
            if (settled || now >= capEnd) {
                return best;
            }
        }
    }
}
