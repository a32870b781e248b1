package dev.tessel;

import java.io.IOException;

/**
 * A {@code .npy} or {@code .npz} file that Tessel refuses to read: bad magic, an unsupported
 * version or dtype, a malformed or oversized header, a payload of the wrong length, or a bad
 * archive entry. The message names the file (when known) and what is wrong.
 *
 * <p>It is an {@link IOException} because it is found while reading, so callers of
 * {@code Nd.load} handle it with the I/O errors they already expect.
 */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String message) {
        super(message);
    }
}
