package dev.tessel.conformance;

import dev.tessel.NdArray;
import dev.tessel.ReduceOptions;
import dev.tessel.Reductions;

/** The {@link ReduceOptions} overload of a named reduction, by NumPy's name. */
final class ReductionByName {
    private ReductionByName() {
    }

    static NdArray call(String name, NdArray a, ReduceOptions o) {
        return switch (name) {
            case "sum" -> Reductions.sum(a, o);
            case "prod" -> Reductions.prod(a, o);
            case "max" -> Reductions.max(a, o);
            case "min" -> Reductions.min(a, o);
            case "mean" -> Reductions.mean(a, o);
            case "var" -> Reductions.var(a, o);
            case "std" -> Reductions.std(a, o);
            case "any" -> Reductions.any(a, o);
            case "all" -> Reductions.all(a, o);
            case "nansum" -> Reductions.nansum(a, o);
            case "nanprod" -> Reductions.nanprod(a, o);
            case "nanmax" -> Reductions.nanmax(a, o);
            case "nanmin" -> Reductions.nanmin(a, o);
            case "nanmean" -> Reductions.nanmean(a, o);
            case "nanvar" -> Reductions.nanvar(a, o);
            case "nanstd" -> Reductions.nanstd(a, o);
            default -> throw new IllegalArgumentException("no options overload for " + name);
        };
    }
}
