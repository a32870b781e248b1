package dev.tessel.gpu;

import uk.ac.manchester.tornado.api.math.TornadoMath;

/**
 * FLOAT64 math the device has no built-in for, written from what TornadoVM lowers for OpenCL
 * (+, -, *, /, comparisons, {@code TornadoMath.exp/log/sqrt/floor/pow/abs}); the generated
 * kernels call these static methods and TornadoVM inlines them. FLOAT32 kernels call them on the
 * widened value and round once, which is also how the scalar reference computes float32.
 *
 * <p>Why not the obvious one-liners: Java's {@code %} on floats reaches OpenCL as {@code %},
 * which OpenCL C rejects for floats, and TornadoVM 5.2 maps none of cbrt, expm1, log1p, sinh,
 * cosh, atanh, hypot or rint to OpenCL's. The formulas follow the classic libm range splits
 * (fdlibm's), so that they stay within the project's ULP table: exact where NumPy is exact
 * (fmod, remainder, floor_divide, rint), one ulp for cbrt and hypot, two for the rest.
 *
 * <p>Comparisons are written with {@code <}, {@code >}, {@code ==} and {@code !=} only, and NaN
 * is taken apart first: TornadoVM drops the unordered flag of {@code <=}/{@code >=} (see
 * gen_kernels.py). Signs of zeros are read as {@code 1 / x < 0}, there being no bit casts.
 */
final class DeviceMath {
    private static final double LN2 = 0.6931471805599453;
    private static final double LOG2E = 1.4426950408889634;
    private static final double TWO_M28 = 3.725290298461914E-9;
    /** Above this |x|, exp(x) overflows (fdlibm's o_threshold). */
    private static final double EXP_MAX = 709.782712893384;

    private DeviceMath() {
    }

    /**
     * C's fmod, exact: binary long division of |x| by |y|, each step a Sterbenz-exact
     * subtraction of |y|·2^k. At most one step per binary order between |x| and |y|.
     */
    static double fmod(double x, double y) {
        if (x - x != 0 || y != y || y == 0) {
            double z = x * 0 * y; // 0 for a zero y, NaN otherwise here
            return z / z;
        }
        double ax = TornadoMath.abs(x);
        double ay = TornadoMath.abs(y);
        if (ax < ay) {
            return x;
        }
        // From here nothing is NaN, so >= is safe. The loops are counted on purpose: TornadoVM
        // 5.2 dropped the code after a while loop whose condition was an || (seen on PoCL).
        // t = |y|·2^k ends in (|x|/2, |x|]: it doubles while 2t still fits in |x|.
        double t = ay;
        int k = 0;
        while (t <= ax * 0.5) {
            t = t * 2;
            k++;
        }
        for (int j = 0; j < k + 1; j++) {
            if (ax >= t) {
                ax = ax - t;
            }
            t = t * 0.5;
        }
        return x < 0 || 1 / x < 0 ? -ax : ax;
    }

