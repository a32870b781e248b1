package dev.tessel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats the floating elements of one array as NumPy's default {@code FloatingFormat} does
 * ({@code floatmode='maxprec'}, {@code precision=8}, no suppression, sign {@code '-'}): each
 * value with the fewest digits that read back as the same value of its dtype, at most 8
 * digits after the point, every element padded to a common width. Scientific notation is used
 * when a non-zero magnitude reaches {@code 10^min(8, decimal precision of the dtype)} (1e8 for
 * float64, 1e6 for float32, 1e3 for float16, as NumPy 2.3+), is below 1e-4, or the largest is
 * over 1000 times the smallest, with thresholds compared in the array's own dtype as NumPy
 * compares them. In scientific notation every element shows as many fraction digits as the
 * longest needs; shorter ones continue with further digits of their exact binary value (so
 * 5e-324 prints as 4.94065646e-324 beside a value that needs 8 digits), as NumPy's Dragon4
 * {@code min_digits} does.
 */
final class FloatFormat {
    private static final int PRECISION = 8;

    private final DType dtype;
    private boolean scientific;
    private int padLeft;
    private int padRight;
    private int precision;
    private int expSize = -1;

    FloatFormat(DType dtype, double[] shown) {
        this.dtype = dtype;
        fill(shown);
    }

    private void fill(double[] shown) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        boolean anyFinite = false;
        boolean nonFinite = false;
        boolean negInf = false;
        for (double v : shown) {
            if (!Double.isFinite(v)) {
                nonFinite = true;
                negInf |= v == Double.NEGATIVE_INFINITY;
                continue;
            }
            anyFinite = true;
            if (v != 0) {
                max = Math.max(max, Math.abs(v));
                min = Math.min(min, Math.abs(v));
            }
        }
        if (max > 0) {
            scientific = max >= inType(expCutoff()) || min < inType(1e-4) || inType(max / min) > 1000;
        }
        if (anyFinite) {
            measure(shown);
        }
        if (nonFinite) {
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
    }

    private double expCutoff() {
        return switch (dtype) {
            case FLOAT16 -> 1e3;
            case FLOAT32 -> 1e6;
            default -> 1e8;
        };
    }

    /** Rounds to this dtype, so comparisons behave as NumPy's in-dtype scalar comparisons. */
    private double inType(double v) {
        return switch (dtype) {
            case FLOAT32 -> (float) v;
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) v));
            default -> v;
        };
    }

    private void measure(double[] shown) {
        for (double v : shown) {
            if (!Double.isFinite(v)) {
                continue;
            }
            String[] parts = scientific ? scientificParts(v) : positionalParts(v);
            padLeft = Math.max(padLeft, parts[0].length());
            if (scientific) {
                precision = Math.max(precision, parts[1].length());
                expSize = Math.max(expSize, parts[2].length());
            } else {
                padRight = Math.max(padRight, parts[1].length());
            }
        }
        if (scientific) {
            padRight = expSize + 2 + precision;
        }
    }

    String format(double v) {
        if (!Double.isFinite(v)) {
            String s = Double.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
            return " ".repeat(Math.max(0, padLeft + padRight + 1 - s.length())) + s;
        }
        if (scientific) {
            String[] p = scientificParts(v);
            if (p[1].length() < precision) {
                p = digitsOf(new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN)), v);
            }
            return pad(p[0], padLeft) + "." + p[1] + "0".repeat(precision - p[1].length()) + "e" + p[3]
                    + "0".repeat(Math.max(0, expSize - p[2].length())) + p[2];
        }
        String[] p = positionalParts(v);
        return pad(p[0], padLeft) + "." + p[1] + " ".repeat(padRight - p[1].length());
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** {integer part with sign, fraction digits} of the unique positional form. */
    String[] positionalParts(double v) {
        BigDecimal d = shortest(Math.abs(v));
        if (d.scale() > PRECISION) {
            d = new BigDecimal(Math.abs(v)).setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        d = strip(d);
        String plain = d.toPlainString();
        int dot = plain.indexOf('.');
        String sign = negative(v) ? "-" : "";
        return dot < 0 ? new String[] {sign + plain, ""} : new String[] {sign + plain.substring(0, dot), plain.substring(dot + 1)};
    }

    /** {mantissa integer digit with sign, mantissa fraction digits, exponent digits, exponent sign}. */
    String[] scientificParts(double v) {
        BigDecimal d = shortest(Math.abs(v));
        if (d.precision() > PRECISION + 1) {
            d = new BigDecimal(Math.abs(v)).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
        }
        return digitsOf(strip(d), v);
    }

    /** Scientific parts of {@code d} (the magnitude of {@code v}) keeping all its digits. */
    private static String[] digitsOf(BigDecimal d, double v) {
        String digits = d.unscaledValue().toString();
        long exp = d.signum() == 0 ? 0 : digits.length() - 1L - d.scale();
        String e = Long.toString(Math.abs(exp));
        if (e.length() < 2) {
            e = "0" + e;
        }
        String sign = negative(v) ? "-" : "";
        return new String[] {sign + digits.charAt(0), digits.substring(1), e, exp < 0 ? "-" : "+"};
    }

    private static boolean negative(double v) {
        return v < 0 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    }

    private static BigDecimal strip(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    /**
     * The shortest decimal that reads back as {@code v} in this dtype (v finite, non-negative).
     * At each length the nearest candidate is tried first, then its neighbours below and
     * above, which matters only next to powers of two where the rounding interval is lopsided.
     */
    BigDecimal shortest(double v) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal c = exact.round(new MathContext(p, mode));
                if (readsBack(c, v)) {
                    return c;
                }
            }
        }
        return exact;
    }

    private boolean readsBack(BigDecimal c, double v) {
        String s = c.toString();
        return switch (dtype) {
            case FLOAT32 -> Float.parseFloat(s) == (float) v;
            case FLOAT16 -> Float.floatToFloat16((float) Double.parseDouble(s)) == Float.floatToFloat16((float) v);
            default -> Double.parseDouble(s) == v;
        };
    }
}
