package dev.tessel.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Writes a comparison mask as NumPy bools (one byte, 0 or 1, per lane). {@link Long#expand}
 * (a single PDEP on x86 with BMI2) spreads eight mask bits into the low bit of eight bytes,
 * so one 8-byte store serves eight lanes; masks whose lane count matches no byte vector
 * shape (4 lanes would need a 32-bit byte vector) are handled the same way.
 */
final class MaskBytes {
    private static final long LOW_BITS = 0x0101010101010101L;

    private MaskBytes() {
    }

    /** Stores {@code lanes} bools from the low bits of {@code bits} at byte {@code at}. */
    static void store(MemorySegment c, long at, long bits, long lanes) {
        if (lanes >= 8) {
            for (long j = 0; j < lanes; j += 8) {
                c.set(ValueLayout.JAVA_LONG_UNALIGNED, at + j, Long.expand(bits >>> j, LOW_BITS));
            }
        } else if (lanes == 4) {
            c.set(ValueLayout.JAVA_INT_UNALIGNED, at, (int) Long.expand(bits, LOW_BITS));
        } else {
            for (long j = 0; j < lanes; j++) {
                c.set(ValueLayout.JAVA_BYTE, at + j, (byte) ((bits >>> j) & 1));
            }
        }
    }
}
