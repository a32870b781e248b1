package dev.tessel.cpu;

import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * BOOL reductions {@code logical_or} (any) and {@code logical_and} (all). Any nonzero byte is
 * true, as in NumPy. Both stop at the first element that decides the answer, so a contiguous
 * run is scanned a vector at a time until then.
 */
final class BoolFolds {
    private static final VectorSpecies<Byte> S = Lanes.I8;
    private static final long L = S.length();

    private BoolFolds() {
    }

    static ReduceLoop reduce(String ufunc) {
        return switch (ufunc) {
            case "logical_or" -> (in, off, st, n, out, o) -> {
                if (out.get(ValueLayout.JAVA_BYTE, o) == 0) {
                    out.set(ValueLayout.JAVA_BYTE, o, (byte) (find(in, off, st, n, true) ? 1 : 0));
                }
            };
            case "logical_and" -> (in, off, st, n, out, o) -> {
                if (out.get(ValueLayout.JAVA_BYTE, o) != 0) {
                    out.set(ValueLayout.JAVA_BYTE, o, (byte) (find(in, off, st, n, false) ? 0 : 1));
                }
            };
            default -> null;
        };
    }

    /** Whether some element is true ({@code wanted}) or some element is false (not wanted). */
    private static boolean find(MemorySegment in, long off, long stride, long n, boolean wanted) {
        long i = 0;
        if (stride == 1 && n >= L) {
            for (long end = n - L; i <= end; i += L) {
                ByteVector v = ByteVector.fromMemorySegment(S, in, off + i, java.nio.ByteOrder.nativeOrder());
                if (v.compare(wanted ? VectorOperators.NE : VectorOperators.EQ, (byte) 0).anyTrue()) {
                    return true;
                }
            }
        }
        for (; i < n; i++) {
            if ((in.get(ValueLayout.JAVA_BYTE, off + i * stride) != 0) == wanted) {
                return true;
            }
        }
        return false;
    }
}
