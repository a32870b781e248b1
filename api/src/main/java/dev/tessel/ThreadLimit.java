package dev.tessel;

/**
 * A narrowed thread budget for the current thread, in force until closed:
 * {@code try (var t = Tessel.threads(1)) { ... }}. Limits nest; closing restores the
 * previous one.
 */
public interface ThreadLimit extends AutoCloseable {
    /** The budget in force inside this block. */
    int threads();

    /** Restores the budget that was in force before. */
    @Override
    void close();
}
