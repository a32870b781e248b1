package dev.tessel;

/**
 * An array's storage was freed when the {@link Scope} that allocated it closed. Thrown
 * instead of the memory API's own error (or a crash) on any later use of the array.
 */
public final class ClosedArrayException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClosedArrayException(String message) {
        super(message);
    }

    static ClosedArrayException of(long storageId, String op) {
        return new ClosedArrayException("storage #" + storageId + " was freed when its scope closed; op '" + op
                + "' cannot use it (copy arrays you need beyond a scope before it closes)");
    }
}
