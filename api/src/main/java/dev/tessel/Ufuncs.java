package dev.tessel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ufunc catalogue, named as in NumPy. Each entry lists its loops in NumPy's order (the
 * order {@code np.add.types} gives), restricted to Tessel's dtypes and spelled with one
 * letter per operand: {@code Z} bool, {@code b} int8, {@code B} uint8, {@code h} int16,
 * {@code i} int32, {@code l} int64, {@code e} float16, {@code f} float32, {@code d} float64.
 * Loop resolution searches this list in order, as NumPy's legacy resolver does.
 *
 * <p>{@code where} is listed here as a three-input ufunc (condition, x, y) although NumPy's
 * {@code np.where} is a plain function: it broadcasts, takes {@code out} and resolves like one.
 */
public final class Ufuncs {
    private static final Map<String, Ufunc> BY_NAME = new LinkedHashMap<>();
    private static final String ALL3 = "ZZZ bbb BBB hhh iii lll eee fff ddd";
    private static final String NUM3 = "bbb BBB hhh iii lll eee fff ddd";
    private static final String NUM2 = "bb BB hh ii ll ee ff dd";
    private static final String FLT2 = "ee ff dd";
    private static final String FLT3 = "eee fff ddd";
    private static final String CMP = "ZZZ bbZ BBZ hhZ iiZ llZ eeZ ffZ ddZ";
    private static final String PRED = "ZZ bZ BZ hZ iZ lZ eZ fZ dZ";
    private static final String BITS3 = "ZZZ bbb BBB hhh iii lll";
    private static final String INT3 = "bbb BBB hhh iii lll";
    private static final String ROUND = "ZZ bb BB hh ii ll ee ff dd";
    private static final Double NONE = null;

    public static final Ufunc ADD = def("add", 2, 1, 0.0, ALL3);
    public static final Ufunc SUBTRACT = def("subtract", 2, 1, NONE, NUM3);
    public static final Ufunc MULTIPLY = def("multiply", 2, 1, 1.0, ALL3);
    public static final Ufunc DIVIDE = def("divide", 2, 1, NONE, FLT3);
    public static final Ufunc TRUE_DIVIDE = def("true_divide", 2, 1, NONE, FLT3);
    public static final Ufunc FLOOR_DIVIDE = def("floor_divide", 2, 1, NONE, NUM3);
    public static final Ufunc REMAINDER = def("remainder", 2, 1, NONE, NUM3);
    public static final Ufunc FMOD = def("fmod", 2, 1, NONE, NUM3);
    public static final Ufunc DIVMOD = def("divmod", 2, 2, NONE, "bbbb BBBB hhhh iiii llll eeee ffff dddd");
    public static final Ufunc POWER = def("power", 2, 1, NONE, NUM3);
    public static final Ufunc FLOAT_POWER = def("float_power", 2, 1, NONE, "ddd");
    public static final Ufunc NEGATIVE = def("negative", 1, 1, NONE, NUM2);
    public static final Ufunc POSITIVE = def("positive", 1, 1, NONE, NUM2);
    public static final Ufunc ABSOLUTE = def("absolute", 1, 1, NONE, ROUND);
    public static final Ufunc SIGN = def("sign", 1, 1, NONE, NUM2);
    public static final Ufunc RECIPROCAL = def("reciprocal", 1, 1, NONE, NUM2);
    public static final Ufunc SQUARE = def("square", 1, 1, NONE, NUM2);
    public static final Ufunc SQRT = def("sqrt", 1, 1, NONE, FLT2);
    public static final Ufunc CBRT = def("cbrt", 1, 1, NONE, FLT2);
    public static final Ufunc EXP = def("exp", 1, 1, NONE, FLT2);
    public static final Ufunc EXP2 = def("exp2", 1, 1, NONE, FLT2);
    public static final Ufunc EXPM1 = def("expm1", 1, 1, NONE, FLT2);
    public static final Ufunc LOG = def("log", 1, 1, NONE, FLT2);
    public static final Ufunc LOG2 = def("log2", 1, 1, NONE, FLT2);
    public static final Ufunc LOG10 = def("log10", 1, 1, NONE, FLT2);
    public static final Ufunc LOG1P = def("log1p", 1, 1, NONE, FLT2);
    public static final Ufunc LOGADDEXP = def("logaddexp", 2, 1, Double.NEGATIVE_INFINITY, FLT3);
    public static final Ufunc LOGADDEXP2 = def("logaddexp2", 2, 1, Double.NEGATIVE_INFINITY, FLT3);
    public static final Ufunc SIN = def("sin", 1, 1, NONE, FLT2);
    public static final Ufunc COS = def("cos", 1, 1, NONE, FLT2);
    public static final Ufunc TAN = def("tan", 1, 1, NONE, FLT2);
    public static final Ufunc ARCSIN = def("arcsin", 1, 1, NONE, FLT2);
    public static final Ufunc ARCCOS = def("arccos", 1, 1, NONE, FLT2);
    public static final Ufunc ARCTAN = def("arctan", 1, 1, NONE, FLT2);
    public static final Ufunc ARCTAN2 = def("arctan2", 2, 1, NONE, FLT3);
    public static final Ufunc HYPOT = def("hypot", 2, 1, 0.0, FLT3);
    public static final Ufunc SINH = def("sinh", 1, 1, NONE, FLT2);
    public static final Ufunc COSH = def("cosh", 1, 1, NONE, FLT2);
    public static final Ufunc TANH = def("tanh", 1, 1, NONE, FLT2);
    public static final Ufunc ARCSINH = def("arcsinh", 1, 1, NONE, FLT2);
    public static final Ufunc ARCCOSH = def("arccosh", 1, 1, NONE, FLT2);
    public static final Ufunc ARCTANH = def("arctanh", 1, 1, NONE, FLT2);
    public static final Ufunc DEG2RAD = def("deg2rad", 1, 1, NONE, FLT2);
    public static final Ufunc RAD2DEG = def("rad2deg", 1, 1, NONE, FLT2);
    public static final Ufunc FLOOR = def("floor", 1, 1, NONE, ROUND);
    public static final Ufunc CEIL = def("ceil", 1, 1, NONE, ROUND);
    public static final Ufunc TRUNC = def("trunc", 1, 1, NONE, ROUND);
    public static final Ufunc RINT = def("rint", 1, 1, NONE, FLT2);
    public static final Ufunc MAXIMUM = def("maximum", 2, 1, NONE, ALL3);
    public static final Ufunc MINIMUM = def("minimum", 2, 1, NONE, ALL3);
    public static final Ufunc FMAX = def("fmax", 2, 1, NONE, ALL3);
    public static final Ufunc FMIN = def("fmin", 2, 1, NONE, ALL3);
    public static final Ufunc CLIP = def("clip", 3, 1, NONE, "ZZZZ bbbb BBBB hhhh iiii llll eeee ffff dddd");
    public static final Ufunc EQUAL = def("equal", 2, 1, NONE, CMP);
    public static final Ufunc NOT_EQUAL = def("not_equal", 2, 1, NONE, CMP);
    public static final Ufunc LESS = def("less", 2, 1, NONE, CMP);
    public static final Ufunc LESS_EQUAL = def("less_equal", 2, 1, NONE, CMP);
    public static final Ufunc GREATER = def("greater", 2, 1, NONE, CMP);
    public static final Ufunc GREATER_EQUAL = def("greater_equal", 2, 1, NONE, CMP);
    public static final Ufunc LOGICAL_AND = def("logical_and", 2, 1, 1.0, CMP);
    public static final Ufunc LOGICAL_OR = def("logical_or", 2, 1, 0.0, CMP);
    public static final Ufunc LOGICAL_XOR = def("logical_xor", 2, 1, 0.0, CMP);
    public static final Ufunc LOGICAL_NOT = def("logical_not", 1, 1, NONE, PRED);
    public static final Ufunc BITWISE_AND = def("bitwise_and", 2, 1, -1.0, BITS3);
    public static final Ufunc BITWISE_OR = def("bitwise_or", 2, 1, 0.0, BITS3);
    public static final Ufunc BITWISE_XOR = def("bitwise_xor", 2, 1, 0.0, BITS3);
    public static final Ufunc INVERT = def("invert", 1, 1, NONE, "ZZ bb BB hh ii ll");
    public static final Ufunc LEFT_SHIFT = def("left_shift", 2, 1, NONE, INT3);
    public static final Ufunc RIGHT_SHIFT = def("right_shift", 2, 1, NONE, INT3);
    public static final Ufunc ISNAN = def("isnan", 1, 1, NONE, PRED);
    public static final Ufunc ISINF = def("isinf", 1, 1, NONE, PRED);
    public static final Ufunc ISFINITE = def("isfinite", 1, 1, NONE, PRED);
    public static final Ufunc SIGNBIT = def("signbit", 1, 1, NONE, "eZ fZ dZ");
    public static final Ufunc COPYSIGN = def("copysign", 2, 1, NONE, FLT3);
    public static final Ufunc NEXTAFTER = def("nextafter", 2, 1, NONE, FLT3);
    public static final Ufunc WHERE = def("where", 3, 1, NONE, "ZZZZ Zbbb ZBBB Zhhh Ziii Zlll Zeee Zfff Zddd");

