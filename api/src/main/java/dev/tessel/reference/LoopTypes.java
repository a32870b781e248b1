package dev.tessel.reference;

import dev.tessel.DType;
import java.util.List;

/** The dtype groups that loop families are registered over (FLOAT16 is never a loop dtype). */
final class LoopTypes {
    static final List<DType> INTS = List.of(DType.INT8, DType.UINT8, DType.INT16, DType.INT32, DType.INT64);
    static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);
    static final List<DType> ALL = List.of(DType.BOOL, DType.INT8, DType.UINT8, DType.INT16, DType.INT32,
            DType.INT64, DType.FLOAT32, DType.FLOAT64);

    private LoopTypes() {
    }
}
