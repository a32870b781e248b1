package dev.tessel.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * STREAM's triad over off-heap segments, the other half of the memory-bandwidth reference.
 * Written with the Vector API so that the reference is limited by memory, not by the loop.
 */
final class TriadKernels {
    private static final VectorSpecies<Float> F32 = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> F64 = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private TriadKernels() {}

    /** a[i] = b[i] + s * c[i] over float32 elements [from, to). */
    static void triadF32(MemorySegment a, MemorySegment b, MemorySegment c, float s, long from, long to) {
        long i = from;
        long bound = from + F32.loopBound(to - from);
        FloatVector vs = FloatVector.broadcast(F32, s);
        for (; i < bound; i += F32.length()) {
            long at = i * Float.BYTES;
            FloatVector vc = FloatVector.fromMemorySegment(F32, c, at, ORDER);
            FloatVector vb = FloatVector.fromMemorySegment(F32, b, at, ORDER);
            vc.fma(vs, vb).intoMemorySegment(a, at, ORDER);
        }
        for (; i < to; i++) {
            float v = b.getAtIndex(ValueLayout.JAVA_FLOAT, i) + s * c.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            a.setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
        }
    }

    /** a[i] = b[i] + s * c[i] over float64 elements [from, to). */
    static void triadF64(MemorySegment a, MemorySegment b, MemorySegment c, double s, long from, long to) {
        long i = from;
        long bound = from + F64.loopBound(to - from);
        DoubleVector vs = DoubleVector.broadcast(F64, s);
        for (; i < bound; i += F64.length()) {
            long at = i * Double.BYTES;
            DoubleVector vc = DoubleVector.fromMemorySegment(F64, c, at, ORDER);
            DoubleVector vb = DoubleVector.fromMemorySegment(F64, b, at, ORDER);
            vc.fma(vs, vb).intoMemorySegment(a, at, ORDER);
        }
        for (; i < to; i++) {
            double v = b.getAtIndex(ValueLayout.JAVA_DOUBLE, i) + s * c.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
        }
    }
}
