package dev.tessel;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The loop dtypes a ufunc resolved to, remembered per combination of input dtypes, so that a
 * repeated call skips the catalogue search (a hot cost at 1,000 elements). Only calls without
 * {@code dtype=} are cached: their resolution depends on nothing but the input dtypes. A slot
 * holds an array nobody mutates; racing writers store equal arrays, so a lost store costs one
 * more search and nothing else.
 */
final class ResolutionCache {
    private static final int TYPES = DType.values().length;
    /** Beyond this many inputs the table would be large for no common case: no caching. */
    private static final int MAX_INPUTS = 3;

    private final AtomicReferenceArray<DType[]> slots;

    ResolutionCache(int nin) {
        int size = 1;
        for (int k = 0; k < nin && nin <= MAX_INPUTS; k++) {
            size *= TYPES;
        }
        slots = new AtomicReferenceArray<>(nin <= MAX_INPUTS ? size : 0);
    }

    /** The slot of input dtypes {@code in}, or -1 when this cache does not cover them. */
    int slot(DType[] in) {
        if (in.length > MAX_INPUTS || slots.length() == 0) {
            return -1;
        }
        int s = 0;
        for (DType t : in) {
            s = s * TYPES + t.ordinal();
        }
        return s < slots.length() ? s : -1;
    }

    DType[] get(int slot) {
        return slot < 0 ? null : slots.get(slot);
    }

    void put(int slot, DType[] loop) {
        if (slot >= 0) {
            slots.set(slot, loop);
        }
    }
}
