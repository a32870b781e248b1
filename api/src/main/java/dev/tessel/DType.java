package dev.tessel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * The element types of Tessel arrays, named and promoted as in NumPy 2.
 *
 * <p>Every dtype knows how to read and write one element of a {@link MemorySegment} at an
 * element index, both as a {@code double} and as a {@code long}. Integer dtypes are exact
 * through {@code long}; floating dtypes are exact through {@code double}. FLOAT16 is stored as
 * IEEE binary16 and computed in float32, as NumPy does on most CPUs.
 *
 * <p>Storage is always in native byte order (little endian on every platform Tessel runs
 * on); {@code .npy} files in the other order are converted when read.
 */
public enum DType {
    BOOL("bool", 'b', 1, "?"),
    INT8("int8", 'i', 1, "i1"),
    INT16("int16", 'i', 2, "i2"),
    INT32("int32", 'i', 4, "i4"),
    INT64("int64", 'i', 8, "i8"),
    UINT8("uint8", 'u', 1, "u1"),
    FLOAT16("float16", 'f', 2, "f2"),
    FLOAT32("float32", 'f', 4, "f4"),
    FLOAT64("float64", 'f', 8, "f8");

    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final String numpyName;
    private final char kind;
    private final int itemSize;
    private final String typeCode;

    DType(String numpyName, char kind, int itemSize, String typeCode) {
        this.numpyName = numpyName;
        this.kind = kind;
        this.itemSize = itemSize;
        this.typeCode = typeCode;
    }

    /** NumPy's name for this dtype, e.g. {@code "float32"}. */
    public String numpyName() {
        return numpyName;
    }

