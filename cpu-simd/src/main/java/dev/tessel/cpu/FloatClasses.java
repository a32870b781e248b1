package dev.tessel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * NaN, infinity and finiteness of each lane by comparisons, in place of
 * {@code test(VectorOperators.IS_NAN)} and its kin. Those view the lanes as integers, and until
 * C2 has compiled the caller that view runs the Vector API's Java fallback, which stores the
 * vector into a heap memory segment through the same {@code intoMemorySegment} every loop's
 * store inlines. From then on the loops of the whole JVM compile with a two-class type profile
 * on their stores: a class check and range checks on every trip. In a JVM that had run
 * {@code sin}, {@code cos}, {@code maximum} or the former float32 {@code log} 20 times, an add
 * of 100,000 float32 took 15.6-18.5 µs instead of 9.0 ({@code MixedOpsBench}, bench/README.md).
 * Comparisons of float lanes have plain per-lane fallbacks. The generated loops and folds use these, and
 * {@code ReinterpretFreeTest} keeps the kernels free of float-to-integer views.
 */
final class FloatClasses {
    private FloatClasses() {
    }

    /** NaN is the one value not equal to itself. */
    static VectorMask<Float> isNaN(FloatVector v) {
        return v.compare(VectorOperators.NE, v);
    }

    static VectorMask<Float> isInfinite(FloatVector v) {
        return v.abs().compare(VectorOperators.EQ, Float.POSITIVE_INFINITY);
    }

    /** Neither NaN (which compares false) nor infinite. */
    static VectorMask<Float> isFinite(FloatVector v) {
        return v.abs().compare(VectorOperators.LT, Float.POSITIVE_INFINITY);
    }

    static VectorMask<Double> isNaN(DoubleVector v) {
        return v.compare(VectorOperators.NE, v);
    }

    static VectorMask<Double> isInfinite(DoubleVector v) {
        return v.abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY);
    }

    static VectorMask<Double> isFinite(DoubleVector v) {
        return v.abs().compare(VectorOperators.LT, Double.POSITIVE_INFINITY);
    }
}
