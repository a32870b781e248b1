package dev.tessel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel uses: the platform's preferred shape, or a narrower one when
 * the test-only switch {@code tessel.simd.maxBits} (128, 256 or 512) asks for it.
 *
 * <p>The species are {@code static final} on purpose: C2 intrinsifies Vector API calls only
 * when the species is a compile-time constant, and a species held in an instance field makes
 * every operation fall back to boxed Java code, orders of magnitude slower. The width is
 * therefore fixed per JVM, and the tests run once per width in separate surefire executions.
 * The key is read with {@link Integer#getInteger} until the configuration registry owns it.
 */
final class Lanes {
    static final String MAX_BITS_KEY = "tessel.simd.maxBits";
    static final int MAX_BITS = maxBits();
    static final VectorSpecies<Float> F32 = narrow(FloatVector.SPECIES_PREFERRED);
    static final VectorSpecies<Double> F64 = narrow(DoubleVector.SPECIES_PREFERRED);
    static final VectorSpecies<Integer> I32 = narrow(IntVector.SPECIES_PREFERRED);
    static final VectorSpecies<Long> I64 = narrow(LongVector.SPECIES_PREFERRED);

    private Lanes() {
    }

    private static int maxBits() {
        String v = System.getProperty(MAX_BITS_KEY);
        if (v == null || v.isBlank()) {
            return 0;
        }
        int bits;
        try {
            bits = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException(MAX_BITS_KEY + "=" + v + " is not a vector width; use 128, 256 or 512");
        }
        return bits;
    }

    private static <E> VectorSpecies<E> narrow(VectorSpecies<E> preferred) {
        if (MAX_BITS == 0 || MAX_BITS >= preferred.vectorBitSize()) {
            return preferred;
        }
        return VectorSpecies.of(preferred.elementType(), VectorShape.forBitSize(MAX_BITS));
    }

    /** One line for {@code Tessel.info()}: the width and lanes per dtype. */
    static String describe() {
        return F32.vectorBitSize() + "-bit vectors (float32 x" + F32.length() + ", float64 x" + F64.length()
                + ", int32 x" + I32.length() + ", int64 x" + I64.length() + ")"
                + (MAX_BITS == 0 ? "" : ", narrowed by " + MAX_BITS_KEY + "=" + MAX_BITS);
    }
}
