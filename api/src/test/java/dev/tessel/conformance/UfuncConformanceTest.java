package dev.tessel.conformance;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.ReduceOptions;
import dev.tessel.Reductions;
import dev.tessel.Ufunc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ufunc, reduction and matrix product against NumPy 2.4's outputs, case by case, from
 * {@code conformance/ufuncs} (written by {@code conformance/gen_ufuncs.py}): each dtype loop
 * on random values, on all pairs of special values (NaN, ±inf, ±0, subnormals, the largest
 * and smallest finite values, integer minimum and maximum, domain edges), and on contiguous,
 * strided, negative-stride, transposed, Fortran-order, broadcast, 0-d and empty layouts.
 *
 * <p>Integers and booleans must match exactly. Floats must be within the ULP bound of the op
 * below, in units of their own dtype; NaN matches NaN, infinities and the sign of zero must
 * match exactly.
 *
 * <table>
 * <caption>ULP bounds for elementwise ufuncs (float64 / float32 / float16)</caption>
 * <tr><th>ufuncs</th><th>bound</th><th>why</th></tr>
 * <tr><td>add, subtract, multiply, divide, true_divide, floor_divide, remainder, fmod, divmod,
 *   negative, positive, absolute, sign, reciprocal, square, sqrt, floor, ceil, trunc, rint,
 *   maximum, minimum, fmax, fmin, clip, copysign, nextafter, comparisons, logical and bitwise
 *   ops, shifts, where, isnan, isinf, isfinite, signbit</td><td>0 / 0 / 0</td>
 *   <td>correctly rounded or exact in IEEE arithmetic, so Tessel and NumPy agree bit for bit</td></tr>
 * <tr><td>deg2rad, rad2deg, hypot, cbrt, power, float_power, exp2</td><td>1 / 1 / 1</td>
 *   <td>one rounding of a product, or a function both sides compute to within 1 ULP</td></tr>
 * <tr><td>exp, expm1, log, log2, log10, log1p, sin, cos, tan, arcsin, arccos, arctan, arctan2,
 *   sinh, cosh, tanh, arcsinh, arccosh, arctanh, logaddexp, logaddexp2</td><td>2 / 3 / 1</td>
 *   <td>NumPy's vectorized float32 loops are up to 2 ULP from the correctly rounded result
 *   (observed: exp, log10, arctan2, logaddexp), its float64 ones up to 1; Tessel computes in
 *   double with {@link Math} (within 1 ULP) and rounds once. One ULP of margin on each.</td></tr>
 * </table>
 *
 * <p>Reductions, accumulations and matrix products (the {@code reduce}, {@code accumulate},
 * {@code named}, {@code matmul} and {@code dot} cases): {@link #REDUCTION_ULPS} ULP, or an
 * absolute error of {@code 4 · eps · √n · max(1, ln n) · max(1, max|x|)} (with {@code max|x|²}
 * for products), n being the input size: NumPy's order of summation (pairwise per run,
 * row-accumulating across rows, BLAS blocking for matmul) is not exactly Tessel's, and a sum
 * that cancels to near zero has no meaningful relative error. Integer and boolean results of
 * these are still exact.
 */
class UfuncConformanceTest {
    static final Path DIR = Path.of("..", "conformance", "ufuncs");
    private static final Map<String, Map<String, NdArray>> FILES = new ConcurrentHashMap<>();

    /** ULP bounds of elementwise ufuncs not exact in IEEE arithmetic: float64, float32, float16. */
    static final Map<String, long[]> ULPS = new HashMap<>();

    static {
        for (String n : List.of("deg2rad", "rad2deg", "hypot", "cbrt", "float_power", "power", "exp2")) {
            ULPS.put(n, new long[] {1, 1, 1});
        }
        for (String n : List.of("exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin",
                "arccos", "arctan", "arctan2", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "logaddexp",
                "logaddexp2")) {
            ULPS.put(n, new long[] {2, 3, 1});
        }
    }

    static final long REDUCTION_ULPS = 4;

