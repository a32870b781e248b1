package dev.tessel;

import java.nio.ByteOrder;

/**
 * Maps NumPy {@code descr} strings ({@code "<f8"}, {@code ">i4"}, {@code "|b1"}) to Tessel
 * dtypes and byte orders, and explains the ones Tessel cannot hold.
 *
 * <p>Accepted byte-order marks: {@code <} (little), {@code >} (big), {@code =} (native), and
 * {@code |} only for one-byte types, as NumPy writes them.
 */
final class NpyDescr {
    static final String SUPPORTED = "|b1, |i1, |u1, i2, i4, i8, f2, f4, f8 (either byte order)";

    private NpyDescr() {
    }

    static DType dtype(String descr, String source) throws NpyFormatException {
        if (descr.length() >= 2 && descr.substring(1).startsWith("O") || descr.equals("O")) {
            throw new NpyFormatException(source + ": object arrays (dtype '" + descr
                    + "') are refused: reading them would unpickle Python objects, which Tessel never does");
        }
        if (descr.length() < 2 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            throw unsupported(descr, source, "not a byte order and type code");
        }
        String code = descr.substring(1);
        DType t = switch (code) {
            case "b1", "?" -> DType.BOOL;
            case "i1" -> DType.INT8;
            case "u1" -> DType.UINT8;
            case "i2" -> DType.INT16;
            case "i4" -> DType.INT32;
            case "i8" -> DType.INT64;
            case "f2" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            default -> throw unsupported(descr, source, kindName(code));
        };
        if (descr.charAt(0) == '|' && t.itemSize() > 1) {
            throw unsupported(descr, source, "byte order '|' is only for one-byte types");
        }
        return t;
    }

    /** The payload byte order named by a descr already accepted by {@link #dtype}. */
    static ByteOrder order(String descr) {
        return switch (descr.charAt(0)) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
    }

    private static NpyFormatException unsupported(String descr, String source, String why) {
        return new NpyFormatException(source + ": unsupported dtype '" + descr + "' (" + why + "); Tessel reads "
                + SUPPORTED);
    }

    private static String kindName(String code) {
        if (code.isEmpty()) {
            return "no type code";
        }
        return switch (code.charAt(0)) {
            case 'c' -> "complex";
            case 'U' -> "unicode string";
            case 'S', 'a' -> "byte string";
            case 'V' -> "void/structured";
            case 'M' -> "datetime";
            case 'm' -> "timedelta";
            case 'u' -> "unsigned integer wider than 8 bits";
            case 'i', 'f', 'b' -> "no such width in Tessel";
            default -> "unknown type code";
        };
    }
}
