package dev.tessel.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The core's arithmetic peak: GFLOP/s of one thread running vector FMAs on registers only.
 * Eight independent accumulators, because an FMA has about four cycles of latency and current
 * cores issue two per cycle: fewer chains would measure latency instead of throughput.
 */
final class FmaPeak {
    private static final int CHAINS = 8;
    private static final long ROUND = 1 << 20;

    private FmaPeak() {}

    /** Best GFLOP/s of rounds measured for at least {@code seconds}, for "float32" or "float64". */
    static double measure(String dtype, double seconds) {
        boolean single = dtype.equals("float32");
        double[] flops = new double[1];
        long nanos = BestTime.of(() -> flops[0] = runRound(single, ROUND), seconds);
        return flops[0] / nanos;
    }

    private static double runRound(boolean single, long iterations) {
        return single ? roundF32(iterations) : roundF64(iterations);
    }

    private static double roundF32(long iterations) {
        VectorSpecies<Float> s = FloatVector.SPECIES_PREFERRED;
        FloatVector m = FloatVector.broadcast(s, 0.999999f);
        FloatVector k = FloatVector.broadcast(s, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(s, 1f), a1 = a0, a2 = a0, a3 = a0;
        FloatVector a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(m, k); a1 = a1.fma(m, k); a2 = a2.fma(m, k); a3 = a3.fma(m, k);
            a4 = a4.fma(m, k); a5 = a5.fma(m, k); a6 = a6.fma(m, k); a7 = a7.fma(m, k);
        }
        float sink = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        return flops(iterations, s.length(), sink);
    }

    private static double roundF64(long iterations) {
        VectorSpecies<Double> s = DoubleVector.SPECIES_PREFERRED;
        DoubleVector m = DoubleVector.broadcast(s, 0.999999);
        DoubleVector k = DoubleVector.broadcast(s, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(s, 1), a1 = a0, a2 = a0, a3 = a0;
        DoubleVector a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(m, k); a1 = a1.fma(m, k); a2 = a2.fma(m, k); a3 = a3.fma(m, k);
            a4 = a4.fma(m, k); a5 = a5.fma(m, k); a6 = a6.fma(m, k); a7 = a7.fma(m, k);
        }
        double sink = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        return flops(iterations, s.length(), sink);
    }

    private static double flops(long iterations, int lanes, double sink) {
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("FMA probe diverged"); // keeps the chains alive for C2
        }
        return 2.0 * CHAINS * lanes * iterations;
    }
}
