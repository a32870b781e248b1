package dev.tessel;

/**
 * The accumulator dtype of a reduction or accumulation, as NumPy chooses it: add and multiply
 * of bool and of integers narrower than int64 accumulate in int64 (NumPy uses uint64 for
 * uint8; Tessel has no uint64 and uses int64, which holds every such sum exactly until it
 * wraps). Other ufuncs reduce in their resolved loop dtype, which must be the same for both
 * inputs and the output; logical ufuncs reduce any input as bool.
 */
final class ReduceTypes {
    private ReduceTypes() {
    }

    static DType of(Ufunc u, DType in, DType dtype) {
        requireBinary(u, "reduce");
        DType t = dtype != null ? dtype : in;
        boolean sumLike = u.name().equals("add") || u.name().equals("multiply");
        if (dtype == null && sumLike && (t.isBool() || (t.isInteger() && t != DType.INT64))) {
            t = DType.INT64;
        }
        DType[] loop = LoopResolution.resolve(u, new DType[] {t, t}, dtype);
        if (loop[0] == loop[1] && loop[1] == loop[2]) {
            return loop[2];
        }
        if (loop[2].isBool() && u.name().startsWith("logical_")) {
            return DType.BOOL;
        }
        throw new IllegalArgumentException("No loop matching the specified signature and casting was found for ufunc "
                + u.name() + " (a reduction needs a loop whose inputs and output share one dtype; for " + t
                + " it resolves to " + java.util.Arrays.toString(loop) + ")");
    }

    static void requireBinary(Ufunc u, String method) {
        if (u.nin() != 2 || u.nout() != 1) {
            throw new IllegalArgumentException(method + " only supported for binary functions (" + u.name() + " has "
                    + u.nin() + " inputs and " + u.nout() + " outputs)");
        }
    }
}
