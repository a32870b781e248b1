package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code .npz} archives from {@code np.savez}/{@code np.savez_compressed}, and archives Tessel writes. */
class NpzTest {
    @ParameterizedTest
    @ValueSource(strings = {"plain.npz", "compressed.npz", "positional.npz"})
    void loadsWhatNumPyWroteInOrder(String file) throws IOException {
        List<NpyManifest.Row> rows = NpyManifest.rows().stream().filter(r -> r.file().equals(file)).toList();
        Map<String, NdArray> arrays = Nd.loadz(NpyManifest.dataDir().resolve(file));
        assertEquals(rows.stream().map(NpyManifest.Row::key).toList(), List.copyOf(arrays.keySet()));
        for (NpyManifest.Row row : rows) {
            NpyManifest.assertMatches(row, arrays.get(row.key()));
        }
    }

    @Test
    void compressedAndPlainHoldTheSameArrays() throws IOException {
        Map<String, NdArray> plain = Nd.loadz(NpyManifest.dataDir().resolve("plain.npz"));
        Map<String, NdArray> packed = Nd.loadz(NpyManifest.dataDir().resolve("compressed.npz"));
        try (ZipFile z = new ZipFile(NpyManifest.dataDir().resolve("compressed.npz").toFile())) {
            assertEquals(ZipEntry.DEFLATED, z.getEntry("ints.npy").getMethod(), "the fixture must really be deflated");
        }
        for (String k : plain.keySet()) {
            assertArrayEquals(NpyManifest.values(plain.get(k)), NpyManifest.values(packed.get(k)), k);
        }
    }

    @Test
    void savesStoredEntriesThatLoadBack(@TempDir Path tmp) throws IOException {
        Map<String, NdArray> in = arrays();
        Path p = tmp.resolve("a.npz");
        Nd.savez(p, in);
        try (ZipFile z = new ZipFile(p.toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().forEach(e -> {
                names.add(e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
            });
            assertEquals(List.of("zeta.npy", "alpha.npy", "grid/f.npy", "empty.npy", "flag.npy"), names);
        }
        Map<String, NdArray> out = Nd.loadz(p);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        for (String k : in.keySet()) {
            assertEquals(in.get(k).dtype(), out.get(k).dtype(), k);
            assertArrayEquals(in.get(k).shape(), out.get(k).shape(), k);
            assertArrayEquals(NpyManifest.doubles(in.get(k)), NpyManifest.doubles(out.get(k)), k);
        }
        assertTrue(out.get("grid/f").isFContiguous() && !out.get("grid/f").isCContiguous());
    }

    @Test
    void numpyReadsWhatTesselWrote(@TempDir Path tmp) throws Exception {
        assumeTrue(NpyTest.NumPyProcess.available(), "python3 with numpy not available");
        Map<String, NdArray> in = arrays();
        Nd.savez(tmp.resolve("t.npz"), in);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, NdArray> e : in.entrySet()) {
            NdArray a = e.getValue();
            lines.add(new NpyManifest.Row("t.npz", e.getKey(), NpyTest.descr(a.dtype()), a.isFContiguous() && !a.isCContiguous(),
                    a.shape(), NpyManifest.values(a)).line());
        }
        Files.write(tmp.resolve("manifest.tsv"), lines);
        NpyTest.NumPyProcess.check(tmp, lines.size());
    }

    @Test
    void refusesKeysThatAreNotPlainNames(@TempDir Path tmp) {
        for (String bad : List.of("../x", "/abs", "a//b", "", "a\\b")) {
            Map<String, NdArray> m = Map.of(bad, Nd.zeros(2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nd.savez(tmp.resolve("b.npz"), m));
            assertTrue(e.getMessage().startsWith("cannot save array under key '" + bad + "'"), e.getMessage());
        }
    }

    private static Map<String, NdArray> arrays() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("zeta", NpyTest.sample(DType.INT16, new long[] {3, 4}));
        m.put("alpha", Nd.scalar(2.5, DType.FLOAT16));
        m.put("grid/f", NpyTest.sample(DType.FLOAT32, new long[] {2, 5}).T());
        m.put("empty", Nd.zeros(DType.UINT8, 0, 4));
        m.put("flag", NpyTest.sample(DType.BOOL, new long[] {4}));
        return m;
    }
}
