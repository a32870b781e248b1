package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference backend's loops, keyed by ufunc name and resolved loop dtypes. Each loop
 * family ({@link ArithmeticLoops}, {@link MathLoops}, ...) registers its loops here once.
 */
final class LoopTable {
    private final Map<String, StridedLoop> loops = new HashMap<>();

    void put(String ufunc, StridedLoop loop, DType... types) {
        loops.put(key(ufunc, types), loop);
    }

    StridedLoop get(String ufunc, DType[] types) {
        return loops.get(key(ufunc, types));
    }

    private static String key(String ufunc, DType[] types) {
        StringBuilder sb = new StringBuilder(ufunc).append(':');
        for (DType t : types) {
            sb.append(t.typeCode()).append(',');
        }
        return sb.toString();
    }
}