    /** NumPy's kind character: {@code b}, {@code i}, {@code u} or {@code f}. */
    public char kind() {
        return kind;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** The {@code .npy} type code without byte order, e.g. {@code "f4"}. */
    public String typeCode() {
        return typeCode;
    }

    public boolean isFloating() {
        return kind == 'f';
    }

    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    public boolean isBool() {
        return kind == 'b';
    }

    public boolean isSigned() {
        return kind == 'i' || kind == 'f';
    }

    /** Looks a dtype up by NumPy name ({@code "float32"}) or type code ({@code "f4"}). */
    public static DType of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DType t : values()) {
            if (t.numpyName.equals(n) || t.typeCode.equals(n) || t.name().toLowerCase(Locale.ROOT).equals(n)) {
                return t;
            }
        }
        switch (n) {
            case "bool_", "b1" -> { return BOOL; }
            case "half" -> { return FLOAT16; }
            case "single", "float" -> { return n.equals("float") ? FLOAT64 : FLOAT32; }
            case "double" -> { return FLOAT64; }
            case "int", "long" -> { return INT64; }
            default -> throw new IllegalArgumentException("unknown dtype '" + name
                    + "'; Tessel has bool, int8, int16, int32, int64, uint8, float16, float32, float64");
        }
    }

    // ---- element access: index is in elements, not bytes ----

    /** Reads element {@code index} as a double (exact for every dtype but large int64 values). */
    public double getDouble(MemorySegment seg, long index) {
        return switch (this) {
            case BOOL, INT8 -> seg.get(ValueLayout.JAVA_BYTE, index);
            case UINT8 -> Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, index));
            case INT16 -> seg.getAtIndex(I16, index);
            case INT32 -> seg.getAtIndex(I32, index);
            case INT64 -> seg.getAtIndex(I64, index);
            case FLOAT16 -> Float.float16ToFloat(seg.getAtIndex(I16, index));
            case FLOAT32 -> seg.getAtIndex(F32, index);
            case FLOAT64 -> seg.getAtIndex(F64, index);
        };
    }

    /**
     * Reads element {@code index} as a long. Floats are truncated toward zero as a C cast does
     * (NaN reads as 0).
     */
    public long getLong(MemorySegment seg, long index) {
        return switch (this) {
            case BOOL, INT8 -> seg.get(ValueLayout.JAVA_BYTE, index);
            case UINT8 -> Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, index));
            case INT16 -> seg.getAtIndex(I16, index);
            case INT32 -> seg.getAtIndex(I32, index);
            case INT64 -> seg.getAtIndex(I64, index);
            case FLOAT16 -> (long) Float.float16ToFloat(seg.getAtIndex(I16, index));
            case FLOAT32 -> (long) seg.getAtIndex(F32, index);
            case FLOAT64 -> (long) seg.getAtIndex(F64, index);
        };
    }

    /** Writes a double, converting as NumPy's unsafe cast does (integers wrap, bool is v != 0). */
    public void setDouble(MemorySegment seg, long index, double v) {
        switch (this) {
            case BOOL -> seg.set(ValueLayout.JAVA_BYTE, index, (byte) (v != 0 ? 1 : 0));
            case INT8, UINT8 -> seg.set(ValueLayout.JAVA_BYTE, index, (byte) wrapFromDouble(v));
            case INT16 -> seg.setAtIndex(I16, index, (short) wrapFromDouble(v));
            case INT32 -> seg.setAtIndex(I32, index, (int) wrapFromDouble(v));
            case INT64 -> seg.setAtIndex(I64, index, (long) v);
            case FLOAT16 -> seg.setAtIndex(I16, index, Float.floatToFloat16((float) v));
            case FLOAT32 -> seg.setAtIndex(F32, index, (float) v);
            case FLOAT64 -> seg.setAtIndex(F64, index, v);
        }
    }

    /** Writes a long; narrower integers keep the low bits (wraparound), bool is v != 0. */
    public void setLong(MemorySegment seg, long index, long v) {
        switch (this) {
            case BOOL -> seg.set(ValueLayout.JAVA_BYTE, index, (byte) (v != 0 ? 1 : 0));
            case INT8, UINT8 -> seg.set(ValueLayout.JAVA_BYTE, index, (byte) v);
            case INT16 -> seg.setAtIndex(I16, index, (short) v);
            case INT32 -> seg.setAtIndex(I32, index, (int) v);
            case INT64 -> seg.setAtIndex(I64, index, v);
            case FLOAT16 -> seg.setAtIndex(I16, index, Float.floatToFloat16((float) v));
            case FLOAT32 -> seg.setAtIndex(F32, index, (float) v);
            case FLOAT64 -> seg.setAtIndex(F64, index, (double) v);
        }
    }

    /** Copies one element between segments of this dtype, bit for bit. */
    public void copyElement(MemorySegment src, long srcIndex, MemorySegment dst, long dstIndex) {
        MemorySegment.copy(src, srcIndex * itemSize, dst, dstIndex * itemSize, itemSize);
    }

    private static long wrapFromDouble(double v) {
        // A C cast of an out-of-range float is undefined; going through long wraps like NumPy on x86.
        return (long) v;
    }

    // ---- promotion (NumPy 2, NEP 50) ----

    /** The smallest dtype both can be cast to safely, as {@code np.result_type(a, b)}. */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.isBool()) {
            return b;
        }
        if (b.isBool()) {
            return a;
        }
        if (a.isFloating() || b.isFloating()) {
            if (a.isFloating() && b.isFloating()) {
                return a.itemSize >= b.itemSize ? a : b;
            }
            DType f = a.isFloating() ? a : b;
            DType i = a.isFloating() ? b : a;
            return floatFor(i, f);
        }
        // both integers
        if (a.kind == b.kind) {
            return a.itemSize >= b.itemSize ? a : b;
        }
        DType u = a.kind == 'u' ? a : b;
        DType s = a.kind == 'u' ? b : a;
        if (s.itemSize > u.itemSize) {
            return s;
        }
        // uint8 with int8 -> int16 (the only unsigned dtype is uint8)
        return INT16;
    }

    private static DType floatFor(DType integer, DType f) {
        // int8/uint8 -> float16, int16 -> float32, int32/int64 -> float64 (NumPy's safe casts)
        DType need = switch (integer.itemSize) {
            case 1 -> FLOAT16;
            case 2 -> FLOAT32;
            default -> FLOAT64;
        };
        return need.itemSize >= f.itemSize ? need : f;
    }

    /**
     * Promotion with a Java scalar operand, which is "weak" (NEP 50): it takes the array's dtype
     * unless its kind is higher (an integer array with a float scalar gives float64).
     */
    public static DType promoteWeak(DType array, ScalarKind scalar) {
        return switch (scalar) {
            case BOOL -> array;
            case INT -> array.isBool() ? INT64 : array;
            case FLOAT -> array.isFloating() ? array : FLOAT64;
        };
    }

    /** The kind of a Java scalar taking part in an operation. */
    public enum ScalarKind { BOOL, INT, FLOAT }

    /** Whether values of {@code from} can be cast to {@code to} under the given rule. */
    public static boolean canCast(DType from, DType to, Casting casting) {
        return switch (casting) {
            case NO, EQUIV -> from == to;
            case SAFE -> from == to || promote(from, to) == to;
            // Within a kind, or up the ladder bool < integer < float; signed never goes to unsigned.
            case SAME_KIND -> canCast(from, to, Casting.SAFE) || from.kind == to.kind
                    || kindOrder(from) < kindOrder(to) || from.kind == 'u' && to.kind == 'i';
            case UNSAFE -> true;
        };
    }

    private static int kindOrder(DType t) {
        return switch (t.kind) {
            case 'b' -> 0;
            case 'u', 'i' -> 1;
            default -> 2;
        };
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