    private Ufuncs() {
    }

    private static Ufunc def(String name, int nin, int nout, Double identity, String loops) {
        List<DType[]> sigs = new ArrayList<>();
        for (String sig : loops.split(" ")) {
            DType[] types = new DType[sig.length()];
            for (int i = 0; i < types.length; i++) {
                types[i] = letter(sig.charAt(i));
            }
            sigs.add(types);
        }
        Ufunc u = new Ufunc(name, nin, nout, identity, sigs);
        BY_NAME.put(name, u);
        return u;
    }

    private static DType letter(char c) {
        return switch (c) {
            case 'Z' -> DType.BOOL;
            case 'b' -> DType.INT8;
            case 'B' -> DType.UINT8;
            case 'h' -> DType.INT16;
            case 'i' -> DType.INT32;
            case 'l' -> DType.INT64;
            case 'e' -> DType.FLOAT16;
            case 'f' -> DType.FLOAT32;
            case 'd' -> DType.FLOAT64;
            default -> throw new IllegalStateException("bad loop letter " + c);
        };
    }

    /** Every ufunc, in catalogue order. */
    public static List<Ufunc> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The ufunc named {@code name}; an unknown name fails with the nearest names suggested. */
    static Ufunc byName(String name) {
        Ufunc u = BY_NAME.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no ufunc named '" + name + "'; did you mean " + nearest(name) + "?");
        }
        return u;
    }

    /** Up to three catalogue names closest to {@code name} by edit distance. */
    private static String nearest(String name) {
        List<String> names = new ArrayList<>(BY_NAME.keySet());
        // Nearest by edit distance; among equals, the longer shared prefix (arcsine -> arcsin, arcsinh).
        Collections.sort(names, Comparator.comparingInt((String n) -> distance(name, n))
                .thenComparing(Comparator.comparingInt((String n) -> sharedPrefix(name, n)).reversed())
                .thenComparing(n -> n));
        return String.join(", ", names.subList(0, 3).stream().map(n -> "'" + n + "'").toList());
    }

    private static int sharedPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
