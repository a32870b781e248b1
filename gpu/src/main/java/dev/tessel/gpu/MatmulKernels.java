package dev.tessel.gpu;

import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task4;
import uk.ac.manchester.tornado.api.types.arrays.DoubleArray;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;

/**
 * Tiled matrix product {@code C = A @ B} on row-major, zero-padded buffers whose sides are
 * multiples of {@link #TILE}. Each work-group of TILE x TILE work-items loads one tile of A and
 * one of B into local memory per step along k, so every element is read from global memory
 * k/TILE times instead of k times. Work-item x walks columns of C (coalesced reads of B and
 * writes of C), y walks rows. The two dtypes are the same code.
 *
 * <p>These kernels use {@link KernelContext} (barriers, local memory), so they cannot run as
 * plain Java; the tests check them against the scalar reference instead.
 */
final class MatmulKernels {
    /** Tile side: 16 x 16 = 256 work-items, within every OpenCL device's minimum group size. */
    static final int TILE = 16;
    /** TILE * TILE; a literal so that the local arrays have a compile-time size. */
    private static final int TILE_AREA = 256;

    /** The resident kernels as task functions, one instance each, so chain plans containing them compare equal. */
    static final Task4<FloatArray, FloatArray, IntArray, FloatArray> ROWS_F32 = MatmulKernels::matmulRowsF32;
    static final Task4<DoubleArray, DoubleArray, IntArray, DoubleArray> ROWS_F64 = MatmulKernels::matmulRowsF64;

    private MatmulKernels() {
    }

    public static void matmulF32(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, int n, int k) {
        int lx = ctx.localIdx;
        int ly = ctx.localIdy;
        int col = ctx.groupIdx * TILE + lx;
        int row = ctx.groupIdy * TILE + ly;
        float[] aTile = ctx.allocateFloatLocalArray(TILE_AREA);
        float[] bTile = ctx.allocateFloatLocalArray(TILE_AREA);
        float sum = 0f;
        for (int t = 0; t < k; t += TILE) {
            aTile[ly * TILE + lx] = a.get(row * k + t + lx);
            bTile[ly * TILE + lx] = b.get((t + ly) * n + col);
            ctx.localBarrier();
            for (int p = 0; p < TILE; p++) {
                sum += aTile[ly * TILE + p] * bTile[p * TILE + lx];
            }
            ctx.localBarrier();
        }
        c.set(row * n + col, sum);
    }

    public static void matmulF64(KernelContext ctx, DoubleArray a, DoubleArray b, DoubleArray c, int n, int k) {
        int lx = ctx.localIdx;
        int ly = ctx.localIdy;
        int col = ctx.groupIdx * TILE + lx;
        int row = ctx.groupIdy * TILE + ly;
        double[] aTile = ctx.allocateDoubleLocalArray(TILE_AREA);
        double[] bTile = ctx.allocateDoubleLocalArray(TILE_AREA);
        double sum = 0d;
        for (int t = 0; t < k; t += TILE) {
            aTile[ly * TILE + lx] = a.get(row * k + t + lx);
            bTile[ly * TILE + lx] = b.get((t + ly) * n + col);
            ctx.localBarrier();
            for (int p = 0; p < TILE; p++) {
                sum += aTile[ly * TILE + p] * bTile[p * TILE + lx];
            }
            ctx.localBarrier();
        }
        c.set(row * n + col, sum);
    }

    /**
     * {@code c = a @ b} on exactly sized row-major buffers, one work-item per element of c;
     * {@code meta = (m, k, n)}. For resident chains ({@link GpuDevice#matmul}), whose buffers are
     * the lent arrays themselves: no padding to the tile, so no tiles, and no work-group shape
     * (a chain's plan has no grid). Plain Java too: the tests run it as its own oracle.
     */
    public static void matmulRowsF32(FloatArray a, FloatArray b, IntArray meta, FloatArray c) {
        for (@Parallel int i = 0; i < c.getSize(); i++) {
            int k = meta.get(1);
            int n = meta.get(2);
            int row = i / n;
            int col = i - row * n;
            float sum = 0f;
            for (int p = 0; p < k; p++) {
                sum = sum + a.get(row * k + p) * b.get(p * n + col);
            }
            c.set(i, sum);
        }
    }

    public static void matmulRowsF64(DoubleArray a, DoubleArray b, IntArray meta, DoubleArray c) {
        for (@Parallel int i = 0; i < c.getSize(); i++) {
            int k = meta.get(1);
            int n = meta.get(2);
            int row = i / n;
            int col = i - row * n;
            double sum = 0d;
            for (int p = 0; p < k; p++) {
                sum = sum + a.get(row * k + p) * b.get(p * n + col);
            }
            c.set(i, sum);
        }
    }
}
