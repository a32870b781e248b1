package dev.tessel.gpu;

import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.types.arrays.DoubleArray;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

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
}
