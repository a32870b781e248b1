package dev.tessel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} file: dtype, byte order, {@code fortran_order} and shape, plus
 * where the payload starts.
 *
 * <p>Layout (NumPy's format versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY}, a major
 * and minor version byte, the header length (2 bytes little endian in 1.0, 4 bytes in 2.0 and
 * 3.0), then a Python dict literal padded with spaces and a newline so the payload starts at a
 * multiple of 64 bytes. Versions 1.0 and 2.0 encode the dict in latin-1, 3.0 in UTF-8.
 *
 * <p>Reading refuses, with an {@link NpyFormatException}: bad magic, another version, a header
 * over {@value #MAX_HEADER_BYTES} bytes (NumPy's own default cap), a dict that is not a plain
 * Python literal (parsed by {@link PyLiteralParser}, never evaluated), missing or extra keys,
 * and any dtype Tessel does not have (objects above all: they would need unpickling).
 *
 * @param dtype        the element type
 * @param order        the byte order of the payload ({@code |} types are reported as native)
 * @param fortranOrder whether the payload is in column-major order
 * @param shape        the dimensions
 * @param dataOffset   bytes before the payload (magic, version, length and dict)
 */
record NpyHeader(DType dtype, ByteOrder order, boolean fortranOrder, long[] shape, long dataOffset) {
    /** Headers longer than this are refused, as NumPy's {@code max_header_size} does by default. */
    static final int MAX_HEADER_BYTES = 10_000;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** Payload size in bytes; the shape was checked, so this cannot overflow. */
    long payloadBytes() {
        return Shape.size(shape) * dtype.itemSize();
    }

    /** Whether the payload must be byte-swapped into native order. */
    boolean needsSwap() {
        return dtype.itemSize() > 1 && order != ByteOrder.nativeOrder();
    }

    /** The NumPy {@code descr} string, e.g. {@code "<f8"} or {@code "|u1"}. */
    String descr() {
        char bo = dtype.itemSize() == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return bo + (dtype == DType.BOOL ? "b1" : dtype.typeCode());
    }

    // ---- reading ----

    /** Reads magic, version and dict from {@code in}, leaving it at the first payload byte. */
    static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] lead = readFully(in, 8, source, "magic and version");
        if (!Arrays.equals(Arrays.copyOf(lead, 6), MAGIC)) {
            throw new NpyFormatException(source + ": not a .npy file (bad magic " + hex(lead, 6)
                    + ", expected \\x93NUMPY)");
        }
        int major = lead[6] & 0xff;
        int minor = lead[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(source + ": unsupported .npy format version " + major + "." + minor
                    + " (Tessel reads 1.0, 2.0 and 3.0)");
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lenField = readFully(in, lenBytes, source, "header length");
        long headerLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            headerLen = (headerLen << 8) | (lenField[i] & 0xff);
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw new NpyFormatException(source + ": header is " + headerLen + " bytes, longer than the "
                    + MAX_HEADER_BYTES + "-byte limit");
        }
        byte[] dict = readFully(in, (int) headerLen, source, "header");
        String text = new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return fromDict(text, source, 8 + lenBytes + headerLen);
    }

    /** Parses and checks the dict text of a header. */
    static NpyHeader fromDict(String text, String source, long dataOffset) throws NpyFormatException {
        Object parsed;
        try {
            parsed = PyLiteralParser.parse(text);
        } catch (PyLiteralParser.SyntaxError e) {
            throw new NpyFormatException(source + ": header is not a valid Python literal dict: " + e.getMessage()
                    + " in " + snippet(text));
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new NpyFormatException(source + ": header is not a Python dict: " + snippet(text));
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new NpyFormatException(source + ": header is missing key '" + key + "': " + snippet(text));
            }
        }
        for (Object key : dict.keySet()) {
            if (!KEYS.contains(key)) {
                throw new NpyFormatException(source + ": header has unexpected key " + PyLiteralParser.repr(key)
                        + " (allowed: 'descr', 'fortran_order', 'shape')");
            }
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(source + ": header 'fortran_order' must be True or False, got "
                    + PyLiteralParser.repr(dict.get("fortran_order")));
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw new NpyFormatException(source + ": unsupported dtype " + PyLiteralParser.repr(descr)
                    + ": structured dtypes are not supported; Tessel reads " + NpyDescr.SUPPORTED);
        }
        DType dtype = NpyDescr.dtype(d, source);
        long[] shape = shape(dict.get("shape"), source);
        checkSize(shape, dtype, source);
        return new NpyHeader(dtype, NpyDescr.order(d), fortran, shape, dataOffset);
    }

    private static long[] shape(Object value, String source) throws NpyFormatException {
        if (!(value instanceof PyLiteralParser.Tuple(List<Object> items))) {
            throw new NpyFormatException(source + ": header 'shape' must be a tuple of integers, got "
                    + PyLiteralParser.repr(value));
        }
        if (items.size() > Shape.MAX_DIMS) {
            throw new NpyFormatException(source + ": shape has " + items.size() + " dimensions, more than "
                    + Shape.MAX_DIMS);
        }
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof BigInteger d)) {
                throw new NpyFormatException(source + ": header 'shape' must hold integers, got "
                        + PyLiteralParser.repr(items.get(i)) + " at position " + i);
            }
            if (d.signum() < 0) {
                throw new NpyFormatException(source + ": shape has a negative dimension " + d + " at position " + i);
            }
            if (d.bitLength() > 63) {
                throw new NpyFormatException(source + ": shape dimension " + d + " at position " + i
                        + " does not fit a 64-bit count");
            }
            shape[i] = d.longValue();
        }
        return shape;
    }

    private static void checkSize(long[] shape, DType dtype, String source) throws NpyFormatException {
        long n = dtype.itemSize();
        try {
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
        } catch (ArithmeticException e) {
            throw new NpyFormatException(source + ": shape " + Shape.format(shape) + " of " + dtype
                    + " overflows a 64-bit byte count");
        }
    }

    private static byte[] readFully(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new NpyFormatException(source + ": file ends inside the " + what + " (" + b.length + " of "
                    + n + " bytes)" + (what.startsWith("magic") ? "; not a .npy file" : ""));
        }
        return b;
    }

    // ---- writing ----

    /**
     * Magic, version, length and padded dict. Version 1.0 unless the dict needs more than 65535
     * bytes (2.0) or characters outside latin-1 (3.0); neither happens with Tessel's dtypes and
     * at most 64 dimensions, but the choice is made the way NumPy makes it.
     */
    byte[] encode() {
        String dict = "{'descr': '" + descr() + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + Shape.format(shape) + ", }";
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(dict);
        byte[] body = dict.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        int major = !latin1 ? 3 : padded(body.length, 2) > 0xffff ? 2 : 1;
        int lenBytes = major == 1 ? 2 : 4;
        int headerLen = padded(body.length, lenBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + lenBytes + headerLen);
        out.writeBytes(MAGIC);
        out.write(major);
        out.write(0);
        for (int i = 0; i < lenBytes; i++) {
            out.write((headerLen >>> (8 * i)) & 0xff);
        }
        out.writeBytes(body);
        out.writeBytes(" ".repeat(headerLen - body.length - 1).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        return out.toByteArray();
    }

    /** Dict length after padding with spaces and a newline to the 64-byte boundary. */
    private static int padded(int dictBytes, int lenBytes) {
        int unpadded = 8 + lenBytes + dictBytes + 1;
        return dictBytes + 1 + (ALIGN - unpadded % ALIGN) % ALIGN;
    }

    // ---- messages ----

    private static String snippet(String text) {
        String t = text.strip();
        return "\"" + (t.length() > 120 ? t.substring(0, 120) + "..." : t) + "\"";
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "NpyHeader[descr=" + descr() + ", fortran_order=" + fortranOrder + ", shape=" + Shape.format(shape) + "]";
    }
}
