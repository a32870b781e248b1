package dev.tessel.scheduler;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;

/** A backend with no loops, only a name, a priority, a device and an availability: placement is all it tests. */
record TestBackend(String name, int priority, String device, String unavailableReason) implements Backend {
    static TestBackend host(String name, int priority) {
        return new TestBackend(name, priority, "cpu", null);
    }

    static TestBackend gpu() {
        return new TestBackend("gpu", 20, "gpu:0", null);
    }

    @Override
    public String describe() {
        return "test backend " + name;
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
