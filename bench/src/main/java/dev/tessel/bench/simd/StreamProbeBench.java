package dev.tessel.bench.simd;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Ufuncs;
import dev.tessel.cpu.SimdBackend;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a streaming add loses time, one layer at a time, on the same three arrays: the public
 * API ({@code api}), the SIMD backend's loop called once over all elements ({@code loop}), the
 * same loop called once per scheduler-sized tile ({@code tiled}, {@code tileBytes} of each
 * operand), and a minimal Vector API loop with one vector per trip ({@code plain}), the shape
 * of the runner's triad. Run with {@code -Dtessel.cpu.threads=1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dtessel.cpu.threads=1",
        "-Dtessel.backend=cpu"})
public class StreamProbeBench {
    private static final VectorSpecies<Float> F32 = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> F64 = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();

    @Param({"100000", "1000000", "10000000"})
    public long size;

    @Param({"float32", "float64"})
    public String dtype;

    @Param({"32768"})
    public long tileBytes;

    /** "malloc": Tessel's storage; "huge": mmap advised MADV_HUGEPAGE; "skew": huge, starts 1088 bytes apart; "small": mmap, not advised. */
    @Param({"malloc"})
    public String pages;

    private NdArray a;
    private NdArray b;
    private NdArray out;
    private MemorySegment sa;
    private MemorySegment sb;
    private MemorySegment sc;
    private StridedLoop add;
    private MemorySegment[] segs;
    private long[] unit;
    private long tile;
    private boolean f64;

    @Setup
    public void setUp() {
        DType t = DType.of(dtype);
        f64 = t == DType.FLOAT64;
        a = Nd.linspace(0.5, 1.5, size, true, t);
        b = Nd.linspace(0.6, 1.4, size, true, t);
        out = Nd.empty(t, size);
        if (!pages.equals("malloc")) {
            a = copied(a, t, 0);
            b = copied(b, t, 1);
            out = copied(out, t, 2);
        }
        sa = a.segment();
        sb = b.segment();
        sc = out.segment();
        add = new SimdBackend().loop("add", new DType[] {t, t, t});
        segs = new MemorySegment[] {sa, sb, sc};
        unit = new long[] {1, 1, 1};
        tile = tileBytes / t.itemSize();
    }

    /** A copy of x in mmap'd memory; "skew" pages start operand k at k * 1088 bytes past the huge page. */
    private NdArray copied(NdArray x, DType t, int k) {
        long skew = pages.equals("skew") ? k * 1088L : 0;
        MemorySegment m = HugePages.allocate(size * t.itemSize() + skew, !pages.equals("small")).asSlice(skew);
        m.copyFrom(x.segment().asSlice(0, size * t.itemSize()));
        return Nd.wrap(m, t, size);
    }

    @Benchmark
    public NdArray api() {
        Ufuncs.ADD.call(new Object[] {a, b}, new NdArray[] {out}, null, null, null);
        return out;
    }

    @Benchmark
    public void loop() {
        add.run(segs, new long[3], unit, size);
    }

    @Benchmark
    public void tiled() {
        for (long s = 0; s < size; s += tile) {
            long[] o = {s, s, s};
            add.run(segs, o, unit, Math.min(tile, size - s));
        }
    }

    @Benchmark
    public void plain() {
        if (f64) {
            plainF64(sa, sb, sc, size);
        } else {
            plainF32(sa, sb, sc, size);
        }
    }

    @Benchmark
    public void plainTiled() {
        for (long s = 0; s < size; s += tile) {
            long n = Math.min(tile, size - s);
            if (f64) {
                offsetF64(sa, s, sb, s, sc, s, n);
            } else {
                offsetF32(sa, s, sb, s, sc, s, n);
            }
        }
    }

    @Benchmark
    public void offset() {
        if (f64) {
            offsetF64(sa, 0, sb, 0, sc, 0, size);
        } else {
            offsetF32(sa, 0, sb, 0, sc, 0, size);
        }
    }

    /** The generated loop's shape (byte offsets hoisted, long bound n - L), one vector per trip. */
    private static void offsetF64(MemorySegment a, long oa, MemorySegment b, long ob, MemorySegment c, long oc, long n) {
        long ba = oa * Double.BYTES;
        long bb = ob * Double.BYTES;
        long bc = oc * Double.BYTES;
        long l = F64.length();
        long i = 0;
        for (long end = n - l; i <= end; i += l) {
            DoubleVector va = DoubleVector.fromMemorySegment(F64, a, ba + i * Double.BYTES, NO);
            DoubleVector vb = DoubleVector.fromMemorySegment(F64, b, bb + i * Double.BYTES, NO);
            va.add(vb).intoMemorySegment(c, bc + i * Double.BYTES, NO);
        }
        for (; i < n; i++) {
            c.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, oc + i,
                    a.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, oa + i)
                            + b.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, ob + i));
        }
    }

    private static void offsetF32(MemorySegment a, long oa, MemorySegment b, long ob, MemorySegment c, long oc, long n) {
        long ba = oa * Float.BYTES;
        long bb = ob * Float.BYTES;
        long bc = oc * Float.BYTES;
        long l = F32.length();
        long i = 0;
        for (long end = n - l; i <= end; i += l) {
            FloatVector va = FloatVector.fromMemorySegment(F32, a, ba + i * Float.BYTES, NO);
            FloatVector vb = FloatVector.fromMemorySegment(F32, b, bb + i * Float.BYTES, NO);
            va.add(vb).intoMemorySegment(c, bc + i * Float.BYTES, NO);
        }
        for (; i < n; i++) {
            c.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, oc + i,
                    a.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, oa + i)
                            + b.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, ob + i));
        }
    }

    private static void plainF64(MemorySegment a, MemorySegment b, MemorySegment c, long n) {
        long bound = F64.loopBound(n);
        long i = 0;
        for (; i < bound; i += F64.length()) {
            long at = i * Double.BYTES;
            DoubleVector.fromMemorySegment(F64, a, at, NO).add(DoubleVector.fromMemorySegment(F64, b, at, NO))
                    .intoMemorySegment(c, at, NO);
        }
        for (; i < n; i++) {
            c.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i,
                    a.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i)
                            + b.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i));
        }
    }

    private static void plainF32(MemorySegment a, MemorySegment b, MemorySegment c, long n) {
        long bound = F32.loopBound(n);
        long i = 0;
        for (; i < bound; i += F32.length()) {
            long at = i * Float.BYTES;
            FloatVector.fromMemorySegment(F32, a, at, NO).add(FloatVector.fromMemorySegment(F32, b, at, NO))
                    .intoMemorySegment(c, at, NO);
        }
        for (; i < n; i++) {
            c.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i,
                    a.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i)
                            + b.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i));
        }
    }
}
