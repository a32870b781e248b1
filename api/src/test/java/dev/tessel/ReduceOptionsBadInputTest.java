package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Named reductions with out=/where=/initial=: NumPy's refusals, each naming the problem. */
class ReduceOptionsBadInputTest {
    private static final NdArray M23 = Nd.arange(6).reshape(2, 3).astype(DType.FLOAT64);
    private static final NdArray MASK = Nd.array(new boolean[] {true, false, true});

    private static <T extends Throwable> void fails(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void maxAndMinWithAMaskNeedInitial() {
        fails(IllegalArgumentException.class, "reduction operation 'maximum' does not have an identity, so to use a where "
                + "mask one has to specify 'initial'", () -> Reductions.max(M23, ReduceOptions.over(0).withWhere(MASK)));
        fails(IllegalArgumentException.class, "reduction operation 'fmin' does not have an identity, so to use a where "
                + "mask one has to specify 'initial'", () -> Reductions.nanmin(M23, ReduceOptions.all().withWhere(MASK)));
    }

    @Test
    void optionsTheFunctionDoesNotTake() {
        fails(IllegalArgumentException.class, "max() got an unexpected keyword argument 'dtype'",
                () -> Reductions.max(M23, ReduceOptions.all().withDtype(DType.FLOAT32)));
        fails(IllegalArgumentException.class, "mean() got an unexpected keyword argument 'initial'",
                () -> Reductions.mean(M23, ReduceOptions.all().withInitial(1)));
        fails(IllegalArgumentException.class, "sum() got an unexpected keyword argument 'ddof'",
                () -> Reductions.sum(M23, ReduceOptions.all().withDdof(1)));
        fails(IllegalArgumentException.class, "any() got an unexpected keyword argument 'initial'",
                () -> Reductions.any(M23, ReduceOptions.all().withInitial(0)));
    }

    @Test
    void aMaskThatIsNotBool() {
        fails(CastingException.class, "Cannot cast array data from dtype('int64') to dtype('bool') according to the rule 'safe'",
                () -> Reductions.sum(M23, ReduceOptions.all().withWhere(Nd.array(new long[] {1, 0, 1}))));
    }

    @Test
    void aMaskThatDoesNotBroadcast() {
        fails(ShapeException.class, "where mask of shape (3, 2, 3) does not broadcast to the reduced array's shape (2, 3)",
                () -> Reductions.sum(M23, ReduceOptions.over(0).withWhere(Nd.full(DType.BOOL, 1, 3, 2, 3))));
        assertThrows(ShapeException.class, () -> Reductions.mean(M23, ReduceOptions.over(0).withWhere(Nd.full(DType.BOOL,
                1, 2))));
    }

    @Test
    void outOfTheWrongShape() {
        NdArray out = Nd.zeros(2);
        fails(ShapeException.class, "add.reduce: output parameter has shape (2,) but the result has shape (3,)",
                () -> Reductions.sum(M23, ReduceOptions.over(0).withOut(out)));
        fails(ShapeException.class, "std: output parameter has shape (2,) but the result has shape (3,)",
                () -> Reductions.std(M23, ReduceOptions.over(0).withOut(out)));
        assertEquals(0.0, out.sum().item(), "a refused out is not written");
    }

    @Test
    void outOfAForbiddenDtype() {
        fails(CastingException.class, "If a is inexact, then out must be inexact: got out of dtype int64",
                () -> Reductions.nanmean(M23, ReduceOptions.over(0).withOut(Nd.zeros(DType.INT64, 3))));
        fails(CastingException.class, "Cannot cast ufunc 'sqrt' output from dtype('float64') to dtype('int64') with "
                + "casting rule 'same_kind'", () -> Reductions.std(M23, ReduceOptions.over(0).withOut(Nd.zeros(DType.INT64, 3))));
    }

    @Test
    void readOnlyOut() {
        NdArray ro = Nd.zeros(1).broadcastTo(3);
        assertThrows(ReadOnlyArrayException.class, () -> Reductions.sum(M23, ReduceOptions.over(0).withOut(ro)));
    }
}
