package dev.tessel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the NumPy-generated files under {@code conformance/arrays/} at the repository root
 * (written by {@code conformance/gen_arrays.py}; Maven runs tests in the module directory).
 */
final class ConformanceData {
    private ConformanceData() {
    }

    static List<String> lines(String name) {
        Path p = Path.of("..", "conformance", "arrays", name);
        try {
            return Files.readAllLines(p).stream().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p.toAbsolutePath() + "; run python3 conformance/gen_arrays.py", e);
        }
    }

    static long[] longs(String csv) {
        String s = csv.strip();
        return s.isEmpty() ? new long[0] : Arrays.stream(s.split(",")).mapToLong(x -> Long.parseLong(x.strip())).toArray();
    }

    static int[] ints(String csv) {
        return Arrays.stream(longs(csv)).mapToInt(Math::toIntExact).toArray();
    }

    static double[] doubles(String spaced) {
        String s = spaced.strip();
        return s.isEmpty() ? new double[0] : Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code np.arange(prod(shape)).reshape(shape).astype(dtype)}. */
    static NdArray arange(DType dtype, long[] shape) {
        return Nd.arange(Shape.size(shape)).reshape(shape).astype(dtype);
    }

    /** An array of {@code dtype} and {@code shape} holding {@code values} (cast as NumPy's astype). */
    static NdArray of(DType dtype, long[] shape, double[] values) {
        return Nd.array(values).reshape(shape).astype(dtype);
    }
}
