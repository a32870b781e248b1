package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code .npy} files written by NumPy ({@code conformance/gen_npy.py}) and files Tessel writes for NumPy. */
class NpyTest {
    static Stream<NpyManifest.Row> npyRows() throws IOException {
        return NpyManifest.rows().stream().filter(r -> r.key().equals("-"));
    }

    static Stream<NpyManifest.Row> nativeVersion1Rows() throws IOException {
        return npyRows().filter(r -> !r.descr().startsWith(">") && !r.file().startsWith("version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyRows")
    void loadsWhatNumPyWrote(NpyManifest.Row row) throws IOException {
        NpyManifest.assertMatches(row, Nd.load(NpyManifest.dataDir().resolve(row.file())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyRows")
    void mapsWhatNumPyWroteReadOnly(NpyManifest.Row row) throws IOException {
        Path file = NpyManifest.dataDir().resolve(row.file());
        boolean foreignOrder = row.descr().startsWith(">");
        if (foreignOrder) {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Nd.mmap(file));
            assertTrue(e.getMessage().contains("cannot memory-map dtype '" + row.descr() + "'")
                    && e.getMessage().contains("Nd.load"), e.getMessage());
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            NdArray a = Nd.mmap(file, arena);
            NpyManifest.assertMatches(row, a);
            assertFalse(a.isWritable());
            if (a.size() > 0) {
                long[] first = new long[a.ndim()];
                assertThrows(ReadOnlyArrayException.class, () -> a.set(1.0, first));
            }
        }
    }

    /** NumPy's and Tessel's writers agree to the byte for native-order, version 1.0 files. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeVersion1Rows")
    void rewritesNativeFilesByteForByte(NpyManifest.Row row, @TempDir Path tmp) throws IOException {
        Path original = NpyManifest.dataDir().resolve(row.file());
        Path copy = tmp.resolve("copy.npy");
        Nd.save(copy, Nd.load(original));
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), row.toString());
    }

    @Test
    void bigEndianLoadsIntoNativeStorage() throws IOException {
        NdArray a = Nd.load(NpyManifest.dataDir().resolve("i4_be_C_m23.npy"));
        NdArray b = Nd.load(NpyManifest.dataDir().resolve("i4_le_C_m23.npy"));
        assertArrayEquals(NpyManifest.longs(b), NpyManifest.longs(a));
        assertEquals(-999899997, a.getLong(0, 1));
    }

    @Test
    void boolBytesOtherThanZeroAndOneLoadAsTrue(@TempDir Path tmp) throws IOException {
        byte[] file = NpyBadInputTest.npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }", 4);
        file[file.length - 3] = 2;
        file[file.length - 2] = (byte) 0xff;
        file[file.length - 1] = 1;
        Path p = tmp.resolve("b.npy");
        Files.write(p, file);
        NdArray a = Nd.load(p);
        assertArrayEquals(new long[] {0, 1, 1, 1}, NpyManifest.longs(a));
        assertArrayEquals(new long[] {0, 2, -1, 1}, NpyManifest.longs(Nd.mmap(p)), "a map shows the raw bytes");
    }

    @Test
    void readsNativeByteOrderMarkAndVersion3Header(@TempDir Path tmp) throws IOException {
        byte[] file = NpyBadInputTest.npy(3, "{'descr': '=i2', 'fortran_order': True, 'shape': (2, 2), }", 8);
        for (int i = 0; i < 4; i++) {
            file[file.length - 8 + 2 * i] = (byte) (10 + i);
        }
        Path p = tmp.resolve("v3.npy");
        Files.write(p, file);
        NdArray a = Nd.load(p);
        assertEquals(DType.INT16, a.dtype());
        assertArrayEquals(new long[] {10, 12, 11, 13}, NpyManifest.longs(a), "Fortran payload read back in C order");
    }

    @Test
    void savingOverAMappedFileLeavesTheMapIntact(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("m.npy");
        Nd.save(p, Nd.arange(1000, DType.FLOAT64));
        NdArray mapped = Nd.mmap(p);
        Nd.save(p, Nd.arange(3, DType.INT8));
        assertEquals(999.0, mapped.getDouble(999));
        assertArrayEquals(new long[] {0, 1, 2}, NpyManifest.longs(Nd.load(p)));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(p), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void writesLayoutsAsNumPyDoes(@TempDir Path tmp) throws IOException {
        NdArray c = Nd.arange(6, DType.FLOAT32).reshape(2, 3);
        Path p = tmp.resolve("a.npy");
        Nd.save(p, c.T());
        NdArray f = Nd.load(p);
        assertTrue(f.isFContiguous() && !f.isCContiguous());
        assertArrayEquals(NpyManifest.doubles(c.T()), NpyManifest.doubles(f));
        Nd.save(p, Nd.arange(12, DType.INT16).reshape(3, 4).permute(1, 0).reshape(4, 3).T());
        assertTrue(header(p).contains("'fortran_order': False"), header(p));
    }

    @Test
    void nonContiguousViewsAreWrittenAsCCopies(@TempDir Path tmp) throws IOException {
        NdArray a = Nd.arange(24, DType.INT64).reshape(2, 3, 4).permute(1, 0, 2);
        Path p = tmp.resolve("a.npy");
        Nd.save(p, a);
        assertTrue(header(p).contains("'fortran_order': False, 'shape': (3, 2, 4)"), header(p));
        assertArrayEquals(NpyManifest.longs(a), NpyManifest.longs(Nd.load(p)));
        NdArray b = Nd.scalar(7.5, DType.FLOAT64).broadcastTo(2, 2);
        Nd.save(p, b);
        assertArrayEquals(new double[] {7.5, 7.5, 7.5, 7.5}, NpyManifest.doubles(Nd.load(p)));
    }

    private static String header(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        return new String(b, 10, Math.min(b.length, 128) - 10, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // ---- Tessel writes, NumPy reads ----

    @Test
    void numpyReadsWhatTesselWrote(@TempDir Path tmp) throws Exception {
        assumeTrue(NumPyProcess.available(), "python3 with numpy not available");
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (DType t : DType.values()) {
            for (long[] shape : new long[][] {{}, {0}, {5}, {2, 3}, {2, 3, 4}, {3, 0}}) {
                NdArray c = sample(t, shape);
                // copy('F') of an empty array is left out: the bulk copy cannot do empty arrays yet.
                List<NdArray> layouts = c.size() == 0 ? List.of(c, c.T()) : List.of(c, c.copy('F'), c.T(), stepped(c));
                for (NdArray a : layouts) {
                    String name = "t" + (n++) + ".npy";
                    Nd.save(tmp.resolve(name), a);
                    lines.add(new NpyManifest.Row(name, "-", descr(t), a.isFContiguous() && !a.isCContiguous(), a.shape(),
                            NpyManifest.values(a)).line());
                }
            }
        }
        Files.write(tmp.resolve("manifest.tsv"), lines);
        NumPyProcess.check(tmp, lines.size());
    }

    /** The same values in a view that is neither C- nor F-contiguous: every other element of a wider buffer. */
    private static NdArray stepped(NdArray c) {
        long[] strides = Shape.cStrides(c.shape());
        for (int i = 0; i < strides.length; i++) {
            strides[i] *= 2;
        }
        NdArray v = Nd.zeros(c.dtype(), c.size() * 2).view(c.shape(), strides, 1);
        return v.assign(c);
    }

    /** Values with the edge cases of each dtype: wraparound, negatives, NaN, infinities, -0.0. */
    static NdArray sample(DType t, long[] shape) {
        long n = Shape.size(shape);
        NdArray a = Nd.zeros(t, n);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0};
        for (long i = 0; i < n; i++) {
            if (t.isFloating() && i < specials.length) {
                a.set(specials[(int) i], i);
            } else if (t.isFloating()) {
                a.set(i / 7.0 - 1, i);
            } else {
                a.set(i * 1_234_567_891L - 5, i);
            }
        }
        return a.reshape(shape);
    }

    static String descr(DType t) {
        return t.itemSize() == 1 ? "|" + (t == DType.BOOL ? "b1" : t.typeCode()) : "<" + t.typeCode();
    }

    /** Runs {@code conformance/check_npy.py} over a directory Tessel wrote. */
    static final class NumPyProcess {
        private NumPyProcess() {
        }

        static boolean available() {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        static void check(Path dir, int rows) throws IOException, InterruptedException {
            Path script = NpyManifest.dataDir().getParent().resolve("check_npy.py");
            Process p = new ProcessBuilder("python3", script.toString(), dir.toString()).redirectErrorStream(true).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes());
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, "check_npy.py timed out");
            assertEquals(0, p.exitValue(), out);
            assertEquals("ok " + rows, out.strip());
        }
    }
}
