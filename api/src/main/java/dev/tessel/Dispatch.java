package dev.tessel;

import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.AxisArgLoop;
import dev.tessel.spi.AxisReduceLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Engine;
import dev.tessel.spi.Engines;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import dev.tessel.spi.RangeTask;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.RowFold;
import dev.tessel.spi.StridedLoop;
import java.util.Arrays;

/**
 * One op's placement: the engine chooses a backend; each kernel is asked of that backend
 * first and of the engine's reference when the backend returns null, and the backend that
 * actually supplied the kernel is the one reported to {@link Engine#forEachRange}.
 */
final class Dispatch {
    private final Engine engine;
    private final OpRequest request;
    private final Backend placed;
    private Backend used;

    private Dispatch(Engine engine, OpRequest request) {
        this.engine = engine;
        this.request = request;
        this.placed = engine.place(request);
        this.used = placed;
    }

    static Dispatch of(String name, OpKind kind, DType dtype, long elements, long bytes) {
        return new Dispatch(Engines.current(), new OpRequest(name, kind, dtype, elements, bytes));
    }

    StridedLoop loop(String ufunc, DType[] types) {
        StridedLoop l = placed.loop(ufunc, types);
        used = placed;
        if (l == null) {
            used = engine.reference();
            l = used.loop(ufunc, types);
        }
        if (l == null) {
            throw new IllegalStateException("no loop for ufunc '" + ufunc + "' with dtypes " + Arrays.toString(types));
        }
        return l;
    }

    /** The reference's loop, for callers that rely on strictly in-order element processing. */
    StridedLoop referenceLoop(String ufunc, DType[] types) {
        used = engine.reference();
        StridedLoop l = used.loop(ufunc, types);
        if (l == null) {
            throw new IllegalStateException("no loop for ufunc '" + ufunc + "' with dtypes " + Arrays.toString(types));
        }
        return l;
    }

    ReduceLoop reduceLoop(String ufunc, DType type) {
        ReduceLoop l = placed.reduceLoop(ufunc, type);
        used = placed;
        if (l == null) {
            used = engine.reference();
            l = used.reduceLoop(ufunc, type);
        }
        if (l == null) {
            throw new IllegalStateException("no reduce loop for ufunc '" + ufunc + "' with dtype " + type);
        }
        return l;
    }

    /** The placed backend's row fold, or null (no fallback: the caller folds row by row instead). */
    RowFold rowFold(String ufunc, DType type) {
        RowFold f = placed.rowFold(ufunc, type);
        if (f != null) {
            used = placed;
        }
        return f;
    }

    ArgLoop argLoop(String which, DType type) {
        ArgLoop l = placed.argLoop(which, type);
        used = placed;
        if (l == null) {
            used = engine.reference();
            l = used.argLoop(which, type);
        }
        if (l == null) {
            throw new IllegalStateException("no " + which + " loop for dtype " + type);
        }
        return l;
    }

    // ---- one-launch axis reductions (dev.tessel.AxisFold): the placed backend's, or null ----

    AxisReduceLoop axisReduceLoop(String ufunc, DType type) {
        AxisReduceLoop l = placed.axisReduceLoop(ufunc, type);
        if (l != null) {
            used = placed;
        }
        return l;
    }

    AxisArgLoop axisArgLoop(String which, DType type) {
        AxisArgLoop l = placed.axisArgLoop(which, type);
        if (l != null) {
            used = placed;
        }
        return l;
    }

    MatmulKernel matmul(DType type) {
        MatmulKernel k = placed.matmul(type);
        used = placed;
        if (k == null) {
            used = engine.reference();
            k = used.matmul(type);
        }
        if (k == null) {
            throw new IllegalStateException("no matmul kernel for dtype " + type);
        }
        return k;
    }

    /** Runs {@code task} over {@code [0, total)} through the engine, which may split and parallelize it. */
    void forEachRange(long total, long grain, RangeTask task) {
        if (total > 0) {
            engine.forEachRange(request, used, total, grain, task);
        }
    }
}
