package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and unsupported {@code .npy}/{@code .npz} files: each is refused with an
 * {@link NpyFormatException} whose message names the problem. Byte-level cases are built here;
 * files NumPy itself writes (object, complex, unicode, structured dtypes; odd zip archives)
 * come from {@code conformance/gen_npy.py}.
 */
class NpyBadInputTest {
    private static final String GOOD = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";

    static Stream<Arguments> malformedNpy() {
        return Stream.of(
                Arguments.of("bad magic", replace(npy(1, GOOD, 48), 1, 'X'), "not a .npy file (bad magic 9358554d5059, expected \\x93NUMPY)"),
                Arguments.of("text file", "hello, world\n".getBytes(StandardCharsets.US_ASCII), "not a .npy file (bad magic"),
                Arguments.of("empty file", new byte[0], "file ends inside the magic and version (0 of 8 bytes)"),
                Arguments.of("version 4.0", replace(npy(1, GOOD, 48), 6, 4), "unsupported .npy format version 4.0"),
                Arguments.of("version 1.1", replace(npy(1, GOOD, 48), 7, 1), "unsupported .npy format version 1.1"),
                Arguments.of("header over 10000 bytes", npy(2, GOOD + " ".repeat(10_000), 48),
                        "header is 10100 bytes, longer than the 10000-byte limit"),
                Arguments.of("truncated header", Arrays.copyOf(npy(1, GOOD, 48), 40), "file ends inside the header (30 of 118 bytes)"),
                Arguments.of("missing comma", npy(1, "{'descr': '<f8' 'fortran_order': False, 'shape': (2, 3), }", 48),
                        "header is not a valid Python literal dict: expected ',' or '}' at offset 16"),
                Arguments.of("code, not a literal", npy(1, "__import__('os').system('echo owned')", 48),
                        "header is not a valid Python literal dict: '__import__' is not a literal"),
                Arguments.of("list, not dict", npy(1, "['<f8', False, (2, 3)]", 48), "header is not a Python dict"),
                Arguments.of("missing key", npy(1, "{'descr': '<f8', 'fortran_order': False, }", 48), "header is missing key 'shape'"),
                Arguments.of("extra key", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'x': 1}", 48),
                        "header has unexpected key 'x'"),
                Arguments.of("duplicate key", npy(1, "{'descr': '<f8', 'descr': '<i4', 'fortran_order': False, 'shape': (2, 3)}", 48),
                        "duplicate key 'descr'"),
                Arguments.of("fortran_order not bool", npy(1, GOOD.replace("False", "1"), 48),
                        "header 'fortran_order' must be True or False, got 1"),
                Arguments.of("shape not a tuple", npy(1, GOOD.replace("(2, 3)", "(6)"), 48),
                        "header 'shape' must be a tuple of integers, got 6"),
                Arguments.of("float in shape", npy(1, GOOD.replace("(2, 3)", "(2.0, 3)"), 48), "only plain integers are allowed"),
                Arguments.of("negative dimension", npy(1, GOOD.replace("(2, 3)", "(2, -3)"), 48),
                        "shape has a negative dimension -3 at position 1"),
                Arguments.of("dimension beyond 64 bits", npy(1, GOOD.replace("(2, 3)", "(" + "9".repeat(25) + ",)"), 48),
                        "does not fit a 64-bit count"),
                Arguments.of("size overflow", npy(1, GOOD.replace("(2, 3)", "(4294967296, 4294967296)"), 48),
                        "shape (4294967296, 4294967296) of float64 overflows a 64-bit byte count"),
                Arguments.of("65 dimensions", npy(1, GOOD.replace("(2, 3)", "(" + "1, ".repeat(65) + ")"), 8),
                        "shape has 65 dimensions, more than 64"),
                Arguments.of("'|' on a 4-byte type", npy(1, GOOD.replace("<f8", "|i4"), 24),
                        "unsupported dtype '|i4' (byte order '|' is only for one-byte types)"),
                Arguments.of("structured descr", npy(1, GOOD.replace("'<f8'", "[('a', '<f8')]"), 48), "structured dtypes are not supported"),
                Arguments.of("payload too short", npy(1, GOOD, 40),
                        "payload is 40 bytes but shape (2, 3) of float64 needs 48 (file is truncated)"),
                Arguments.of("payload too long", npy(1, GOOD, 56), "payload is 56 bytes but shape (2, 3) of float64 needs 48 (trailing bytes)"),
                Arguments.of("huge shape, no data", npy(1, GOOD.replace("(2, 3)", "(1099511627776,)"), 0),
                        "payload is 0 bytes but shape (1099511627776,) of float64 needs 8796093022208 (file is truncated)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNpy")
    void loadRefuses(String what, byte[] file, String message, @TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("bad.npy");
        Files.write(p, file);
        assertRefused(() -> Nd.load(p), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNpy")
    void mmapRefuses(String what, byte[] file, String message, @TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("bad.npy");
        Files.write(p, file);
        assertRefused(() -> Nd.mmap(p), message);
    }

    static Stream<Arguments> numpyMadeBadFiles() {
        return Stream.of(
                Arguments.of("object.npy", "object arrays (dtype '|O') are refused: reading them would unpickle Python objects"),
                Arguments.of("complex.npy", "unsupported dtype '<c16' (complex)"),
                Arguments.of("unicode.npy", "unsupported dtype '<U3' (unicode string)"),
                Arguments.of("uint32.npy", "unsupported dtype '<u4' (unsigned integer wider than 8 bits)"),
                Arguments.of("structured.npy", "unsupported dtype [('a', '<i4'), ('b', '<f8')]: structured dtypes are not supported"),
                Arguments.of("traversal.npz", "entry '../x.npy' is refused: it contains a '..' path segment (path traversal)"),
                Arguments.of("absolute.npz", "entry '/abs.npy' is refused: it is an absolute path"),
                Arguments.of("notnpy.npz", "entry 'notes.txt' does not end in .npy"),
                Arguments.of("duplicate.npz", "duplicate entry 'a.npy' in the archive"),
                Arguments.of("notzip.npz", "not a readable .npz (zip) archive"),
                Arguments.of("truncated_entry.npz", "entry 'a.npy': payload is 10 bytes but shape (3,) of int32 needs 12"),
                Arguments.of("object_entry.npz", "entry 'o.npy': object arrays (dtype '|O') are refused"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyMadeBadFiles")
    void numpyMadeFilesAreRefused(String file, String message) {
        Path p = NpyManifest.dataDir().resolve("bad").resolve(file);
        assertRefused(() -> {
            if (file.endsWith(".npz")) {
                Nd.loadz(p);
            } else {
                Nd.load(p);
            }
        }, message);
    }

    @Test
    void writingThroughAMapFails(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("a.npy");
        Nd.save(p, Nd.arange(4, DType.INT32));
        NdArray m = Nd.mmap(p);
        ReadOnlyArrayException e = assertThrows(ReadOnlyArrayException.class, () -> m.set(5L, 2));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertThrows(ReadOnlyArrayException.class, () -> m.fill(0));
    }

    private interface Load {
        void run() throws IOException;
    }

    private static void assertRefused(Load load, String message) {
        NpyFormatException e = assertThrows(NpyFormatException.class, load::run);
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    /** A {@code .npy} with the given dict, padded as NumPy pads, and {@code payload} zero bytes. */
    static byte[] npy(int major, String dict, int payload) {
        byte[] body = dict.getBytes(StandardCharsets.ISO_8859_1);
        int lenBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lenBytes + body.length + 1;
        int headerLen = body.length + 1 + (64 - unpadded % 64) % 64;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        for (int i = 0; i < lenBytes; i++) {
            out.write((headerLen >>> (8 * i)) & 0xff);
        }
        out.writeBytes(body);
        out.writeBytes(" ".repeat(headerLen - body.length - 1).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        out.writeBytes(new byte[payload]);
        return out.toByteArray();
    }

    private static byte[] replace(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }
}
