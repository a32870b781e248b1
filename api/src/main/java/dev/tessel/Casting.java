package dev.tessel;

import java.util.Locale;

/** NumPy's casting rules, from strictest to loosest. */
public enum Casting {
    /** Only the identical dtype. */
    NO,
    /** Identical dtype up to byte order (storage is always native, so the same as NO). */
    EQUIV,
    /** Only casts that preserve every value. */
    SAFE,
    /** Safe casts and casts within a kind (float64 to float32, int64 to int8). */
    SAME_KIND,
    /** Any cast. */
    UNSAFE;

    /** Parses NumPy's spelling: {@code "no"}, {@code "equiv"}, {@code "safe"}, {@code "same_kind"}, {@code "unsafe"}. */
    public static Casting of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '" + name + "')");
        }
    }

    public String numpyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
