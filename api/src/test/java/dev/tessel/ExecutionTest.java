package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every op passes through {@link Execution}, which holds the op's leases for its duration. */
class ExecutionTest {
    @Test
    void anOpReadingAnArrayUnderAnotherWriteLeaseFails() throws Exception {
        NdArray a = Nd.arange(8, DType.FLOAT64);
        var seen = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        try (var w = a.write()) {
            // The other thread only records what it got; the assertions run here, where JUnit sees them.
            var t = new Thread(() -> {
                try {
                    a.add(1.0);
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            t.start();
            t.join();
        }
        OwnershipException e = assertInstanceOf(OwnershipException.class, seen.get());
        assertTrue(e.getMessage().contains("add"), e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, a.add(1.0).toDoubleArray());
    }

    @Test
    void anOpWhoseOutOverlapsItsInputDoesNotConflictWithItself() {
        NdArray a = Nd.arange(6, DType.FLOAT64);
        // out is a shifted view of the input: the op copies the input first, under its own leases.
        Ufuncs.ADD.call(new NdArray[] {a.slice(":5"), Nd.scalar(10.0, DType.FLOAT64)}, new NdArray[] {a.slice("1:")},
                null, null, Casting.SAME_KIND);
        assertArrayEquals(new double[] {0, 10, 11, 12, 13, 14}, a.toDoubleArray());
    }

    @Test
    void nestedOpsShareTheOuterOpsOwnership() {
        NdArray a = Nd.arange(10, DType.FLOAT32).reshape(2, 5);
        // var runs mean and a subtraction inside its own op.
        assertArrayEquals(new double[] {2, 2}, a.var(1).toDoubleArray(), 1e-6);
    }
}
