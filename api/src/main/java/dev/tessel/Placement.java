package dev.tessel;

import dev.tessel.spi.OpKind;

/**
 * Where and how one operation ran: the record the engine makes for every op, readable with
 * {@link Tessel#lastPlacements()} and {@link Tessel#addPlacementListener}, and logged when
 * {@code tessel.trace=true}.
 *
 * @param op the op's name, e.g. {@code "add"}
 * @param kind its class
 * @param dtype the dtype it computed in
 * @param elements its size (input elements for reductions, multiply-adds for matmul)
 * @param backend the backend whose loops ran it: {@code scalar}, {@code simd}, {@code gpu}
 * @param device where it ran: {@code cpu}, or a device such as {@code gpu:0}
 * @param threads the most threads allowed on its tiles: 1 when it ran on the calling thread
 * @param tiles how many ranges its iteration space was split into
 * @param bytesMoved bytes copied between host and device for it (0 on the CPU)
 * @param backendReason why this backend
 * @param threadReason why this many threads
 * @param thread the name of the thread that called it
 */
public record Placement(String op, OpKind kind, DType dtype, long elements, String backend, String device,
        int threads, int tiles, long bytesMoved, String backendReason, String threadReason, String thread) {

    /** One line: {@code add float32[1000000] -> simd on cpu, 2 threads, 123 tiles (...)}. */
    @Override
    public String toString() {
        return op + " " + (dtype == null ? "?" : dtype.numpyName()) + "[" + elements
                + "] -> " + backend + " on " + device + ", " + threads + (threads == 1 ? " thread, " : " threads, ")
                + tiles + (tiles == 1 ? " tile" : " tiles") + (bytesMoved > 0 ? ", " + bytesMoved + " bytes moved" : "")
                + " (" + backendReason + "; " + threadReason + ") [" + thread + "]";
    }
}
