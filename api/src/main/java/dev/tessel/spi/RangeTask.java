package dev.tessel.spi;

/** Work over the index range {@code [start, end)} of some iteration space. */
@FunctionalInterface
public interface RangeTask {
    void run(long start, long end);
}
