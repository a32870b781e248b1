package dev.tessel;

import java.util.function.Supplier;

/**
 * The named reductions with {@link ReduceOptions}: each enters {@link Execution#run} once,
 * reading {@code a} and the mask and writing {@code out}. The result is cast into {@code out}
 * unsafely, as NumPy's reductions do (np.sum of floats into an int64 out truncates); std takes
 * the square root into {@code out} under same_kind, and the nan-statistics of a float array
 * refuse a non-float {@code out}, as NumPy's do.
 */
final class OptionReductions {
    private OptionReductions() {
    }

    static NdArray sum(NdArray a, ReduceOptions o) {
        return fold("sum", Ufuncs.ADD, a, o.check("sum", "ddof"));
    }

    static NdArray prod(NdArray a, ReduceOptions o) {
        return fold("prod", Ufuncs.MULTIPLY, a, o.check("prod", "ddof"));
    }

    static NdArray max(NdArray a, ReduceOptions o) {
        return fold("max", Ufuncs.MAXIMUM, a, o.check("max", "dtype", "ddof"));
    }

    static NdArray min(NdArray a, ReduceOptions o) {
        return fold("min", Ufuncs.MINIMUM, a, o.check("min", "dtype", "ddof"));
    }

    static NdArray any(NdArray a, ReduceOptions o) {
        return fold("any", Ufuncs.LOGICAL_OR, a, o.check("any", "dtype", "initial", "ddof"));
    }

    static NdArray all(NdArray a, ReduceOptions o) {
        return fold("all", Ufuncs.LOGICAL_AND, a, o.check("all", "dtype", "initial", "ddof"));
    }

    static NdArray nansum(NdArray a, ReduceOptions o) {
        o.check("nansum", "ddof");
        return gate("nansum", a, o, () -> Reduction.reduce(Ufuncs.ADD, a, o.axes(), o.dtype(), o.out(), o.keepdims(),
                o.initial(), MaskedStats.notNan(a, o.where())));
    }

    static NdArray nanprod(NdArray a, ReduceOptions o) {
        o.check("nanprod", "ddof");
        return gate("nanprod", a, o, () -> Reduction.reduce(Ufuncs.MULTIPLY, a, o.axes(), o.dtype(), o.out(),
                o.keepdims(), o.initial(), MaskedStats.notNan(a, o.where())));
    }

    static NdArray nanmax(NdArray a, ReduceOptions o) {
        o.check("nanmax", "dtype", "ddof");
        return fold("nanmax", a.dtype.isFloating() ? Ufuncs.FMAX : Ufuncs.MAXIMUM, a, o);
    }

    static NdArray nanmin(NdArray a, ReduceOptions o) {
        o.check("nanmin", "dtype", "ddof");
        return fold("nanmin", a.dtype.isFloating() ? Ufuncs.FMIN : Ufuncs.MINIMUM, a, o);
    }

    static NdArray mean(NdArray a, ReduceOptions o) {
        o.check("mean", "initial", "ddof");
        return gate("mean", a, o, () -> Reduction.toOut("mean",
                MaskedStats.mean(a, o.axes(), o.dtype(), o.keepdims(), o.where()), o.out()));
    }

    static NdArray var(NdArray a, ReduceOptions o) {
        o.check("var", "initial");
        return gate("var", a, o, () -> Reduction.toOut("var", variance(a, o, false), o.out()));
    }

    static NdArray std(NdArray a, ReduceOptions o) {
        o.check("std", "initial");
        return gate("std", a, o, () -> sqrtInto("std", variance(a, o, false), o.out()));
    }

    static NdArray nanmean(NdArray a, ReduceOptions o) {
        o.check("nanmean", "initial", "ddof");
        NdArray out = inexactOut(a, o.out());
        return gate("nanmean", a, o, () -> Reduction.toOut("nanmean",
                MaskedStats.mean(a, o.axes(), o.dtype(), o.keepdims(), MaskedStats.notNan(a, o.where())), out));
    }

    static NdArray nanvar(NdArray a, ReduceOptions o) {
        o.check("nanvar", "initial");
        NdArray out = inexactOut(a, o.out());
        return gate("nanvar", a, o, () -> Reduction.toOut("nanvar", variance(a, o, true), out));
    }

    static NdArray nanstd(NdArray a, ReduceOptions o) {
        o.check("nanstd", "initial");
        NdArray out = inexactOut(a, o.out());
        return gate("nanstd", a, o, () -> sqrtInto("nanstd", variance(a, o, true), out));
    }

    // ---- bodies ----

    private static NdArray fold(String op, Ufunc u, NdArray a, ReduceOptions o) {
        return gate(op, a, o, () -> Reduction.reduce(u, a, o.axes(), o.dtype(), o.out(), o.keepdims(), o.initial(),
                o.where()));
    }

    private static NdArray variance(NdArray a, ReduceOptions o, boolean nan) {
        boolean skip = nan && a.dtype.isFloating();
        NdArray mask = skip ? MaskedStats.notNan(a, o.where()) : o.where();
        return MaskedStats.var(a, o.axes(), o.dtype(), o.ddof(), o.keepdims(), mask, skip);
    }

    private static NdArray sqrtInto(String op, NdArray variance, NdArray out) {
        if (out == null) {
            return NamedReductions.sqrtKeep(variance);
        }
        if (!java.util.Arrays.equals(out.shape, variance.shape)) {
            throw new ShapeException(op + ": output parameter has shape " + Shape.format(out.shape)
                    + " but the result has shape " + Shape.format(variance.shape));
        }
        UfuncCall.execute(Ufuncs.SQRT, new Object[] {variance}, new NdArray[] {out}, null, null, Casting.SAME_KIND);
        return out;
    }

    private static NdArray inexactOut(NdArray a, NdArray out) {
        if (out != null && a.dtype.isFloating() && !out.dtype.isFloating()) {
            throw new CastingException("If a is inexact, then out must be inexact: got out of dtype " + out.dtype);
        }
        return out;
    }

    private static <T> T gate(String op, NdArray a, ReduceOptions o, Supplier<T> body) {
        return Execution.run(op, new NdArray[] {a, o.where()}, new NdArray[] {o.out()}, body);
    }
}
