package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BestTimeTest {
    @Test
    void waitsForTheSlowFirstPassesToStop() {
        // The first four passes sleep (an uncompiled loop); the rest return at once.
        int[] passes = {0};
        long best = BestTime.of(() -> {
            if (passes[0]++ < 4) {
                sleep(20);
            }
        }, 0.0);
        assertTrue(best < 10_000_000L, "best " + best + " ns must come from a fast pass");
        // Four slow passes, then at least one fast one and three that do not improve on the best.
        assertTrue(passes[0] >= 4 + 1 + 3, "passes: " + passes[0]);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
