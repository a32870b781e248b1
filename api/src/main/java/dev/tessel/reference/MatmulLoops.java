package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.MatmulKernel;

/**
 * The plain triple loop in i-k-j order (row of A times rows of B streams B and C forward).
 * float32 accumulates in float32 as BLAS sgemm does; integers accumulate in long and keep the
 * low bits, which is exactly the wrapped result; bool is "any (a and b)".
 */
final class MatmulLoops {
    private MatmulLoops() {
    }

    static MatmulKernel of(DType type) {
        if (type == DType.FLOAT16) {
            return null;
        }
        if (type.isFloating()) {
            boolean single = type == DType.FLOAT32;
            return (a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs, m, n, k) -> {
                double[] row = new double[(int) n];
                for (long i = 0; i < m; i++) {
                    java.util.Arrays.fill(row, 0);
                    for (long p = 0; p < k; p++) {
                        double aik = type.getDouble(a, ao + i * ars + p * acs);
                        for (int j = 0; j < n; j++) {
                            double prod = aik * type.getDouble(b, bo + p * brs + j * bcs);
                            row[j] = single ? (float) ((float) row[j] + (float) prod) : row[j] + prod;
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        type.setDouble(c, co + i * crs + j * ccs, row[j]);
                    }
                }
            };
        }
        return (a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs, m, n, k) -> {
            long[] row = new long[(int) n];
            for (long i = 0; i < m; i++) {
                java.util.Arrays.fill(row, 0);
                for (long p = 0; p < k; p++) {
                    long aik = type.getLong(a, ao + i * ars + p * acs);
                    for (int j = 0; j < n; j++) {
                        row[j] += aik * type.getLong(b, bo + p * brs + j * bcs);
                    }
                }
                for (int j = 0; j < n; j++) {
                    type.setLong(c, co + i * crs + j * ccs, row[j]);
                }
            }
        };
    }
}
