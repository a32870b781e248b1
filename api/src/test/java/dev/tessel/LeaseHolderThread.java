package dev.tessel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Test fixture: a named thread that takes a lease, holds it until released, then closes it. */
final class LeaseHolderThread implements AutoCloseable {
    private final CountDownLatch taken = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    LeaseHolderThread(String name, Supplier<? extends AutoCloseable> lease) {
        thread = new Thread(() -> {
            try (AutoCloseable _ = lease.get()) {
                taken.countDown();
                release.await();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, name);
        thread.start();
        try {
            if (!taken.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("holder thread " + name + " did not take its lease");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Releases the lease after {@code millis}, from a timer thread. */
    void releaseAfter(long millis) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
    }

    @Override
    public void close() {
        release.countDown();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
