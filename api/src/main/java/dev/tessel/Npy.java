package dev.tessel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Reads and writes NumPy's {@code .npy} format; {@link Nd#load}, {@link Nd#save} and
 * {@link Nd#mmap} delegate here.
 *
 * <p>Decisions where NumPy leaves room:
 * <ul>
 *   <li>Loaded arrays keep the file's layout: a {@code fortran_order: True} file becomes an
 *       F-contiguous array, as {@code np.load} gives. Payloads in the other byte order are
 *       swapped to native order, because Tessel's storage is always native.</li>
 *   <li>Bool payload bytes other than 0 and 1 are read as 1 ({@code True}), so kernels can
 *       rely on bools being 0 or 1. A memory map cannot rewrite them and shows the raw bytes
 *       ({@link NdArray#getBoolean} still reads any non-zero byte as true).</li>
 *   <li>The payload must have exactly the length the shape says; trailing bytes are refused
 *       rather than ignored, since they mean the header and data disagree.</li>
 *   <li>Writing: C order for C-contiguous arrays (and for arrays that are both), Fortran order
 *       for F-contiguous ones, else a C-order copy; always native byte order; format 1.0 unless
 *       the header needs 2.0 or 3.0.</li>
 * </ul>
 */
final class Npy {
    // Payloads are moved through a heap buffer in chunks of this size: big enough to amortize
    // calls, small enough not to matter next to the array itself.
    private static final int CHUNK = 1 << 16;

    private Npy() {
    }

    // ---- files ----

    static NdArray load(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), Files.size(path));
        }
    }

    static void save(Path path, NdArray a) throws IOException {
        Encoded e = encode(a);
        AtomicFileWrite.write(path, e::writeTo);
    }

    /**
     * Maps the payload of {@code path} read-only into {@code arena}. Big-endian multi-byte
     * payloads are refused: mapped storage is used in place, and Tessel's storage is native
     * (little endian) order, so such a file has to be read (and converted) with {@code Nd.load}.
     */
    static NdArray mmap(Path path, Arena arena) throws IOException {
        String source = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            // Not closed on its own: closing it would close the channel we still map from.
            InputStream in = Channels.newInputStream(ch);
            NpyHeader h = NpyHeader.read(in, source);
            checkLength(h, ch.size() - h.dataOffset(), source);
            if (h.needsSwap()) {
                throw new NpyFormatException(source + ": cannot memory-map dtype '" + h.descr() + "': its byte order is not "
                        + "the native " + ByteOrder.nativeOrder() + " of Tessel's storage; read it with Nd.load, which converts it");
            }
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), h.payloadBytes(), arena);
            return new NdArray(Storage.of(seg, true), h.dtype(), h.shape(), strides(h), 0, false);
        }
    }

    // ---- streams (also used by Npz) ----

    /**
     * Reads one {@code .npy} from {@code in}. {@code totalBytes} is the length of the whole
     * stream when known (else -1); it lets a wrong payload length be refused before the array is
     * allocated, so a lying header cannot make Tessel allocate memory the file does not back.
     */
    static NdArray read(InputStream in, String source, long totalBytes) throws IOException {
        NpyHeader h = NpyHeader.read(in, source);
        if (totalBytes >= 0) {
            checkLength(h, totalBytes - h.dataOffset(), source);
        }
        NdArray a = NdArray.allocate(h.dtype(), h.shape(), h.fortranOrder() ? 'F' : 'C');
        readPayload(in, a.segment(), h, source);
        if (h.needsSwap()) {
            swapBytes(a.segment(), h.dtype().itemSize(), a.size());
        } else if (h.dtype() == DType.BOOL) {
            normalizeBools(a.segment(), a.size());
        }
        return a;
    }

    private static void readPayload(InputStream in, MemorySegment dst, NpyHeader h, String source) throws IOException {
        long n = h.payloadBytes();
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(n, 1))];
        for (long done = 0; done < n; ) {
            int want = (int) Math.min(buf.length, n - done);
            int got = in.readNBytes(buf, 0, want);
            MemorySegment.copy(buf, 0, dst, ValueLayout.JAVA_BYTE, done, got);
            done += got;
            if (got < want) {
                throw lengthError(h, done - n, source);
            }
        }
        if (in.read() != -1) {
            throw new NpyFormatException(source + ": payload is longer than the " + n + " bytes that shape "
                    + Shape.format(h.shape()) + " of " + h.dtype() + " needs");
        }
    }

    private static void checkLength(NpyHeader h, long available, String source) throws NpyFormatException {
        if (available != h.payloadBytes()) {
            throw lengthError(h, available - h.payloadBytes(), source);
        }
    }

    private static NpyFormatException lengthError(NpyHeader h, long surplus, String source) {
        long need = h.payloadBytes();
        return new NpyFormatException(source + ": payload is " + (need + surplus) + " bytes but shape "
                + Shape.format(h.shape()) + " of " + h.dtype() + " needs " + need + " ("
                + (surplus < 0 ? "file is truncated" : "trailing bytes") + ")");
    }

    private static long[] strides(NpyHeader h) {
        return h.fortranOrder() ? Shape.fStrides(h.shape()) : Shape.cStrides(h.shape());
    }

    private static void swapBytes(MemorySegment seg, int itemSize, long count) {
        switch (itemSize) {
            case 2 -> {
                for (long i = 0; i < count; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_SHORT, i, Short.reverseBytes(seg.getAtIndex(ValueLayout.JAVA_SHORT, i)));
                }
            }
            case 4 -> {
                for (long i = 0; i < count; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_INT, i, Integer.reverseBytes(seg.getAtIndex(ValueLayout.JAVA_INT, i)));
                }
            }
            case 8 -> {
                for (long i = 0; i < count; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_LONG, i, Long.reverseBytes(seg.getAtIndex(ValueLayout.JAVA_LONG, i)));
                }
            }
            default -> throw new IllegalStateException("no byte swap for item size " + itemSize);
        }
    }

    private static void normalizeBools(MemorySegment seg, long count) {
        for (long i = 0; i < count; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, i) > 1 || seg.get(ValueLayout.JAVA_BYTE, i) < 0) {
                seg.set(ValueLayout.JAVA_BYTE, i, (byte) 1);
            }
        }
    }

    // ---- writing ----

    /** An array ready to write: its header bytes and a contiguous payload in native order. */
    record Encoded(byte[] header, MemorySegment payload) {
        long size() {
            return header.length + payload.byteSize();
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(header);
            forEachChunk(out::write);
        }

        /** CRC-32 of the whole file, as a stored zip entry needs before its data is written. */
        long crc() throws IOException {
            CRC32 crc = new CRC32();
            crc.update(header);
            forEachChunk(crc::update);
            return crc.getValue();
        }

        // Through a heap buffer: a wrapped int[] or double[] cannot be viewed as a ByteBuffer.
        private void forEachChunk(ChunkSink sink) throws IOException {
            byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(payload.byteSize(), 1))];
            for (long done = 0; done < payload.byteSize(); ) {
                int n = (int) Math.min(buf.length, payload.byteSize() - done);
                MemorySegment.copy(payload, ValueLayout.JAVA_BYTE, done, buf, 0, n);
                sink.accept(buf, 0, n);
                done += n;
            }
        }
    }

    private interface ChunkSink {
        void accept(byte[] buf, int off, int len) throws IOException;
    }

    static Encoded encode(NdArray a) {
        NdArray src = a.isCContiguous() || a.isFContiguous() ? a : a.copy();
        boolean fortran = !src.isCContiguous();
        long bytes = src.size() * src.dtype().itemSize();
        // An empty view's offset may point past its storage; its payload is empty anyway.
        MemorySegment payload = bytes == 0 ? MemorySegment.NULL
                : src.segment().asSlice(src.offset() * src.dtype().itemSize(), bytes);
        NpyHeader h = new NpyHeader(src.dtype(), ByteOrder.nativeOrder(), fortran, src.shape(), 0);
        return new Encoded(h.encode(), payload);
    }
}
