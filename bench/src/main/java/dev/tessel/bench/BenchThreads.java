package dev.tessel.bench;

/** The thread count a benchmark JVM was started with, as the runner passes it. */
final class BenchThreads {
    static final String PROPERTY = "tessel.cpu.threads";

    private BenchThreads() {}

    /** {@code tessel.cpu.threads}, or the available processors when it is unset. */
    static int fromProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a positive integer, got '" + value + "'");
    }
}
