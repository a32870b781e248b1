package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Views, slicing, shape work, joining, masks and takes against NumPy's results in
 * {@code conformance/arrays/cases.txt} (see {@code conformance/gen_arrays.py} for the format).
 */
class ArrayConformanceTest {
    static Stream<String> cases() {
        return ConformanceData.lines("cases.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpy(String line) {
        String[] f = line.split(" \\| ", -1);
        String op = f[0];
        String args = f[1];
        NdArray[] inputs = Stream.of(f[2].split(" & ")).map(ArrayConformanceTest::input).toArray(NdArray[]::new);
        NdArray result = run(op, args, inputs);
        assertArrayEquals(ConformanceData.longs(f[3]), result.shape(), "shape");
        assertEquals(DType.of(f[4]), result.dtype(), "dtype");
        if (result.size() > 0) {
            assertEquals(f[5].equals("1"), result.sharesStorage(inputs[0]), "shares storage with the input");
        }
        assertArrayEquals(ConformanceData.doubles(f[6]), result.toDoubleArray(), "values");
    }

    private static NdArray input(String spec) {
        String[] p = spec.split(":", 3);
        NdArray a = ConformanceData.arange(DType.of(p[0]), ConformanceData.longs(p[1]));
        if (p[2].equals("T")) {
            return a.T();
        }
        return p[2].isEmpty() ? a : a.slice(p[2]);
    }

    private static NdArray run(String op, String args, NdArray[] in) {
        NdArray a = in[0];
        boolean intArgs = Set.of("transpose", "moveaxis", "swapaxes", "squeeze", "expand_dims", "concatenate", "stack")
                .contains(op);
        int[] n = intArgs ? ConformanceData.ints(args) : new int[0];
        return switch (op) {
            case "slice" -> a.slice(args);
            case "transpose" -> n.length == 0 ? a.transpose() : a.transpose(n);
            case "moveaxis" -> a.moveaxis(n[0], n[1]);
            case "swapaxes" -> a.swapaxes(n[0], n[1]);
            case "squeeze" -> n.length == 0 ? a.squeeze() : a.squeeze(n);
            case "expand_dims" -> a.expandDims(n[0]);
            case "reshape" -> a.reshape(ConformanceData.longs(args));
            case "broadcast_to" -> a.broadcastTo(ConformanceData.longs(args));
            case "ravel" -> a.ravel();
            case "concatenate" -> Nd.concatenate(n[0], in);
            case "stack" -> Nd.stack(n[0], in);
            case "split", "split_at" -> split(op, args, a);
            case "mask" -> a.get(mask(args));
            case "setmask" -> a.copy().set(mask(args), countdown(a.get(mask(args)).shape()));
            case "take" -> take(args, a);
            case "getindex" -> a.get(indexArray(args));
            case "setslice" -> a.copy().set(args, countdown(a.slice(args).shape()));
            case "setindex" -> a.copy().set(indexArray(args), countdown(a.get(indexArray(args)).shape()));
            default -> throw new IllegalStateException("unknown op " + op);
        };
    }

    private static NdArray split(String op, String args, NdArray a) {
        String[] p = args.split("/");
        int axis = Integer.parseInt(p[1]);
        NdArray[] pieces = op.equals("split") ? Nd.split(a, Integer.parseInt(p[0]), axis)
                : Nd.split(a, ConformanceData.longs(p[0]), axis);
        return pieces[Integer.parseInt(p[2])];
    }

    private static NdArray mask(String args) {
        String[] p = args.split("/");
        long[] shape = ConformanceData.longs(p[0]);
        boolean[] bits = new boolean[p.length > 1 ? p[1].length() : 0];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = p[1].charAt(i) == '1';
        }
        return Nd.array(bits).reshape(shape);
    }

    /** {@code "2,2=0,1,-1,2"}: an int64 index array of that shape. */
    private static NdArray indexArray(String spec) {
        String[] p = spec.split("=", -1);
        return Nd.array(ConformanceData.longs(p[1])).reshape(ConformanceData.longs(p[0]));
    }

    private static NdArray take(String args, NdArray a) {
        int slash = args.lastIndexOf('/');
        NdArray idx = indexArray(args.substring(0, slash));
        String axis = args.substring(slash + 1);
        return axis.equals("none") ? a.take(idx) : a.take(idx, Integer.parseInt(axis));
    }

    /** {@code -1 - arange(size).reshape(shape)}, the values the generator assigns. */
    private static NdArray countdown(long[] shape) {
        long[] v = new long[Math.toIntExact(Shape.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = -1 - i;
        }
        return Nd.array(v).reshape(shape);
    }
}
