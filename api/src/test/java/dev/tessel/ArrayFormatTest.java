package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link NdArray#toString()} against the reprs NumPy printed into {@code conformance/arrays/reprs.txt}. */
class ArrayFormatTest {
    static Stream<Arguments> reprs() {
        List<String> lines = ConformanceData.lines("reprs.txt");
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            out.add(Arguments.of(lines.get(i), lines.get(i + 1).replace("\\n", "\n")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reprs")
    void matchesNumpyRepr(String spec, String expected) {
        String[] f = spec.split(" \\| ", -1);
        DType dtype = DType.of(f[0]);
        long[] shape = ConformanceData.longs(f[1]);
        NdArray a;
        if (f[2].equals("@arange")) {
            a = ConformanceData.arange(dtype, shape);
        } else if (dtype.isFloating()) {
            a = ConformanceData.of(dtype, shape, ConformanceData.doubles(f[2]));
        } else {
            // integers stay exact (int64 values past 2^53 would not survive a double)
            a = Nd.array(ConformanceData.longs(f[2].replace(' ', ','))).reshape(shape).astype(dtype);
        }
        assertEquals(expected, a.toString());
    }

    @Test
    void viewsPrintTheirOwnElements() {
        NdArray a = Nd.arange(6, DType.INT32).reshape(2, 3);
        // np.arange(6, dtype=np.int32).reshape(2, 3).T[::-1]
        assertEquals("array([[2, 5],\n       [1, 4],\n       [0, 3]], dtype=int32)", a.T().slice("::-1").toString());
    }
}
