package dev.tessel.cpu;

import dev.tessel.Config;
import dev.tessel.ConfigKey;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel uses: the platform's preferred shape, or a narrower one when
 * the switch {@code tessel.simd.maxBits} ({@link ConfigKey#SIMD_MAX_BITS}: 64 to 512) asks for it.
 *
 * <p>The species are {@code static final} on purpose: C2 intrinsifies Vector API calls only
 * when the species is a compile-time constant, and a species held in an instance field makes
 * every operation fall back to boxed Java code, orders of magnitude slower. The width is
 * therefore fixed per JVM, and the tests run once per width in separate surefire executions.
 */
final class Lanes {
    static final String MAX_BITS_KEY = ConfigKey.SIMD_MAX_BITS.property();
    static final int MAX_BITS = maxBits();
    static final VectorSpecies<Float> F32 = narrow(FloatVector.SPECIES_PREFERRED);
    static final VectorSpecies<Double> F64 = narrow(DoubleVector.SPECIES_PREFERRED);
    static final VectorSpecies<Integer> I32 = narrow(IntVector.SPECIES_PREFERRED);
    static final VectorSpecies<Long> I64 = narrow(LongVector.SPECIES_PREFERRED);
    static final VectorSpecies<Short> I16 = narrow(ShortVector.SPECIES_PREFERRED);
    static final VectorSpecies<Byte> I8 = narrow(ByteVector.SPECIES_PREFERRED);

    private Lanes() {
    }

    /** 0 for the hardware's width; bad values fail in the registry with a message naming the key. */
    private static int maxBits() {
        return Config.current().get(ConfigKey.SIMD_MAX_BITS).orElse(0);
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
