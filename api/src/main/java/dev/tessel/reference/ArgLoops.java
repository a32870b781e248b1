package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;

/** argmin and argmax: the first extreme wins ties; for floats the first NaN wins outright. */
final class ArgLoops {
    private ArgLoops() {
    }

    static ArgLoop of(String which, DType type) {
        boolean max = which.equals("argmax");
        if (!max && !which.equals("argmin")) {
            return null;
        }
        if (type.isFloating()) {
            return (in, off, stride, n) -> {
                long best = 0;
                double bv = type.getDouble(in, off);
                for (long i = 1; i < n && !Double.isNaN(bv); i++) {
                    double v = type.getDouble(in, off + i * stride);
                    if (Double.isNaN(v) || (max ? v > bv : v < bv)) {
                        best = i;
                        bv = v;
                    }
                }
                return best;
            };
        }
        return (in, off, stride, n) -> {
            long best = 0;
            long bv = type.getLong(in, off);
            for (long i = 1; i < n; i++) {
                long v = type.getLong(in, off + i * stride);
                if (max ? v > bv : v < bv) {
                    best = i;
                    bv = v;
                }
            }
            return best;
        };
    }
}
