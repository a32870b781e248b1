package dev.tessel;

/**
 * An op that cannot be placed as configured: {@code tessel.backend=gpu} with no usable GPU and
 * {@code tessel.gpu.fallback=error}. The message names the setting and what is missing.
 */
public final class PlacementException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlacementException(String message) {
        super(message);
    }
}
