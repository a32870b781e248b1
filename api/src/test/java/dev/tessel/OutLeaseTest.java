package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The new out=/where=/tuple-at paths lease what they write and read: another thread's lease blocks them. */
class OutLeaseTest {
    private static void refusedElsewhere(String op, Executable call) throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set(assertThrows(OwnershipException.class, call)));
        t.start();
        t.join();
        assertTrue(seen.get().getMessage().contains(op), seen.get().getMessage());
    }

    @Test
    void matmulAndDotLeaseTheirOut() throws Exception {
        NdArray out = Nd.zeros(2, 2);
        NdArray a = Nd.ones(2, 3);
        NdArray b = Nd.ones(3, 2);
        try (var r = out.read()) {
            refusedElsewhere("matmul", () -> Nd.matmul(a, b, out));
            refusedElsewhere("dot", () -> Nd.dot(a, b, out));
        }
        assertArrayEquals(new double[] {3, 3, 3, 3}, Nd.matmul(a, b, out).toDoubleArray());
    }

    @Test
    void reductionsLeaseTheirOutAndReadTheirMask() throws Exception {
        NdArray a = Nd.ones(2, 3);
        NdArray out = Nd.zeros(3);
        NdArray mask = Nd.array(new boolean[] {true, false});
        try (var r = out.read()) {
            refusedElsewhere("sum", () -> Reductions.sum(a, ReduceOptions.over(0).withOut(out)));
        }
        try (var w = mask.reshape(2, 1).write()) {
            refusedElsewhere("mean", () -> Reductions.mean(a, ReduceOptions.over(0).withWhere(mask.reshape(2, 1))));
        }
        assertArrayEquals(new double[] {1, 1, 1},
                Reductions.sum(a, ReduceOptions.over(0).withOut(out).withWhere(mask.reshape(2, 1))).toDoubleArray());
    }

    @Test
    void tupleAtLeasesItsTarget() throws Exception {
        NdArray a = Nd.zeros(2, 2);
        NdArray[] idx = {Nd.array(new long[] {0, 0}), Nd.array(new long[] {1, 1})};
        try (var r = a.read()) {
            refusedElsewhere("add.at", () -> Ufuncs.ADD.at(a, idx, Nd.scalar(1.0, DType.FLOAT64)));
        }
        Ufuncs.ADD.at(a, idx, Nd.scalar(1.0, DType.FLOAT64));
        assertArrayEquals(new double[] {0, 2, 0, 0}, a.toDoubleArray());
    }
}
