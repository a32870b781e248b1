package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EqualityTest {
    @Test
    void arrayEqualsNeedsShapeAndValues() {
        NdArray a = Nd.arange(6).reshape(2, 3);
        assertTrue(Nd.arrayEquals(a, Nd.arange(6, DType.FLOAT32).reshape(2, 3)));
        assertFalse(Nd.arrayEquals(a, Nd.arange(6).reshape(3, 2)));
        assertFalse(Nd.arrayEquals(a, Nd.arange(6).reshape(2, 3).slice("::-1")));
        assertTrue(Nd.arrayEquals(a.T(), Nd.array(new long[][] {{0, 3}, {1, 4}, {2, 5}})));
    }

    @Test
    void arrayEqualsComparesLargeIntegersExactly() {
        // 2^53 + 1 and 2^53 are equal as doubles but not as int64
        assertFalse(Nd.arrayEquals(Nd.array(new long[] {(1L << 53) + 1}), Nd.array(new long[] {1L << 53})));
    }

    @Test
    void nanIsNeverArrayEqual() {
        NdArray n = Nd.array(new double[] {Double.NaN});
        assertFalse(Nd.arrayEquals(n, n));
    }

    @Test
    void allcloseUsesRelativeAndAbsoluteTolerance() {
        NdArray a = Nd.array(new double[] {1e10, 1e-8});
        assertTrue(Nd.allclose(a, Nd.array(new double[] {1.00001e10, 1e-9})));   // np.allclose: True
        assertFalse(Nd.allclose(Nd.array(new double[] {1e-8, 1e-7}), Nd.array(new double[] {1e-8, 1e-9}))); // False
        assertFalse(Nd.allclose(Nd.array(new double[] {1.0}), Nd.array(new double[] {1.0001})));
        assertTrue(Nd.allclose(Nd.array(new double[] {1.0}), Nd.array(new double[] {1.0001}), 1e-3, 0, false));
    }

    @Test
    void allcloseBroadcasts() {
        assertTrue(Nd.allclose(Nd.full(DType.FLOAT32, 2, 3, 4), Nd.scalar(2.0000001, DType.FLOAT64)));
        assertTrue(Nd.allclose(Nd.arange(3).broadcastTo(2, 3), Nd.arange(3, DType.FLOAT64)));
        ShapeException e = assertThrows(ShapeException.class, () -> Nd.allclose(Nd.zeros(2, 3), Nd.zeros(4)));
        assertEquals("operands could not be broadcast together with shapes (2,3) (4,)", e.getMessage());
    }

    @Test
    void infinitiesAndNans() {
        NdArray inf = Nd.array(new double[] {Double.POSITIVE_INFINITY, Double.NaN});
        assertFalse(Nd.allclose(inf, inf));
        assertTrue(Nd.allclose(inf, inf, 1e-5, 1e-8, true));
        assertFalse(Nd.allclose(Nd.array(new double[] {Double.POSITIVE_INFINITY}), Nd.array(new double[] {Double.NEGATIVE_INFINITY})));
    }
}
