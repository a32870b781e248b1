package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumpyPeerTest {
    @Test
    void requestListsEachCaseOnce() {
        List<Measurement> ms = List.of(new Measurement("b", "add", "float32", 1000, "simd", 1, 1, 0),
                new Measurement("b", "add", "float32", 1000, "scalar", 2, 1, 0));
        Map<?, ?> request = (Map<?, ?>) JsonParser.parse(NumpyPeer.request(ms.subList(0, 1), 0.1, 5));
        assertEquals(1.0, request.get("protocol"));
        assertEquals(0.1, request.get("min_seconds"));
        assertEquals(List.of(Map.of("op", "add", "dtype", "float32", "size", 1000.0)), request.get("cases"));
    }

    @Test
    void readsTheRecordedReply() {
        NumpyPeer.Timings t = Samples.numpy();
        assertEquals("NumPy 2.4.6 (BLAS: scipy-openblas), Python 3.11.7", t.versions());
        assertEquals(1.2289263200000277e-06, t.seconds().get("copy/float32/1000"));
        assertEquals(4, t.seconds().size());
        assertEquals(List.of(), t.skipped());
    }

    @Test
    void rejectsAnotherProtocol() {
        assertThrows(NumpyPeer.PeerFailure.class, () -> NumpyPeer.parse("{\"protocol\": 2, \"results\": []}"));
    }

    @Test
    void runsTheScriptWhenNumpyIsInstalled(@TempDir Path dir) throws Exception {
        assumeTrue(new ProcessBuilder(NumpyPeer.python(), "-c", "import numpy").start().waitFor() == 0,
                "python3 with NumPy is not installed");
        List<Measurement> ms = List.of(new Measurement("b", "sum_axis1", "float64", 1000, "simd", 1, 1, 0),
                new Measurement("b", "no_such_op", "float32", 10, "simd", 1, 1, 0));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        NumpyPeer.Timings t = NumpyPeer.run(ms, 0.01, 2, dir.resolve("numpy.json"),
                new PrintStream(console, true, StandardCharsets.UTF_8), false);
        assertEquals(List.of("sum_axis1/float64/1000"), List.copyOf(t.seconds().keySet()));
        assertTrue(t.seconds().get("sum_axis1/float64/1000") > 0);
        assertEquals(1, t.skipped().size());
        assertTrue(t.skipped().get(0).startsWith("no_such_op/float32/10: unsupported"), t.skipped().get(0));
        assertTrue(Files.readString(dir.resolve("numpy.json")).contains("\"protocol\": 1"));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[2/2] NumPy no_such_op float32 10"), console.toString());
    }
}
