package dev.tessel;

/** {@code ufunc.outer(a, b)}: an ordinary call on {@code a} reshaped to {@code a.shape + (1,) * b.ndim}. */
final class Outer {
    private Outer() {
    }

    static Object[] operands(Ufunc u, NdArray a, NdArray b) {
        if (u.nin() != 2) {
            throw new IllegalArgumentException("outer product only supported for binary functions (" + u.name()
                    + " has " + u.nin() + " inputs)");
        }
        long[] ones = new long[b.ndim()];
        java.util.Arrays.fill(ones, 1);
        NdArray wide = a.view(Accumulation.concat(a.shape, ones), Accumulation.concat(a.strides, new long[b.ndim()]), a.offset);
        return new Object[] {wide, b};
    }
}
