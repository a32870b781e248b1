/**
 * Tessel's CPU SIMD backend: elementwise loops, reductions and matmul on the Vector API.
 * The only Tessel module that reads {@code jdk.incubator.vector}.
 */
module dev.tessel.cpu {
    requires dev.tessel;
    requires jdk.incubator.vector;

    provides dev.tessel.spi.Backend with dev.tessel.cpu.SimdBackend;
}
