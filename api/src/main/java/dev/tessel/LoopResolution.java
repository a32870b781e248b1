package dev.tessel;

import java.util.Arrays;
import java.util.List;

/**
 * Resolving: from the dtypes of a call's inputs to the dtypes of the loop that runs it
 * (inputs, then outputs), as NumPy's type resolvers do.
 *
 * <p>The search takes the first loop, in catalogue order, to which every input casts safely;
 * with {@code dtype=} it takes the first loop whose outputs have that dtype (or, for loops
 * with boolean outputs such as comparisons, whose inputs have it). Special rules, as in NumPy:
 * true division of integers runs in float64; boolean subtract and negative are refused;
 * {@code where} computes in the promoted dtype of x and y. FLOAT16 can be a loop dtype here;
 * it is computed in float32 by {@link #computeType}.
 */
final class LoopResolution {
    private LoopResolution() {
    }

    /** The loop dtypes, inputs then outputs; shared with later calls, so never to be modified. */
    static DType[] resolve(Ufunc u, DType[] in, DType dtype) {
        if (dtype != null) {
            return search(u, in, dtype);
        }
        int slot = u.resolutions.slot(in);
        DType[] hit = u.resolutions.get(slot);
        if (hit == null) {
            hit = search(u, in, null);
            u.resolutions.put(slot, hit);
        }
        return hit;
    }

    /** The catalogue search behind {@link #resolve}. */
    private static DType[] search(Ufunc u, DType[] in, DType dtype) {
        refuseBooleanMinus(u, in);
        if (u.name().equals("where")) {
            DType p = dtype != null ? dtype : DType.promote(in[1], in[2]);
            return new DType[] {DType.BOOL, p, p, p};
        }
        List<DType[]> loops = u.loops();
        if (dtype != null) {
            return byDtype(u, loops, dtype);
        }
        if ((u.name().equals("divide") || u.name().equals("true_divide")) && noFloat(in)) {
            return new DType[] {DType.FLOAT64, DType.FLOAT64, DType.FLOAT64};
        }
        for (DType[] loop : loops) {
            if (castsSafely(in, loop)) {
                return loop.clone();
            }
        }
        throw new IllegalArgumentException("ufunc '" + u.name() + "' did not contain a loop with signature matching types "
                + Arrays.toString(in) + "; it has loops for " + describe(loops));
    }

    private static DType[] byDtype(Ufunc u, List<DType[]> loops, DType dtype) {
        for (DType[] loop : loops) {
            boolean match = true;
            for (int k = u.nin(); k < loop.length; k++) {
                match &= loop[k] == dtype;
            }
            if (match) {
                return loop.clone();
            }
        }
        for (DType[] loop : loops) {
            if (loop[0] == dtype) {
                return loop.clone();
            }
        }
        throw new IllegalArgumentException("No loop matching the specified signature and casting was found for ufunc "
                + u.name() + " with dtype=" + dtype + "; it has loops for " + describe(loops));
    }

    private static void refuseBooleanMinus(Ufunc u, DType[] in) {
        boolean allBool = Arrays.stream(in).allMatch(DType::isBool);
        if (allBool && u.name().equals("subtract")) {
            throw new IllegalArgumentException("numpy boolean subtract, the `-` operator, is not supported, "
                    + "use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
        }
        if (allBool && u.name().equals("negative")) {
            throw new IllegalArgumentException("The numpy boolean negative, the `-` operator, is not supported, "
                    + "use the `~` operator or the logical_not function instead.");
        }
    }

    private static boolean noFloat(DType[] in) {
        return Arrays.stream(in).noneMatch(DType::isFloating);
    }

    private static boolean castsSafely(DType[] in, DType[] loop) {
        for (int k = 0; k < in.length; k++) {
            if (!DType.canCast(in[k], loop[k], Casting.SAFE)) {
                return false;
            }
        }
        return true;
    }

    /** The dtype a loop dtype is computed in: float16 runs as float32, everything else as itself. */
    static DType computeType(DType loopType) {
        return loopType == DType.FLOAT16 ? DType.FLOAT32 : loopType;
    }

    /** The compute dtypes of {@code loopTypes}: the same array when none is float16 (read it, never write it). */
    static DType[] computeTypes(DType[] loopTypes) {
        boolean half = false;
        for (DType t : loopTypes) {
            half |= t == DType.FLOAT16;
        }
        if (!half) {
            return loopTypes;
        }
        DType[] c = new DType[loopTypes.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = computeType(loopTypes[k]);
        }
        return c;
    }

    private static String describe(List<DType[]> loops) {
        StringBuilder sb = new StringBuilder();
        for (DType[] l : loops) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Arrays.toString(l));
        }
        return sb.toString();
    }
}
