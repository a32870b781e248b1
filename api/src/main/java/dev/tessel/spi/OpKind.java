package dev.tessel.spi;

/** Classes of operation, each with its own placement and tiling policy. */
public enum OpKind {
    /** Copies and casts. */
    COPY,
    /** Elementwise ufunc calls. */
    ELEMENTWISE,
    /** Reductions and accumulations. */
    REDUCTION,
    /** Matrix products. */
    MATMUL
}
