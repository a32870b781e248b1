package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reductions give the same bits however the engine splits and orders their ranges: long runs
 * are cut into blocks whose size depends only on their length and combined in a fixed order,
 * and every output folds its elements in a fixed order.
 */
class ReductionSplitTest {
    private static final long[][] SPLITS = {{1000, 0}, {1, 1}, {7, 0}, {64, 1}, {Long.MAX_VALUE / 2, 0}};

    @AfterEach
    void restore() {
        InlineEngine.rangeLimit = 1000;
        InlineEngine.reversed = false;
    }

    private static long[] bitsUnderEverySplit(java.util.function.Supplier<NdArray> op) {
        long[] first = null;
        for (long[] split : SPLITS) {
            InlineEngine.rangeLimit = split[0];
            InlineEngine.reversed = split[1] == 1;
            double[] v = op.get().toDoubleArray();
            long[] bits = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                bits[i] = Double.doubleToRawLongBits(v[i]);
            }
            if (first == null) {
                first = bits;
            } else {
                assertArrayEquals(first, bits, "split of " + split[0] + (split[1] == 1 ? ", reversed" : ""));
            }
        }
        return first;
    }

    private static NdArray random(DType t, long... shape) {
        Random rnd = new Random(11);
        double[] d = new double[Math.toIntExact(Shape.size(shape))];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble() * 2 - 1;
        }
        return Nd.wrap(d, shape).astype(t);
    }

    @Test
    void longSumsAreSplitIndependent() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            NdArray a = random(t, 250_003);
            bitsUnderEverySplit(a::sum);
            bitsUnderEverySplit(() -> Nd.mean(a));
            bitsUnderEverySplit(() -> a.slice("::3").sum());
        }
    }

    @Test
    void axisReductionsAndAccumulationsAreSplitIndependent() {
        NdArray m = random(DType.FLOAT64, 300, 257);
        bitsUnderEverySplit(() -> m.sum(0));
        bitsUnderEverySplit(() -> m.sum(1));
        bitsUnderEverySplit(() -> m.T().sum(0));
        bitsUnderEverySplit(() -> Nd.var(m, new int[] {0}, 1, false));
        bitsUnderEverySplit(() -> m.cumsum(0));
        bitsUnderEverySplit(() -> m.cumsum(1));
        bitsUnderEverySplit(() -> Nd.matmul(m.T(), m));
    }
}
