package dev.tessel;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyword arguments of NumPy's named reductions, for the {@link Reductions} overloads that
 * take them: {@code axes} (null: all), {@code dtype}, {@code keepdims}, {@code out},
 * {@code where}, {@code initial} and {@code ddof}. Immutable; each {@code with}-method returns
 * a copy. A reduction given an option NumPy's function does not take (say {@code max} with a
 * dtype) refuses it by name, as NumPy's "unexpected keyword argument" does.
 *
 * <pre>{@code Reductions.sum(a, ReduceOptions.over(0).withWhere(mask).withOut(o))}</pre>
 */
public final class ReduceOptions {
    private static final ReduceOptions ALL = new ReduceOptions(null, null, false, null, null, null, null);

    private final int[] axes;
    private final DType dtype;
    private final boolean keepdims;
    private final NdArray out;
    private final NdArray where;
    private final Double initial;
    private final Double ddof;

    private ReduceOptions(int[] axes, DType dtype, boolean keepdims, NdArray out, NdArray where, Double initial,
                          Double ddof) {
        this.axes = axes == null ? null : axes.clone();
        this.dtype = dtype;
        this.keepdims = keepdims;
        this.out = out;
        this.where = where;
        this.initial = initial;
        this.ddof = ddof;
    }

    /** Over every axis, no other option. */
    public static ReduceOptions all() {
        return ALL;
    }

    /** Over the given axes (none given: every axis). */
    public static ReduceOptions over(int... axes) {
        return new ReduceOptions(axes == null || axes.length == 0 ? null : axes, null, false, null, null, null, null);
    }

    public ReduceOptions withDtype(DType t) {
        return new ReduceOptions(axes, t, keepdims, out, where, initial, ddof);
    }

    public ReduceOptions withKeepdims(boolean k) {
        return new ReduceOptions(axes, dtype, k, out, where, initial, ddof);
    }

    /** The result goes into {@code o} (its shape must be the result's), which is also returned. */
    public ReduceOptions withOut(NdArray o) {
        return new ReduceOptions(axes, dtype, keepdims, o, where, initial, ddof);
    }

    /** Only elements where the bool mask (broadcast to the input's shape) is true take part. */
    public ReduceOptions withWhere(NdArray mask) {
        return new ReduceOptions(axes, dtype, keepdims, out, mask, initial, ddof);
    }

    /** The starting value; max/min (and nanmax/nanmin) need one to take a where mask. */
    public ReduceOptions withInitial(double v) {
        return new ReduceOptions(axes, dtype, keepdims, out, where, v, ddof);
    }

    /** Delta degrees of freedom, for var/std and their nan-variants. */
    public ReduceOptions withDdof(double d) {
        return new ReduceOptions(axes, dtype, keepdims, out, where, initial, d);
    }

    int[] axes() {
        return axes == null ? null : axes.clone();
    }

    DType dtype() {
        return dtype;
    }

    boolean keepdims() {
        return keepdims;
    }

    NdArray out() {
        return out;
    }

    NdArray where() {
        return where;
    }

    Double initial() {
        return initial;
    }

    double ddof() {
        return ddof == null ? 0 : ddof;
    }

    /**
     * Refuses the options that {@code function} does not take; names are NumPy's keywords
     * ({@code "dtype"}, {@code "initial"}, {@code "ddof"}). Also checks that the mask is bool.
     */
    ReduceOptions check(String function, String... refused) {
        List<String> given = new ArrayList<>();
        for (String name : refused) {
            boolean set = switch (name) {
                case "dtype" -> dtype != null;
                case "initial" -> initial != null;
                case "ddof" -> ddof != null;
                default -> throw new IllegalStateException("unknown option " + name);
            };
            if (set) {
                given.add(name);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(function + "() got an unexpected keyword argument '" + given.get(0) + "'");
        }
        if (where != null && where.dtype != DType.BOOL) {
            throw new CastingException("Cannot cast array data from dtype('" + where.dtype
                    + "') to dtype('bool') according to the rule 'safe'");
        }
        return this;
    }
}
