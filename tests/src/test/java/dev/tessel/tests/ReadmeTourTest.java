package dev.tessel.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.Casting;
import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.OwnershipException;
import dev.tessel.Placement;
import dev.tessel.ShapeException;
import dev.tessel.Tessel;
import dev.tessel.Ufunc;
import dev.tessel.Ufuncs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's tour, line for line, with the results the README shows. */
class ReadmeTourTest {
    @Test
    void tour(@TempDir Path dir) throws Exception {
        // --- README tour starts ---
        NdArray a = Nd.arange(12, DType.FLOAT32).reshape(3, 4);  // a view, no copy
        NdArray col = a.slice(":, 1");                           // a view of [1, 5, 9]
        NdArray b = a.add(Nd.arange(4, DType.FLOAT32));          // broadcasting
        NdArray half = a.mul(0.5);                               // Java scalars are weak: still float32
        NdArray sums = a.sum(0);                                 // [12, 15, 18, 21]
        NdArray lse = Ufunc.of("logaddexp").call(a, a);          // any ufunc by NumPy's name
        NdArray big = a.gt(5.0);                                 // comparisons give bool
        NdArray picked = a.get(big);                             // boolean mask: [6, 7, ..., 11]
        NdArray c = a.matmul(a.T());                             // 3 x 3
        Ufuncs.ADD.call(new NdArray[] {a, a}, new NdArray[] {a}, null, null, Casting.SAME_KIND); // out=a
        Nd.save(dir.resolve("a.npy"), a);                        // NumPy reads it with np.load
        NdArray back = Nd.load(dir.resolve("a.npy"));
        Placement where = Tessel.lastPlacements().getLast();     // where the last op ran
        // --- README tour ends ---

        assertArrayEquals(new float[] {2, 10, 18}, col.toFloatArray()); // a view: it sees out=a
        assertArrayEquals(new float[] {0, 2, 4, 6, 4, 6, 8, 10, 8, 10, 12, 14}, b.toFloatArray());
        assertEquals(DType.FLOAT32, half.dtype());
        assertArrayEquals(new float[] {12, 15, 18, 21}, sums.toFloatArray());
        assertEquals((float) Math.log(2), lse.toFloatArray()[0], 1e-6);
        assertEquals(DType.BOOL, big.dtype());
        assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11}, picked.toFloatArray());
        assertArrayEquals(new float[] {14, 38, 62, 38, 126, 214, 62, 214, 366}, c.toFloatArray());
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22}, back.toFloatArray());
        assertTrue(Files.size(dir.resolve("a.npy")) > 0);
        assertEquals("add", where.op());
    }

    @Test
    void errorsNameWhatIsWrong() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Nd.zeros(DType.FLOAT32, 2, 3).add(Nd.zeros(DType.FLOAT32, 4)));
        assertEquals("operands could not be broadcast together with shapes (2,3) (4,)", e.getMessage());
    }

    @Test
    void aWriterExcludesOtherThreads() {
        NdArray shared = Nd.zeros(DType.FLOAT64, 1000);
        try (var w = shared.write()) {
            w.fill(1.0);
            CompletionException e = assertThrows(CompletionException.class,
                    () -> CompletableFuture.supplyAsync(() -> shared.sum()).join());
            assertTrue(e.getCause() instanceof OwnershipException, e.getCause().toString());
        }
        assertEquals(1000.0, shared.sum().item());
    }
}
