package dev.tessel;

/** A write through a read-only view (a broadcast view, a memory-mapped file). */
public class ReadOnlyArrayException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyArrayException(String message) {
        super(message);
    }
}
