package dev.tessel;

import java.lang.foreign.ValueLayout;
import java.util.function.Supplier;

/**
 * The single door every array operation passes through: elementwise ufunc calls, reduce,
 * accumulate, outer, at, the named reductions and matmul/dot all call {@link #run} once, with
 * the op's name, the arrays it reads and the arrays it writes, before touching any data.
 *
 * <p>This is where the ownership model takes its leases ({@link Ownership#enterOp}: read
 * leases on {@code reads}, write leases on {@code writes}) for the op's whole duration. Work done inside {@code body}
 * (resolution, copies for overlap, the kernels on worker threads) never passes through here
 * again, so an op holds exactly one set of leases however it is composed internally.
 * Outputs the op allocates itself are private to it and are not listed.
 *
 * <p>One exception: an elementwise ufunc call whose arrays are all lent to one device is queued
 * there by {@link DeviceRoute} before reaching this door; the loans are its leases.
 */
final class Execution {
    private Execution() {
    }

    /**
     * Runs one operation.
     *
     * @param op the op's name ({@code "add"}, {@code "add.reduce"}, {@code "sum"}, {@code "matmul"}, ...)
     * @param reads arrays the op reads (nulls are skipped)
     * @param writes caller-supplied arrays the op writes (nulls are skipped)
     * @param body the op itself
     */
    static <T> T run(String op, NdArray[] reads, NdArray[] writes, Supplier<T> body) {
        try (OpLeases _ = Ownership.enterOp(op, reads, writes)) {
            return body.get();
        }
    }

    /**
     * A C-ordered copy of {@code a} converted to {@code type}, for use inside {@link #run}: it
     * takes no lease of its own, since the op already holds the leases that cover it (nested
     * leases would share the op's owner anyway; skipping them saves a ledger round trip per copy).
     */
    static NdArray copyAs(NdArray a, DType type) {
        NdArray out = NdArray.allocateForOverwrite(type, a.shape);
        Assign.copy(a, out);
        return out;
    }

    /** The elements of {@code a} in C order as longs, for use inside {@link #run}: no lease, as {@link #copyAs}. */
    static long[] toLongs(NdArray a) {
        NdArray c = copyAs(a, DType.INT64);
        return c.segment().asSlice(c.offset * Long.BYTES, c.size() * Long.BYTES).toArray(ValueLayout.JAVA_LONG);
    }

    /** An array of {@code type} filled with {@code value}, for use inside {@link #run}: no lease, as {@link #copyAs}. */
    static NdArray filled(DType type, double value, long[] shape) {
        NdArray out = NdArray.allocate(type, shape);
        Assign.fill(out, value);
        return out;
    }
}
