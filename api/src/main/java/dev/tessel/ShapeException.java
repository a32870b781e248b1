package dev.tessel;

/** A shape that is invalid, or shapes that do not fit together (broadcast, reshape, concatenate). */
public class ShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
