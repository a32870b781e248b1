package dev.tessel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file by writing a temporary sibling and renaming it over the target.
 *
 * <p>Why: truncating a file in place while an array maps it ({@link Nd#mmap}) would leave the
 * mapping pointing at pages that no longer exist, and a failed write would leave a half file.
 * A rename keeps the old file's data alive for existing maps and makes the new file appear
 * whole or not at all.
 */
final class AtomicFileWrite {
    /** The body of a write: fills the stream it is given. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWrite() {
    }

    static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
