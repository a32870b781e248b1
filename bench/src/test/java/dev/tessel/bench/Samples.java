package dev.tessel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recorded inputs shared by the tests: {@code jmh-bandwidth-sample.json} is JMH's JSON from a
 * real two-thread run of {@link BandwidthBench} (copy and triad, float32, 1e3 and 1e5), and
 * {@code numpy-peer-sample.json} the NumPy peer's reply for the same cases.
 */
final class Samples {
    private Samples() {}

    static String resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Measurement> jmh() {
        return JmhResults.parse(resource("jmh-bandwidth-sample.json"));
    }

    static NumpyPeer.Timings numpy() {
        try {
            return NumpyPeer.parse(resource("numpy-peer-sample.json"));
        } catch (NumpyPeer.PeerFailure e) {
            throw new IllegalStateException(e);
        }
    }

    /** Round limits that make expected percentages easy to derive by hand. */
    static MachineLimits limits() {
        return new MachineLimits(new TreeMap<>(Map.of(1, 10.0, 2, 20.0)), new TreeMap<>(Map.of(1, 8.0, 2, 16.0)),
                50.0, 25.0, "");
    }
}