    static Stream<String[]> cases() throws IOException {
        List<String[]> rows = new ArrayList<>();
        // -Dconformance.kinds=ufunc,reduce narrows a run to those case kinds (the gpu module's
        // opt-in run through the GPU backend takes the elementwise ones).
        String kinds = System.getProperty("conformance.kinds", "");
        List<String> only = kinds.isBlank() ? List.of() : List.of(kinds.split(","));
        for (String line : Files.readAllLines(DIR.resolve("manifest.tsv"))) {
            if (!line.isBlank()) {
                String[] row = line.split("\t", -1);
                if (only.isEmpty() || only.contains(row[2])) {
                    rows.add(row);
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}:{1} {2} {3} {5}")
    @MethodSource("cases")
    void matchesNumPy(String file, String id, String kind, String name, String views, String params) {
        Map<String, NdArray> arrays = FILES.computeIfAbsent(file, UfuncConformanceTest::load);
        Map<String, String> p = parseParams(params);
        NdArray[] in = inputs(arrays, id, views);
        NdArray[] actual = run(kind, name, in, p, arrays, id);
        for (int k = 0; k < actual.length; k++) {
            NdArray expected = arrays.get(id + "_r" + k);
            long[] ulps = bound(kind, name);
            long u = ulps[expected.dtype() == DType.FLOAT64 ? 0 : expected.dtype() == DType.FLOAT32 ? 1 : 2];
            double abs = kind.equals("ufunc") ? 0 : absoluteBound(kind, in, expected);
            assertNull(UlpComparison.compare(expected, actual[k], u, abs), () -> file + ":" + id + " " + name + " output");
        }
    }

    private static NdArray[] run(String kind, String name, NdArray[] in, Map<String, String> p,
                                 Map<String, NdArray> arrays, String id) {
        return switch (kind) {
            case "ufunc" -> p.containsKey("where") ? masked(name, in, arrays, id) : Ufunc.of(name).callAll((Object[]) in);
            case "reduce" -> new NdArray[] {Ufunc.of(name).reduce(in[0], axes(p), null,
                    p.containsKey("out") ? arrays.get(id + "_o").copy() : null, p.containsKey("keepdims"),
                    p.containsKey("initial") ? Double.valueOf(p.get("initial")) : null, arrays.get(id + "_w"))};
            case "accumulate" -> new NdArray[] {p.containsKey("out")
                    ? Ufunc.of(name).accumulate(in[0], Integer.parseInt(p.get("axis")), null, arrays.get(id + "_o").copy())
                    : Ufunc.of(name).accumulate(in[0], Integer.parseInt(p.get("axis")))};
            case "outer" -> new NdArray[] {Ufunc.of(name).outer(in[0], in[1])};
            case "at" -> {
                NdArray a = in[0].copy();
                if (p.containsKey("nidx")) {
                    int k = Integer.parseInt(p.get("nidx"));
                    Ufunc.of(name).at(a, Arrays.copyOfRange(in, 1, 1 + k), in.length > 1 + k ? in[1 + k] : null);
                } else if (in.length == 3) {
                    Ufunc.of(name).at(a, in[1], in[2]);
                } else {
                    Ufunc.of(name).at(a, in[1]);
                }
                yield new NdArray[] {a};
            }
            case "matmul", "dot" -> p.containsKey("out") ? productInto(kind, in, p.get("out"), arrays.get(id + "_o"))
                    : new NdArray[] {kind.equals("dot") ? Nd.dot(in[0], in[1]) : Nd.matmul(in[0], in[1])};
            case "named" -> new NdArray[] {p.containsKey("where") || p.containsKey("out") || p.containsKey("dtype") ? withOptions(name, in[0], p, arrays, id)
                    : named(name, in[0], p)};
            default -> throw new IllegalArgumentException("unknown case kind " + kind);
        };
    }

    /** matmul/dot into an out array: a copy of the stored one, or (out=a0/a1) a copy of an input that is also passed as that input. */
    private static NdArray[] productInto(String kind, NdArray[] in, String which, NdArray stored) {
        NdArray[] ops = {in[0], in[1]};
        NdArray out;
        if (which.startsWith("a")) {
            int k = which.charAt(1) - '0';
            ops[k] = ops[k].copy();
            out = ops[k];
        } else {
            out = stored.copy();
        }
        NdArray r = kind.equals("dot") ? Nd.dot(ops[0], ops[1], out) : Nd.matmul(ops[0], ops[1], out);
        assertSame(out, r, "the result is the out array");
        return new NdArray[] {out};
    }

    /** A named reduction through its ReduceOptions overload (where=, out=, initial=). */
    private static NdArray withOptions(String name, NdArray a, Map<String, String> p, Map<String, NdArray> arrays, String id) {
        int[] ax = axes(p);
        ReduceOptions o = (ax == null ? ReduceOptions.all() : ReduceOptions.over(ax)).withKeepdims(p.containsKey("keepdims"));
        if (p.containsKey("where")) {
            o = o.withWhere(arrays.get(id + "_w"));
        }
        if (p.containsKey("dtype")) {
            o = o.withDtype(DType.of(p.get("dtype")));
        }
        if (p.containsKey("initial")) {
            o = o.withInitial(Double.parseDouble(p.get("initial")));
        }
        if (p.containsKey("ddof")) {
            o = o.withDdof(Double.parseDouble(p.get("ddof")));
        }
        NdArray out = p.containsKey("out") ? arrays.get(id + "_o").copy() : null;
        if (out != null) {
            o = o.withOut(out);
        }
        NdArray r = ReductionByName.call(name, a, o);
        if (out != null) {
            assertSame(out, r, "the result is the out array");
        }
        return r;
    }

    private static NdArray[] masked(String name, NdArray[] in, Map<String, NdArray> arrays, String id) {
        NdArray out = arrays.get(id + "_o").copy();
        Ufunc.of(name).call(in, new NdArray[] {out}, arrays.get(id + "_w"), null, null);
        return new NdArray[] {out};
    }

    static NdArray named(String name, NdArray a, Map<String, String> p) {
        int[] axes = axes(p);
        Integer axis = axes == null ? null : axes[0];
        boolean keep = p.containsKey("keepdims");
        double ddof = p.containsKey("ddof") ? Double.parseDouble(p.get("ddof")) : 0;
        return switch (name) {
            case "sum" -> Reductions.sum(a, axes, null, keep);
            case "prod" -> Reductions.prod(a, axes, null, keep);
            case "min" -> Reductions.min(a, axes, keep);
            case "max" -> Reductions.max(a, axes, keep);
            case "mean" -> Reductions.mean(a, axes, null, keep);
            case "var" -> Reductions.var(a, axes, ddof, keep);
            case "std" -> Reductions.std(a, axes, ddof, keep);
            case "any" -> Reductions.any(a, axes, keep);
            case "all" -> Reductions.all(a, axes, keep);
            case "argmin" -> Reductions.argmin(a, axis);
            case "argmax" -> Reductions.argmax(a, axis);
            case "cumsum" -> Reductions.cumsum(a, axis);
            case "cumprod" -> Reductions.cumprod(a, axis);
            case "nansum" -> Reductions.nansum(a, axes, keep);
            case "nanprod" -> Reductions.nanprod(a, axes, keep);
            case "nanmin" -> Reductions.nanmin(a, axes, keep);
            case "nanmax" -> Reductions.nanmax(a, axes, keep);
            case "nanmean" -> Reductions.nanmean(a, axes, keep);
            case "nanvar" -> Reductions.nanvar(a, axes, ddof, keep);
            case "nanstd" -> Reductions.nanstd(a, axes, ddof, keep);
            case "nanargmin" -> Reductions.nanargmin(a, axis);
            case "nanargmax" -> Reductions.nanargmax(a, axis);
            default -> throw new IllegalArgumentException("unknown named reduction " + name);
        };
    }

    private static long[] bound(String kind, String name) {
        if (!kind.equals("ufunc") && !kind.equals("outer") && !kind.equals("at")) {
            return new long[] {REDUCTION_ULPS, REDUCTION_ULPS, REDUCTION_ULPS};
        }
        return ULPS.getOrDefault(name, new long[] {0, 0, 0});
    }

    /** 4 · eps · √n · max(1, ln n) · max(1, max|x|): a bound on the error of a reordered sum of n terms. */
    private static double absoluteBound(String kind, NdArray[] in, NdArray expected) {
        if (!expected.dtype().isFloating()) {
            return 0;
        }
        double eps = switch (expected.dtype()) {
            case FLOAT64 -> 0x1p-52;
            case FLOAT32 -> 0x1p-23;
            default -> 0x1p-10;
        };
        double max = 0;
        long n = 1;
        for (NdArray a : in) {
            for (double v : a.astype(DType.FLOAT64).toDoubleArray()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            n = Math.max(n, a.size());
        }
        double scale = kind.equals("matmul") || kind.equals("dot") ? max * max : max;
        return Math.sqrt(n) * 4 * eps * Math.max(scale, 1) * Math.max(1, Math.log(n));
    }

    private static NdArray[] inputs(Map<String, NdArray> arrays, String id, String views) {
        String[] v = views.split("\\|", -1);
        List<NdArray> in = new ArrayList<>();
        for (int k = 0; arrays.containsKey(id + "_a" + k); k++) {
            NdArray a = arrays.get(id + "_a" + k);
            String view = k < v.length ? v[k] : "-";
            in.add(switch (view) {
                case "-", "" -> a;
                case "T" -> a.transpose();
                default -> a.slice(view);
            });
        }
        return in.toArray(new NdArray[0]);
    }

    static int[] axes(Map<String, String> p) {
        String ax = p.getOrDefault("axis", "none");
        if (ax.equals("none")) {
            return null;
        }
        return Arrays.stream(ax.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static Map<String, String> parseParams(String params) {
        Map<String, String> p = new HashMap<>();
        if (!params.equals("-")) {
            for (String kv : params.split(";")) {
                String[] parts = kv.split("=", 2);
                p.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return p;
    }

    private static Map<String, NdArray> load(String file) {
        try {
            return Nd.loadz(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
