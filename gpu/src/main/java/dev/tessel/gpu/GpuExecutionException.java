package dev.tessel.gpu;

/**
 * A GPU kernel failed to compile or run and {@code tessel.gpu.fallback=error} is in force. The
 * operation wrote nothing: its output on the host is as it was before the call.
 */
public final class GpuExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GpuExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
