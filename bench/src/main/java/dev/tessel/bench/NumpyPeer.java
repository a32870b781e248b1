package dev.tessel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code bench/numpy_peer.py} on the same cases (op, dtype, size) in the same run and
 * reads its timings; the script's docstring defines the JSON protocol. NumPy runs on one
 * thread (the BLAS thread variables are set to 1 by the script and here), which is what
 * "vs NumPy" compares against whatever thread count Tessel used. The interpreter is
 * {@code python3}, or {@code -Dbench.python=...} (not a {@code tessel.*} key: those are
 * checked by Tessel's configuration, which rejects keys it does not know).
 */
final class NumpyPeer {
    static final String SCRIPT = "numpy_peer.py";

    /**
     * The peer's answer.
     *
     * @param versions "NumPy 2.4.0 (BLAS: openblas), Python 3.12"
     * @param seconds NumPy's time per op by {@link Measurement#caseKey}
     * @param skipped cases the peer could not run, with its reason
     */
    record Timings(String versions, Map<String, Double> seconds, List<String> skipped) {
        static Timings none(String why) {
            return new Timings(why, Map.of(), List.of());
        }
    }

    private NumpyPeer() {}

    /** The script, looked up from the repository root or from inside {@code bench/}. */
    static Path findScript() {
        for (Path p : List.of(Path.of("bench", SCRIPT), Path.of(SCRIPT))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static String python() {
        return System.getProperty("bench.python", "python3");
    }

    /** Times {@code cases} (op, dtype, size triples, deduplicated) in NumPy; never throws for a missing peer. */
    static Timings run(List<Measurement> cases, double minSeconds, int repeats, Path replyFile, PrintStream console,
            boolean terminal) {
        Path script = findScript();
        if (script == null) {
            return Timings.none("NumPy peer skipped: " + SCRIPT + " not found (run from the repository root)");
        }
        List<Measurement> unique = unique(cases);
        ProgressLine progress = new ProgressLine(console, terminal, unique.size(), minSeconds * (repeats + 1) + 0.1);
        try {
            String reply = exchange(script, request(unique, minSeconds, repeats), progress);
            Files.writeString(replyFile, reply);
            return parse(reply);
        } catch (IOException e) {
            return Timings.none("NumPy peer skipped: could not run " + python() + " (" + e.getMessage() + ")");
        } catch (PeerFailure e) {
            return Timings.none("NumPy peer skipped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Timings.none("NumPy peer interrupted");
        } finally {
            progress.close();
        }
    }

    private static List<Measurement> unique(List<Measurement> cases) {
        Map<String, Measurement> byKey = new LinkedHashMap<>();
        for (Measurement m : cases) {
            byKey.putIfAbsent(m.caseKey(), m);
        }
        return List.copyOf(byKey.values());
    }

    static String request(List<Measurement> cases, double minSeconds, int repeats) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "{\"protocol\": 1, \"min_seconds\": %s, \"repeats\": %d, \"cases\": [", minSeconds, repeats));
        for (int i = 0; i < cases.size(); i++) {
            Measurement m = cases.get(i);
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"op\": \"%s\", \"dtype\": \"%s\", \"size\": %d}", m.op(), m.dtype(), m.size()));
        }
        return s.append("]}").toString();
    }

    private static String exchange(Path script, String request, ProgressLine progress)
            throws IOException, InterruptedException, PeerFailure {
        ProcessBuilder pb = new ProcessBuilder(python(), script.toString());
        for (String v : Set.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(v, "1");
        }
        Process p = pb.start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(p.inputReader(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        try (Writer in = p.outputWriter(StandardCharsets.UTF_8)) {
            in.write(request);
        }
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            boolean started = false;
            for (String line; (line = err.readLine()) != null; ) {
                if (line.startsWith("case ")) {
                    if (started) {
                        progress.finish();
                    }
                    started = true;
                    progress.start("NumPy " + line.substring(line.indexOf(' ', 5) + 1));
                } else {
                    errors.add(line);
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            String last = errors.isEmpty() ? "no message" : errors.get(errors.size() - 1);
            throw new PeerFailure(python() + " " + script + " exited with " + rc + ": " + last);
        }
        return stdout.join();
    }

    private static String readAll(BufferedReader r) {
        StringBuilder s = new StringBuilder();
        try (r) {
            for (String line; (line = r.readLine()) != null; ) {
                s.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return s.toString();
    }

    /** Reads the peer's reply (protocol 1). */
    static Timings parse(String reply) throws PeerFailure {
        if (!(JsonParser.parse(reply.trim()) instanceof Map<?, ?> root) || !Double.valueOf(1).equals(root.get("protocol"))) {
            throw new PeerFailure("reply is not protocol 1 JSON");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Object o : (List<?>) root.get("results")) {
            Map<?, ?> r = (Map<?, ?>) o;
            seconds.put(key(r), (Double) r.get("seconds"));
        }
        List<String> skipped = new ArrayList<>();
        if (root.get("skipped") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> r = (Map<?, ?>) o;
                skipped.add(key(r) + ": " + r.get("reason"));
            }
        }
        String versions = "NumPy " + root.get("numpy") + " (BLAS: " + root.get("blas") + "), Python " + root.get("python");
        return new Timings(versions, seconds, skipped);
    }

    private static String key(Map<?, ?> r) {
        return Measurement.caseKey((String) r.get("op"), (String) r.get("dtype"), ((Double) r.get("size")).longValue());
    }

    /** The peer ran but did not answer as the protocol says. */
    static final class PeerFailure extends Exception {
        PeerFailure(String message) {
            super(message);
        }
    }
}
