package dev.tessel.spi;

import dev.tessel.DType;

/**
 * What the engine needs to know to place and split one operation.
 *
 * @param name the op's name, e.g. {@code "add"}, {@code "sum"}, {@code "matmul"}
 * @param kind its class
 * @param dtype the dtype it computes in
 * @param elements elements produced or consumed (flops / 2 for matmul)
 * @param bytes bytes read and written
 */
public record OpRequest(String name, OpKind kind, DType dtype, long elements, long bytes) {
}
