package dev.tessel;

/**
 * An index that does not fit the array, NumPy's {@code IndexError}: too many indices, an
 * index array of the wrong dtype, a boolean mask whose shape does not match, or a position out
 * of bounds in an index array.
 */
public class IndexException extends IndexOutOfBoundsException {
    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }
}
