package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The manifest format shared with {@code conformance/gen_npy.py} and {@code check_npy.py}: one
 * tab-separated row per array (file, key, descr, fortran, shape, values in C order).
 */
final class NpyManifest {
    record Row(String file, String key, String descr, boolean fortran, long[] shape, String[] values) {
        @Override
        public String toString() {
            return key.equals("-") ? file : file + ":" + key;
        }

        DType dtype() {
            return DType.of(descr.substring(1));
        }

        String line() {
            String s = shape.length == 0 ? "-" : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(","));
            return String.join("\t", file, key, descr, fortran ? "1" : "0", s, String.join(" ", values));
        }
    }

    private NpyManifest() {
    }

    /** {@code conformance/npy}, found from the module directory Maven runs tests in. */
    static Path dataDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("conformance/npy");
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        throw new IllegalStateException("conformance/npy not found above " + Path.of("").toAbsolutePath()
                + "; run python3 conformance/gen_npy.py");
    }

    static List<Row> read(Path manifest) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long[] shape = f[4].equals("-") ? new long[0] : Arrays.stream(f[4].split(",")).mapToLong(Long::parseLong).toArray();
            String[] values = f[5].isEmpty() ? new String[0] : f[5].split(" ");
            rows.add(new Row(f[0], f[1], f[2], f[3].equals("1"), shape, values));
        }
        return rows;
    }

    static List<Row> rows() throws IOException {
        return read(dataDir().resolve("manifest.tsv"));
    }

    /** Values of {@code a} in C order as the manifest spells them (Java's float text parses in Python). */
    static String[] values(NdArray a) {
        if (a.dtype().isFloating()) {
            return Arrays.stream(doubles(a)).mapToObj(Double::toString).toArray(String[]::new);
        }
        return Arrays.stream(longs(a)).mapToObj(Long::toString).toArray(String[]::new);
    }

    // Element by element rather than toDoubleArray(): the bulk copy does not handle 0-d and
    // empty arrays yet, and this keeps the I/O tests independent of the copy loops.
    static double[] doubles(NdArray a) {
        double[] out = new double[Math.toIntExact(a.size())];
        long[] idx = new long[a.ndim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getDouble(idx);
            next(idx, a.shape());
        }
        return out;
    }

    static long[] longs(NdArray a) {
        long[] out = new long[Math.toIntExact(a.size())];
        long[] idx = new long[a.ndim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getLong(idx);
            next(idx, a.shape());
        }
        return out;
    }

    private static void next(long[] idx, long[] shape) {
        for (int d = idx.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    /** Asserts dtype, shape, layout and exact values (NaN equals NaN; -0.0 differs from 0.0). */
    static void assertMatches(Row row, NdArray a) {
        assertEquals(row.dtype(), a.dtype(), row + " dtype");
        assertArrayEquals(row.shape(), a.shape(), row + " shape");
        assertEquals(row.fortran(), a.isFContiguous() && !a.isCContiguous(), row + " fortran layout");
        if (a.dtype().isFloating()) {
            double[] got = doubles(a);
            double[] want = Arrays.stream(row.values()).mapToDouble(NpyManifest::parseFloat).toArray();
            assertEquals(want.length, got.length, row + " size");
            for (int i = 0; i < want.length; i++) {
                assertEquals(0, Double.compare(want[i], got[i]), row + " element " + i + ": " + got[i] + " != " + want[i]);
            }
        } else {
            long[] want = Arrays.stream(row.values()).mapToLong(Long::parseLong).toArray();
            assertArrayEquals(want, longs(a), row + " values");
        }
    }

    private static double parseFloat(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
