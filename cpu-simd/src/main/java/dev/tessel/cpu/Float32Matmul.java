package dev.tessel.cpu;

import dev.tessel.spi.MatmulKernel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 {@code C = A @ B} in the BLIS shape: B is packed by {@code KC x NC} blocks into
 * micro-panels of {@link #NR} columns, A by {@code MC x KC} blocks into micro-panels of
 * {@link #MR} rows, and a register-tile micro-kernel keeps an {@code MR x NR} block of C in
 * twelve vector accumulators while it walks k with one FMA per accumulator. Packing reads A
 * and B through their strides, so any layout (transposed, sliced, negative strides) works
 * and the kernel itself only ever sees contiguous panels; edges are zero-padded in the panels
 * and clipped when C is written. Batches are looped by the caller. This file is the template
 * of its FLOAT64 twin (see {@code cpu-simd/gen/kernels.py}).
 */
final class Float32Matmul {
    private static final VectorSpecies<Float> S = Lanes.F32;
    private static final int L = S.length();
    private static final long W = Float.BYTES;
    private static final ValueLayout.OfFloat E = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** Rows per tile: 6 rows x 2 vectors = 12 accumulators, plus 2 B vectors and 1 broadcast = 15 of AVX2's 16 registers. */
    private static final int MR = 6;
    private static final int NR = 2 * L;
    /** Depth of a packed block: a KC x NR micro-panel of B (32 KiB at 512 bits) stays in L1/L2 while A streams. */
    private static final int KC = 256;
    /** Rows of a packed A block: MC x KC elements sized to stay in L2. */
    private static final int MC = 72;
    /** Columns of a packed B block: KC x NC elements sized for L3. */
    private static final int NC = 1024;

    private Float32Matmul() {
    }

    /**
     * The backend's kernel: each call packs the B blocks it walks, unless {@link
     * MatmulKernel#forB} packed all of B once for the product's calls (a product split into
     * blocks of 128 rows of A packed all of B once per block: up to a tenth of the time of a
     * 256 to 2048 product, one thread, JMH). Packing once holds all of B a second time, so it is
     * done only up to {@link #PACK_ONCE_LIMIT} elements.
     */
    static MatmulKernel kernel() {
        return KERNEL;
    }

    private static final MatmulKernel KERNEL = new MatmulKernel() {
        @Override
        public void run(MemorySegment a, long aOff, long aRow, long aCol, MemorySegment b, long bOff, long bRow, long bCol,
                        MemorySegment c, long cOff, long cRow, long cCol, long m, long n, long k) {
            Float32Matmul.run(a, aOff, aRow, aCol, b, bOff, bRow, bCol, c, cOff, cRow, cCol, m, n, k, null);
        }

        @Override
        public MatmulKernel forB(MemorySegment b, long bOff, long bRow, long bCol, long n, long k) {
            if (n <= 0 || k <= 0 || k * roundUp(n, NR) > PACK_ONCE_LIMIT) {
                return this;
            }
            float[][] blocks = packAll(new Operand(b, bOff, bRow, bCol), n, k);
            return (a, aOff, aRow, aCol, b2, bOff2, bRow2, bCol2, c, cOff, cRow, cCol, m, n2, k2) ->
                    Float32Matmul.run(a, aOff, aRow, aCol, b2, bOff2, bRow2, bCol2, c, cOff, cRow, cCol, m, n2, k2, blocks);
        }
    };

    /** Most elements of B packed once for a whole product (2^24: 64 MiB of float32, 128 MiB of float64). */
    static final long PACK_ONCE_LIMIT = 1L << 24;

    /** All of B packed, block (jc, pc) at index {@code (jc / NC) * pcBlocks + pc / KC}, as {@link #run} walks them. */
    private static float[][] packAll(Operand b, long n, long k) {
        int pcBlocks = (int) ((k + KC - 1) / KC);
        float[][] blocks = new float[(int) ((n + NC - 1) / NC) * pcBlocks][];
        for (long jc = 0; jc < n; jc += NC) {
            int nc = (int) Math.min(NC, n - jc);
            for (long pc = 0; pc < k; pc += KC) {
                int kc = (int) Math.min(KC, k - pc);
                float[] bp = new float[(int) (kc * roundUp(nc, NR))];
                packB(b, pc, jc, kc, nc, bp);
                blocks[(int) (jc / NC) * pcBlocks + (int) (pc / KC)] = bp;
            }
        }
        return blocks;
    }

    /** {@code C = A @ B}, packing B's blocks as it goes when {@code packed} is null, else taking them from it. */
    static void run(MemorySegment a, long aOff, long aRow, long aCol,
                    MemorySegment b, long bOff, long bRow, long bCol,
                    MemorySegment c, long cOff, long cRow, long cCol,
                    long m, long n, long k, float[][] packed) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    c.setAtIndex(E, cOff + i * cRow + j * cCol, 0);
                }
            }
            return;
        }
        Operand ma = new Operand(a, aOff, aRow, aCol);
        Operand mb = new Operand(b, bOff, bRow, bCol);
        Operand mc = new Operand(c, cOff, cRow, cCol);
        float[] bp = packed != null ? null : new float[(int) (Math.min(k, KC) * roundUp(Math.min(n, NC), NR))];
        float[] ap = new float[(int) (Math.min(k, KC) * roundUp(Math.min(m, MC), MR))];
        float[] tile = new float[MR * NR];
        int pcBlocks = (int) ((k + KC - 1) / KC);
        for (long jc = 0; jc < n; jc += NC) {
            int nc = (int) Math.min(NC, n - jc);
            for (long pc = 0; pc < k; pc += KC) {
                int kc = (int) Math.min(KC, k - pc);
                float[] panels = bp;
                if (packed == null) {
                    packB(mb, pc, jc, kc, nc, bp);
                } else {
                    panels = packed[(int) (jc / NC) * pcBlocks + (int) (pc / KC)];
                }
                for (long ic = 0; ic < m; ic += MC) {
                    int mcRows = (int) Math.min(MC, m - ic);
                    packA(ma, ic, pc, mcRows, kc, ap);
                    block(ap, panels, mc, ic, jc, mcRows, nc, kc, pc == 0, tile);
                }
            }
        }
    }

    /** A matrix operand: segment, element offset, row and column strides in elements. */
    private record Operand(MemorySegment seg, long off, long row, long col) {
        float get(long i, long j) {
            return seg.getAtIndex(E, off + i * row + j * col);
        }
    }

    private static long roundUp(long x, long to) {
        return (x + to - 1) / to * to;
    }

    /**
     * Packs B[pc:pc+kc, jc:jc+nc] as NR-column micro-panels, each kc rows of NR contiguous values.
     * A full panel of a B whose rows are contiguous is copied a vector at a time: element by
     * element, packing B took a quarter of a 256 to 1024 product, when each call of {@link #run}
     * (a tile of rows of A) still packed all of B.
     */
    private static void packB(Operand b, long pc, long jc, int kc, int nc, float[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (cols == NR && b.col() == 1) {
                packRowsB(b, pc, jc + jr, kc, bp, base);
                continue;
            }
            for (int p = 0; p < kc; p++) {
                int at = base + p * NR;
                for (int j = 0; j < cols; j++) {
                    bp[at + j] = b.get(pc + p, jc + jr + j);
                }
                for (int j = cols; j < NR; j++) {
                    bp[at + j] = 0;
                }
            }
        }
    }

    /** One full micro-panel of a B with contiguous rows: kc rows of NR values from column j0. */
    private static void packRowsB(Operand b, long pc, long j0, int kc, float[] bp, int base) {
        long at = (b.off() + pc * b.row() + j0) * W;
        long step = b.row() * W;
        for (int p = 0; p < kc; p++, at += step) {
            FloatVector.fromMemorySegment(S, b.seg(), at, NO).intoArray(bp, base + p * NR);
            FloatVector.fromMemorySegment(S, b.seg(), at + L * W, NO).intoArray(bp, base + p * NR + L);
        }
    }

    /** Packs A[ic:ic+mc, pc:pc+kc] as MR-row micro-panels, each kc columns of MR contiguous values. */
    private static void packA(Operand a, long ic, long pc, int mc, int kc, float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int base = ir * kc;
            for (int r = 0; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    ap[base + p * MR + r] = r < rows ? a.get(ic + ir + r, pc + p) : 0;
                }
            }
        }
    }

    private static void block(float[] ap, float[] bp, Operand c, long ic, long jc, int mc, int nc, int kc,
                              boolean overwrite, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int cols = Math.min(NR, nc - jr);
                kernel(ap, ir * kc, bp, jr * kc, kc, tile);
                if (rows == MR && cols == NR && c.col() == 1) {
                    addRows(tile, c.seg(), c.off() + (ic + ir) * c.row() + (jc + jr), c.row(), overwrite);
                } else {
                    update(tile, c, ic + ir, jc + jr, rows, cols, overwrite);
                }
            }
        }
    }

    /** Writes (or adds) a full tile into C rows that are contiguous. */
    private static void addRows(float[] tile, MemorySegment c, long at, long cRow, boolean overwrite) {
        for (int r = 0; r < MR; r++) {
            for (int v = 0; v < NR; v += L) {
                long b = (at + r * cRow + v) * W;
                FloatVector x = FloatVector.fromArray(S, tile, r * NR + v);
                if (!overwrite) {
                    x = x.add(FloatVector.fromMemorySegment(S, c, b, NO));
                }
                x.intoMemorySegment(c, b, NO);
            }
        }
    }

    /** Adds (or writes) an edge tile into C through its strides. */
    private static void update(float[] tile, Operand c, long i0, long j0, int rows, int cols, boolean overwrite) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                long at = c.off() + (i0 + r) * c.row() + (j0 + j) * c.col();
                float v = tile[r * NR + j];
                c.seg().setAtIndex(E, at, overwrite ? v : c.seg().getAtIndex(E, at) + v);
            }
        }
    }

    /**
     * The 6 x 2-vector micro-kernel. Each step of k loads two B vectors and broadcasts six A
     * values: 8 loads feed 12 FMAs, so the FMA ports, not the loads, set the pace. The tile
     * goes to a small array and is added to C by the caller: keeping this method free of
     * calls and branches keeps it under C2's inlining node budget, past which the Vector API
     * calls stop being intrinsified and every vector gets boxed.
     */
    private static void kernel(float[] ap, int aBase, float[] bp, int bBase, int kc, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aBase + p * MR;
            int bi = bBase + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }
}
