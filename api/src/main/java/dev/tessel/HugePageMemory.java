package dev.tessel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Off-heap memory for large arrays, backed by transparent huge pages where Linux allows them.
 *
 * <p>Why: a streaming op over arrays of a few MiB to tens of MiB (add at 1e6 float64 touches
 * 24 MB) misses the data TLB on every 4 KiB page of each operand; NumPy advises its allocations
 * above 4 MiB {@code MADV_HUGEPAGE}, so on a kernel whose transparent huge pages are in
 * "madvise" mode (the common default) its arrays sit on 2 MiB pages and ours did not. Here an
 * allocation of at least {@link #MIN_BYTES} is an anonymous {@code mmap} (zeroed by the kernel,
 * not yet touched), advised {@code MADV_HUGEPAGE} before its first touch, and unmapped by an
 * automatic arena's cleanup once no view refers to it. The mapping is over-allocated by 2 MiB
 * so that the array starts on a huge-page boundary. Allocations from {@link #POOLED_FROM} up to
 * {@link #MIN_BYTES} are mapped too, on ordinary pages, so that they can be pooled.
 *
 * <p>A collected array's mapping goes to a pool of at most {@link #POOL_BYTES}, keyed by length
 * in whole pages, from which the next allocation of that length takes it, zeroed with one
 * fill (or not at all, for a result its op overwrites whole) instead of faulted in page by page (a 40 MB result: one memset against 20 huge-page or
 * 10,000 small-page faults). {@link OffHeapGarbage} sees that collections come often enough
 * for the pool to be fed.
 *
 * <p>Anything else (another OS, native access not enabled for Tessel, a failed {@code mmap}) gets
 * the automatic arena's 64-byte-aligned {@code malloc}, as before: huge pages are a speed-up,
 * never a requirement. The advice is only advice; the kernel may still back the range with
 * small pages.
 */
final class HugePageMemory {
    /** Smallest allocation that is advised (NumPy's threshold). */
    static final long MIN_BYTES = 4L << 20;
    /**
     * Smallest allocation mapped here (and pooled) at all: from 1 MiB to {@link #MIN_BYTES} on
     * ordinary pages, unadvised, as NumPy's are. Under {@code malloc} a loop of allocating adds
     * at 1e6 float32 (4 MB results, just under the advice's threshold) ran 0.37 ms per add in
     * its steady state against NumPy's 0.11: every result was memory {@code malloc} had not
     * handed out since the last collection.
     */
    static final long POOLED_FROM = 1L << 20;
    private static final long HUGE_PAGE = 2L << 20;
    private static final long PAGE = 4096;
    private static final int PROT_READ_WRITE = 0x3;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x22;
    private static final int MADV_HUGEPAGE = 14;
    private static final Calls CALLS = Calls.find();
    /** Bytes mapped here for arrays in use (pooled mappings not counted). */
    private static final AtomicLong MAPPED = new AtomicLong();
    /**
     * Most bytes mapped here at once. Only a collection frees an automatic arena; the JVM counts
     * its own off-heap allocations against {@code MaxDirectMemorySize} (by default the heap's
     * maximum) and collects when they pass it, but a mmap is not counted there. Past this bound
     * allocations go to {@code malloc}, where that accounting holds, so garbage arrays cannot
     * pile up off-heap further than they could before.
     */
    private static final long MAX_MAPPED = Runtime.getRuntime().maxMemory();
    /** Most bytes of collected arrays' mappings kept for reuse: what is allocated between two collections by default. */
    static final long POOL_BYTES = OffHeapGarbage.DEFAULT_EVERY;
    /** Pooled mappings' base addresses by mapping length. */
    private static final ConcurrentHashMap<Long, ConcurrentLinkedDeque<Long>> FREE = new ConcurrentHashMap<>();
    private static final AtomicLong POOLED = new AtomicLong();

    private HugePageMemory() {
    }

    /**
     * A segment of {@code bytes} (huge-page-aligned from {@link #MIN_BYTES}, page-aligned below),
     * or null where none can be had (use malloc). Zeroed if {@code zeroed}; otherwise a reused
     * mapping keeps what its last array left in it (a fresh one is zero either way).
     */
    static MemorySegment allocate(long bytes, boolean zeroed) {
        if (CALLS == null || bytes < POOLED_FROM) {
            return null;
        }
        boolean huge = bytes >= MIN_BYTES;
        // Whole pages (huge ones plus one for the alignment), so that lengths repeat and mappings can be reused.
        long length = huge ? (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE + HUGE_PAGE : (bytes + PAGE - 1) / PAGE * PAGE;
        Long pooled = take(length);
        long address = pooled != null ? pooled : map(length, huge);
        if (address == 0L) {
            return null;
        }
        MAPPED.addAndGet(length);
        long start = huge ? (address + HUGE_PAGE - 1) & -HUGE_PAGE : address;
        MemorySegment s = MemorySegment.ofAddress(start).reinterpret(bytes, Arena.ofAuto(), x -> release(address, length));
        if (pooled != null && zeroed) {
            s.fill((byte) 0); // a fresh mapping is zeroed by the kernel; a reused one holds its last array
        }
        return s;
    }

    private static Long take(long length) {
        ConcurrentLinkedDeque<Long> free = FREE.get(length);
        Long address = free == null ? null : free.poll();
        if (address != null) {
            POOLED.addAndGet(-length);
        }
        return address;
    }

    /** A new mapping of {@code length} bytes, advised onto huge pages if {@code huge}; 0 when none can be had. */
    private static long map(long length, boolean huge) {
        if (MAPPED.get() + POOLED.get() + length > MAX_MAPPED) {
            return 0L;
        }
        try {
            MemorySegment base = (MemorySegment) CALLS.mmap.invokeExact(MemorySegment.NULL, length,
                    PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
            long address = base.address();
            if (address == -1L || address == 0L) {
                return 0L;
            }
            if (huge) {
                long start = (address + HUGE_PAGE - 1) & -HUGE_PAGE;
                // The advice's result is ignored: without it the memory is still ordinary memory.
                int ignored = (int) CALLS.madvise.invokeExact(MemorySegment.ofAddress(start), length - HUGE_PAGE, MADV_HUGEPAGE);
            }
            return address;
        } catch (Throwable e) {
            return 0L;
        }
    }

    /** Bytes mapped for arrays in use (for tests and diagnostics). */
    static long mapped() {
        return MAPPED.get();
    }

    /** Bytes of collected arrays' mappings held for reuse (for tests and diagnostics). */
    static long pooled() {
        return POOLED.get();
    }

    /** A collected array's cleanup: its mapping goes to the pool, or is unmapped when the pool is full. */
    private static void release(long address, long length) {
        MAPPED.addAndGet(-length);
        if (POOLED.addAndGet(length) <= POOL_BYTES) {
            FREE.computeIfAbsent(length, k -> new ConcurrentLinkedDeque<>()).push(address);
            return;
        }
        POOLED.addAndGet(-length);
        try {
            int ignored = (int) CALLS.munmap.invokeExact(MemorySegment.ofAddress(address), length);
        } catch (Throwable e) {
            throw new IllegalStateException("munmap of a Tessel array failed", e);
        }
    }

    /**
     * The three libc calls, or null off Linux or where this module's native access is not
     * enabled ({@code --enable-native-access=dev.tessel}, or {@code ALL-UNNAMED} on the class
     * path): asking would print the JVM's restricted-method warning, and the fallback is correct.
     */
    private record Calls(MethodHandle mmap, MethodHandle madvise, MethodHandle munmap) {
        static Calls find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                    || !HugePageMemory.class.getModule().isNativeAccessEnabled()) {
                return null;
            }
            try {
                Linker c = Linker.nativeLinker();
                SymbolLookup libc = c.defaultLookup();
                ValueLayout.OfLong size = ValueLayout.JAVA_LONG;
                ValueLayout.OfInt i32 = ValueLayout.JAVA_INT;
                return new Calls(
                        c.downcallHandle(libc.find("mmap").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS,
                                ValueLayout.ADDRESS, size, i32, i32, i32, size)),
                        c.downcallHandle(libc.find("madvise").orElseThrow(),
                                FunctionDescriptor.of(i32, ValueLayout.ADDRESS, size, i32)),
                        c.downcallHandle(libc.find("munmap").orElseThrow(),
                                FunctionDescriptor.of(i32, ValueLayout.ADDRESS, size)));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
