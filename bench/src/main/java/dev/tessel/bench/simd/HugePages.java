package dev.tessel.bench.simd;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Probe-only: zeroed memory from mmap, advised MADV_HUGEPAGE before its first touch (as NumPy does above 4 MiB). */
final class HugePages {
    private static final long HUGE = 2L << 20;
    private static final Linker C = Linker.nativeLinker();
    private static final MethodHandle MMAP = C.downcallHandle(C.defaultLookup().find("mmap").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MADVISE = C.downcallHandle(C.defaultLookup().find("madvise").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));

    private HugePages() {
    }

    static MemorySegment allocate(long bytes, boolean advise) {
        try {
            long len = bytes + HUGE;
            MemorySegment base = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, len, 3, 0x22, -1, 0L);
            long start = (base.address() + HUGE - 1) & -HUGE;
            MemorySegment s = MemorySegment.ofAddress(start).reinterpret(bytes, Arena.global(), null);
            if (advise) {
                int rc = (int) MADVISE.invokeExact(s, (bytes + HUGE - 1) & -HUGE, 14);
                if (rc != 0) {
                    throw new IllegalStateException("madvise failed");
                }
            }
            return s;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
