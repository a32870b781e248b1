package dev.tessel.reference;

/**
 * Functions {@link Math} lacks (inverse hyperbolics, an exact-at-powers-of-two log2) and
 * NumPy's formulas for logaddexp and logaddexp2. The inverse hyperbolics follow the classic
 * range splits: a direct log for large arguments, log1p near zero, so that neither
 * cancellation nor overflow of x*x costs accuracy.
 */
final class Transcendentals {
    private static final double LN2 = 0.6931471805599453;
    private static final double LOG2E = 1.4426950408889634;
    private static final double TWO_28 = 0x1p28;
    private static final double TWO_M28 = 0x1p-28;

    private Transcendentals() {
    }

    static double asinh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || Double.isInfinite(x) || ax < TWO_M28) {
            return x;
        }
        double r;
        if (ax > TWO_28) {
            r = Math.log(ax) + LN2;
        } else if (ax > 2) {
            r = Math.log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
        } else {
            double t = x * x;
            r = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
        }
        return Math.copySign(r, x);
    }

    static double acosh(double x) {
        if (Double.isNaN(x) || x < 1) {
            return Double.NaN;
        }
        if (x >= TWO_28) {
            return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || ax > 1) {
            return Double.NaN;
        }
        if (ax == 1) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        if (ax < TWO_M28) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            double s = ax + ax;
            t = 0.5 * Math.log1p(s + s * ax / (1 - ax));
        } else {
            t = 0.5 * Math.log1p((ax + ax) / (1 - ax));
        }
        return Math.copySign(t, x);
    }

    /** log2 as exponent + log2(mantissa): exact at powers of two, which a plain log(x)/ln2 is not. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return x == 0 ? Double.NEGATIVE_INFINITY : x < 0 ? Double.NaN : x;
        }
        int shift = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            shift = 54;
        }
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m > Math.sqrt(2)) {
            m /= 2;
            e += 1;
        }
        return (e - shift) + Math.log(m) * LOG2E;
    }

    static double logaddexp(double x, double y) {
        if (x == y) {
            return x + LN2; // also handles two equal infinities, where x - y is NaN
        }
        double d = x - y;
        if (d > 0) {
            return x + Math.log1p(Math.exp(-d));
        } else if (d <= 0) {
            return y + Math.log1p(Math.exp(d));
        }
        return d;
    }

    static double logaddexp2(double x, double y) {
        if (x == y) {
            return x + 1;
        }
        double d = x - y;
        if (d > 0) {
            return x + LOG2E * Math.log1p(Math.pow(2, -d));
        } else if (d <= 0) {
            return y + LOG2E * Math.log1p(Math.pow(2, d));
        }
        return d;
    }
}