    /** NumPy's float remainder (npy_divmod's second half): the sign of the divisor. */
    static double remainder(double a, double b) {
        double mod = fmod(a, b);
        if (b == 0) {
            return mod;
        }
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod = mod + b;
            }
        } else {
            mod = b < 0 ? -0.0 : 0.0;
        }
        return mod;
    }

    /** NumPy's float floor_divide (npy_divmod's first half): the exact quotient of a - fmod(a, b), floored. */
    static double floorDivide(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = fmod(a, b);
        double div = (a - mod) / b;
        if (mod != 0 && ((b < 0) != (mod < 0))) {
            div = div - 1;
        }
        if (div == 0) {
            double q = a / b;
            return q < 0 || 1 / q < 0 ? -0.0 : 0.0;
        }
        double f = TornadoMath.floor(div);
        if (div - f > 0.5) {
            f = f + 1;
        }
        return f;
    }

    /** Round half to even, sign of zero kept: x - floor(x) is exact, so the halfway test is too. */
    static double rint(double x) {
        double f = TornadoMath.floor(x);
        double d = x - f;
        double r = f;
        if (d > 0.5) {
            r = f + 1;
        } else if (d == 0.5) {
            double half = f * 0.5;
            r = half == TornadoMath.floor(half) ? f : f + 1;
        }
        return r == 0 ? x * 0 : r;
    }

    /**
     * e^x - 1: where exp(x) - 1 would cancel (-1 < x < 2), the Taylor series nested as
     * x(1 + x/2(1 + x/3(1 + ...))), 27 terms (2^27/28! is far below an ulp); exp(x) - 1 elsewhere.
     */
    static double expm1(double x) {
        if (x > -1 && x < 2) {
            double s = 1;
            for (int k = 28; k > 1; k--) {
                s = 1 + x * s / k;
            }
            return x * s;
        }
        return TornadoMath.exp(x) - 1;
    }

    /** log(1 + x): log(u) plus the rounding error of u = 1 + x, divided by u (fdlibm's correction). */
    static double log1p(double x) {
        if (x - x != 0) {
            return x > 0 ? x : x - x; // inf stays, -inf and NaN give NaN
        }
        double u = 1 + x;
        if (u == 1) {
            return x;
        }
        if (u == 0) {
            return -1.0 / 0.0;
        }
        double c = x > 1 ? (x - u) + 1 : (1 - u) + x;
        return TornadoMath.log(u) + c / u;
    }

    static double sinh(double x) {
        double ax = TornadoMath.abs(x);
        if (ax < TWO_M28 || x != x) {
            return x;
        }
        double r;
        if (ax < 22) {
            double t = expm1(ax);
            r = ax < 1 ? 0.5 * (2 * t - t * t / (t + 1)) : 0.5 * (t + t / (t + 1));
        } else if (ax < EXP_MAX) {
            r = 0.5 * TornadoMath.exp(ax);
        } else {
            double w = TornadoMath.exp(0.5 * ax);
            r = (0.5 * w) * w;
        }
        return x < 0 ? -r : r;
    }

    static double cosh(double x) {
        double ax = TornadoMath.abs(x);
        if (x != x) {
            return x;
        }
        if (ax < 0.5 * LN2) {
            double t = expm1(ax);
            double w = 1 + t;
            return 1 + (t * t) / (w + w);
        }
        if (ax < 22) {
            double t = TornadoMath.exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ax < EXP_MAX) {
            return 0.5 * TornadoMath.exp(ax);
        }
        double w = TornadoMath.exp(0.5 * ax);
        return (0.5 * w) * w;
    }

    static double arctanh(double x) {
        double ax = TornadoMath.abs(x);
        if (ax < TWO_M28 || x != x) {
            return x;
        }
        if (ax > 1) {
            return (x - x) / 0.0; // NaN
        }
        double r;
        if (ax == 1) {
            r = 1.0 / 0.0;
        } else if (ax < 0.5) {
            double t = ax + ax;
            r = 0.5 * log1p(t + t * ax / (1 - ax));
        } else {
            r = 0.5 * log1p((ax + ax) / (1 - ax));
        }
        return x < 0 ? -r : r;
    }

    /** Cube root: pow for a first guess, then one Newton step, which leaves about half an ulp. */
    static double cbrt(double x) {
        double ax = TornadoMath.abs(x);
        if (ax == 0 || ax - ax != 0) {
            return x; // zeros, infinities, NaN
        }
        // Scaled by 2^±300 (cube root 2^±100, exact) so that y³ neither underflows into the
        // subnormals, where the Newton residual loses its precision, nor overflows.
        double scale = 1;
        if (ax < 0x1p-900) {
            ax = ax * 0x1p300;
            scale = 0x1p-100;
        } else if (ax > 0x1p900) {
            ax = ax * 0x1p-300;
            scale = 0x1p100;
        }
        double y = TornadoMath.pow(ax, 1.0 / 3.0);
        y = y - (y * y * y - ax) / (3 * y * y);
        y = y * scale;
        return x < 0 ? -y : y;
    }

    /** sqrt(x² + y²) without overflow or underflow: both scaled by a power of two, exactly. */
    static double hypot(double x, double y) {
        double ax = TornadoMath.abs(x);
        double ay = TornadoMath.abs(y);
        if (ax - ax != 0 || ay - ay != 0) {
            if (ax > Double.MAX_VALUE || ay > Double.MAX_VALUE) { // an infinity wins over NaN
                return 1.0 / 0.0;
            }
            return ax + ay; // NaN
        }
        double a = ax > ay ? ax : ay;
        double scale = 1;
        if (a > 0x1p500) {
            scale = 0x1p600;
            ax = ax * 0x1p-600;
            ay = ay * 0x1p-600;
        } else if (a < 0x1p-500) {
            scale = 0x1p-600;
            ax = ax * 0x1p600;
            ay = ay * 0x1p600;
        }
        return TornadoMath.sqrt(ax * ax + ay * ay) * scale;
    }

    /** NumPy's logaddexp: the larger argument plus log1p(exp(-|x - y|)). */
    static double logaddexp(double x, double y) {
        if (x == y) {
            return x + LN2; // also two equal infinities, where x - y is NaN
        }
        double d = x - y;
        if (d > 0) {
            return x + log1p(TornadoMath.exp(-d));
        }
        if (d < 0 || d == 0) {
            return y + log1p(TornadoMath.exp(d));
        }
        return d;
    }

    static double logaddexp2(double x, double y) {
        if (x == y) {
            return x + 1;
        }
        double d = x - y;
        if (d > 0) {
            return x + LOG2E * log1p(TornadoMath.pow(2.0, -d));
        }
        if (d < 0 || d == 0) {
            return y + LOG2E * log1p(TornadoMath.pow(2.0, d));
        }
        return d;
    }
}
