#!/usr/bin/env python3
"""Derives the polynomial coefficients used by cpu-simd's VectorMath kernels.

Run: python3 cpu-simd/gen/vmath_coeffs.py   (prints Java constants to paste into VectorMath)
     python3 cpu-simd/gen/vmath_coeffs.py --sweep   (also evaluates float32 tanh, as the kernel does, on
     every float32 up to 9.1 and prints its max ulp error; a few seconds more)

exp's Taylor coefficients are exact rationals, rounded once.
sin's polynomial are weighted least-squares fits on Chebyshev nodes, close to the
minimax error for these degrees: f(x) = x + x^3 P(x^2), weighted so that f's relative error is
what gets minimized.
"""
from fractions import Fraction
from math import factorial
import numpy as np

def taylor(kind, degrees):
    out = []
    for k in degrees:
        c = Fraction(1, factorial(k))
        if kind in ("sin", "cos") and (k // 2) % 2 == 1:
            c = -c
        out.append(c)
    return out


def odd_fit(fn, deg, xmax):
    """fn(x) = x + x^3 P(x^2) on |x| <= xmax, P of degree deg, minimizing fn's relative error.

    Returns P's coefficients and the max relative error with them rounded to float32."""
    m = 4000
    tmax = xmax * xmax
    t = tmax * (1 - np.cos(np.pi * (np.arange(m) + 0.5) / m)) / 2  # Chebyshev nodes on [0, tmax]
    t = t[t > 1e-8]
    x = np.sqrt(t)
    target = (fn(x) - x) / (x * t)                  # P(t)
    w = t * x / fn(x)                               # relative error of fn per unit error in P
    a = np.vstack([t ** k for k in range(deg + 1)]).T
    c, *_ = np.linalg.lstsq(a * w[:, None], target * w, rcond=None)
    xs = np.linspace(1e-4, xmax, 200001)
    ts = xs * xs
    c32 = c.astype(np.float32).astype(np.float64)
    approx = xs + xs * ts * np.polyval(c32[::-1], ts)
    return c, np.max(np.abs(approx / fn(xs) - 1))


def show(name, values, suffix):
    for i, v in enumerate(values):
        print(f"    private static final {'float' if suffix == 'f' else 'double'} {name}{i} = {float(v)!r}{suffix};")


if __name__ == "__main__":
    c, rel = odd_fit(np.sin, 3, np.pi / 2)
    print(f"    // sin float32 fit on |x| <= pi/2: max relative error {rel:.2e}")
    show("SIN_F", c, "f")

# Splits of pi/2 and ln 2 into parts whose sum carries far more bits than one float / double,
# for Cody-Waite reduction (x - n*C computed as x - n*C1 - n*C2 - n*C3 with FMAs).
PI_2 = Fraction("1.5707963267948966192313216916397514420985846996875529")
LN2 = Fraction("0.69314718055994530941723212145817656807550013436025525")


def split(c, parts, to):
    out = []
    for _ in range(parts):
        p = to(float(c))
        out.append(p)
        c -= Fraction(float(p))
    return out


if __name__ == "__main__":
    f32 = lambda v: np.float32(v)
    print("    // pi/2 and ln 2 split:", [float(v) for v in split(PI_2, 3, f32)], [float(v) for v in split(LN2, 2, f32)],
          split(LN2, 2, float))


# ---- vmath2: float32 log, float64 exp (float32 tanh: see tanh5 below) -------------------------

def poly_fit(fn, lead, deg, lo, hi, relative=True, m=6000):
    """fn(r) = lead(r) + r^2 Q(r) on [lo, hi], Q of degree deg, least squares on Chebyshev nodes
    weighted so that fn's relative (or absolute) error is what gets minimized, then a few Lawson
    re-weightings towards the minimax error. Returns Q's coefficients (low order first) and the
    max error with them rounded to the target type when evaluated in double."""
    r = lo + (hi - lo) * (1 - np.cos(np.pi * (np.arange(m) + 0.5) / m)) / 2
    r = r[np.abs(r) > 1e-9]
    target = (fn(r) - lead(r)) / (r * r)
    w = r * r / (np.abs(fn(r)) if relative else 1)
    a = np.vstack([r ** k for k in range(deg + 1)]).T
    lw = np.ones_like(r)
    for _ in range(12):
        c, *_ = np.linalg.lstsq(a * (w * lw)[:, None], target * w * lw, rcond=None)
        err = np.abs((lead(r) + r * r * np.polyval(c[::-1], r)) / (fn(r) if relative else 1) - (1 if relative else fn(r)))
        lw = lw * (err / err.max() + 1e-3) ** 0.5
    return c, err.max()


# float32 tanh through the half angle: with s = 2 tanh(|x|/2), tanh |x| = 4s / (4 + s^2). s is an odd
# rational, s = c + c^3 A(w) / Q(w) (c = |x|, w = c^2), and the final quotient damps its error: d tanh / ds
# = 4 (4 - s^2) / (4 + s^2)^2 falls to 0 as s -> 2, so s may be off by 1e-4 near |x| = 9 where tanh is 1
# to 3e-8. A (2, 2) rational reaches 2e-8 where tanh x = x P(x^2) / Q(x^2) needs (4, 4) for 2.2e-8 and
# still measured 5 ulp in float32 (the roundings of the long P and Q chains land on a result near 1).
# From TANH_ONE_F on (where float32 tanh is 1) the kernel sets s = 2, so 4s / (4 + s^2) is exactly 1; the
# fit covers [0, TANH_ONE_F] only.
TANH_TIGHT_F = 1.2    # below this |x| the fit is weighted 10x: the roundings cost most there (2.45 ulp)


def tanh_one_f32():
    """The least float32 x whose tanh rounds to 1.0f (9.0109138...)."""
    lo, hi = np.array([9.0, 9.1], np.float32).view(np.int32)
    xs = np.arange(lo, hi, dtype=np.int32).view(np.float32)
    ones = np.tanh(xs.astype(np.float64)).astype(np.float32) == 1
    assert ones[np.argmax(ones):].all()
    return float(xs[np.argmax(ones)])


TANH_ONE_F = tanh_one_f32()


def half_angle_s(c):
    return 2 * np.tanh(c / 2)


def tanh_f32_target(w):
    """g(w) = (s - c) / c^3 with s = 2 tanh(c/2), the function A/Q fits (g(0) = -1/12)."""
    c = np.sqrt(w)
    small = w < 1e-6
    cs = np.where(small, 1.0, c)
    return np.where(small, -1 / 12 + w / 120, (half_angle_s(cs) - cs) / (cs * np.where(small, 1.0, w)))


def tanh_f32_weight(w):
    """Relative error of tanh per unit error in A/Q: c^3 (d tanh / ds) / tanh = c^3 (4 - s^2) / (s (4 + s^2)),
    10x below TANH_TIGHT_F."""
    c = np.sqrt(w)
    s = half_angle_s(c)
    om = c * w * (4 - s * s) / (np.where(w > 0, s, 1) * (4 + s * s))
    return om * np.where(c < TANH_TIGHT_F, 10.0, 1.0)


def rational_fit(g, weight, hi, dp, dq, iters=80, m=6000):
    """Weighted minimax A/Q ~ g on w in [0, hi], Q(0) = 1: linearized least squares (Loeb) on
    Chebyshev nodes, each pass dividing by the last Q, with Lawson re-weighting towards the minimax;
    the best pass wins. Works in t = w / hi (conditioning), returns coefficients in w, low order first."""
    t = (1 - np.cos(np.pi * (np.arange(m) + 0.5) / m)) / 2
    w = t * hi
    gv, om = g(w), weight(w)
    a = np.vstack([t ** k for k in range(dp + 1)] + [-gv * t ** k for k in range(1, dq + 1)]).T
    qv, lw, best = np.ones_like(t), np.ones_like(t), None
    for _ in range(iters):
        sw = lw * om / np.abs(qv)
        c, *_ = np.linalg.lstsq(a * sw[:, None], gv * sw, rcond=None)
        p, q = c[:dp + 1], np.concatenate([[1], c[dp + 1:]])
        qv = np.polyval(q[::-1], t)
        e = np.abs(om * (np.polyval(p[::-1], t) / qv - gv))
        if best is None or e.max() < best[0]:
            best = (e.max(), p / hi ** np.arange(dp + 1), q / hi ** np.arange(dq + 1))
        lw = lw * (e / e.max() + 1e-8) ** 0.5
        lw /= lw.mean()
    return best[1], best[2]


def f32_fma(a, b, c):
    """float32 fma: the float64 product of two floats is exact, the sum rounds once more (a double
    rounding can differ from a true fma in rare ties, which the Java sweep would show)."""
    return (a.astype(np.float64) * np.float64(b) + np.float64(c)).astype(np.float32)


def tanh_f32_kernel(x, a, q, subtractive=False):
    """VectorMath.tanh step by step in float32 (|x| only; the sign is an exact multiply). With
    subtractive, the variant the Javadoc compares: s - s^3 / (4 + s^2) as fma(s, s^2 / (-4 - s^2), s)."""
    f = np.float32
    c = np.abs(x).astype(np.float32)
    with np.errstate(all="ignore"):   # w, A and Q overflow far out; s = 2 replaces them there
        w = c * c
        av = f32_fma(f32_fma(np.full_like(w, a[2]), w, a[1]), w, a[0])
        qv = f32_fma(f32_fma(np.full_like(w, q[2]), w, q[1]), w, f(1))
        s = f32_fma(c * w, av / qv, c)
    s = np.where(c >= f(TANH_ONE_F), f(2), s)
    if subtractive:
        s2 = s * s
        return f32_fma(s, s2 / (f(-4) - s2), s)
    return (s * f(4)) / f32_fma(s, s, f(4))


def tanh_f32(sweep=False):
    a, q = rational_fit(tanh_f32_target, tanh_f32_weight, TANH_ONE_F ** 2, 2, 2)
    a32, q32 = a.astype(np.float32), q.astype(np.float32)
    xs = np.linspace(1e-3, TANH_ONE_F, 400001)
    ws = xs * xs
    s = xs + xs * ws * np.polyval(a32.astype(np.float64)[::-1], ws) / np.polyval(q32.astype(np.float64)[::-1], ws)
    ex = np.tanh(xs)
    approx = np.abs(4 * s / (4 + s * s) - ex) / np.spacing(ex.astype(np.float32))
    edge = tanh_f32_kernel(np.array([np.nextafter(np.float32(TANH_ONE_F), np.float32(0)), TANH_ONE_F, np.inf, np.nan],
                                    np.float32), a32, q32)
    assert edge[0] == np.float32(1) - np.float32(2 ** -24) and edge[1] == 1 and edge[2] == 1 and np.isnan(edge[3]), edge
    print(f"    // float32 tanh: 2 tanh(c/2) = c + c^3 A(w) / Q(w), w = c^2, c < {TANH_ONE_F!r} (tanh rounds to 1 from"
          f" there); the formula with these coefficients in exact arithmetic is within {approx.max():.3f} ulp of tanh")
    show("TANH_A", a32, "f")
    for i in (1, 2):
        print(f"    private static final float TANH_Q{i} = {float(q32[i])!r}f;")
    if sweep:
        # every float32 from 2^-14 up to 9.1 (below, s = x and tanh x rounds to x or next to it), evaluated
        # as the kernel does, in the test's measure: |got - tanh x| in ulps of tanh x rounded to float32
        lo, hi = np.array([2.0 ** -14, 9.1], np.float32).view(np.int32)
        for subtractive in (False, True):
            worst, at = 0.0, 0.0
            for b in range(lo, hi + 1, 1 << 23):
                x = np.arange(b, min(b + (1 << 23), hi + 1), dtype=np.int32).view(np.float32)
                ex = np.tanh(x.astype(np.float64))
                got = tanh_f32_kernel(x, a32, q32, subtractive)
                err = np.abs(got - ex) / np.spacing(ex.astype(np.float32))
                if err.max() > worst:
                    worst, at = float(err.max()), float(x[np.argmax(err)])
            name = "s - s^3 / (4 + s^2) variant" if subtractive else "kernel"
            print(f"    // float32 tanh {name}, every float32 up to 9.1: max {worst:.4f} ulp at {at!r}")


if __name__ == "__main__":
    import sys
    tanh_f32(sweep="--sweep" in sys.argv)


def log_f32():
    """log x = k ln2 + log1p(f), x = 2^k (1 + f) with 1 + f in [sqrt(1/2), sqrt(2)); log1p(f) = f + f^2 P(f)."""
    c, rel = poly_fit(np.log1p, lambda r: r, 7, np.sqrt(0.5) - 1, np.sqrt(2) - 1)
    print(f"    // float32 log1p(f) = f + f^2 P(f) on [sqrt(1/2) - 1, sqrt(2) - 1], max relative error {rel:.2e}")
    show("LOG_F", c, "f")


if __name__ == "__main__":
    log_f32()


def exp_f64(deg=9):
    """e^r = 1 + r + r^2 P(r) on |r| <= ln2/2: P is a Chebyshev fit of (e^r - 1 - r) / r^2 in
    40-digit arithmetic (mpmath), close to minimax; the max relative error is checked on 2001
    points with the coefficients rounded to double. Degree 9 reaches 1.6e-17 (the Taylor
    polynomial needs degree 11 for the same)."""
    import mpmath as mp
    mp.mp.dps = 40
    h = mp.log(2) / 2

    def g(r):
        return (mp.expm1(r) - r) / r ** 2 if abs(r) > mp.mpf(10) ** -30 else mp.mpf(1) / 2

    c = [float(v) for v in mp.chebyfit(g, [-h, h], deg + 1)][::-1]
    worst = 0
    for i in range(2001):
        r = -h + 2 * h * i / 2000
        p = mp.mpf(0)
        for v in c[::-1]:
            p = p * r + mp.mpf(v)
        worst = max(worst, abs(1 + r + r * r * p - mp.exp(r)) / mp.exp(r))
    print(f"    // float64 exp: e^r = 1 + r + r^2 P(r) on |r| <= ln2/2, max relative error {float(worst):.2e}")
    show("EXP_D", c, "")


if __name__ == "__main__":
    exp_f64()



# ---- vmath3: float64 tanh ------------------------------------------------------------------

# The float64 tanh polynomial serves |x| < 9/16; beyond, (E - 1) / (E + 1). 9/16 is past 0.5493, where
# tanh reaches 0.5: below 0.5 an ulp is half as wide, and the quotient's error (about 1.5 ulp there
# against 0.75 above 0.5) measured 3.0 ulp with a limit of 0.35.
TANH_SMALL_D = 0.5625


def tanh_f64(deg=10):
    """tanh x = x + x^3 P(x^2) on |x| < 9/16: P is a Chebyshev fit of (tanh sqrt(t) - sqrt(t)) / t^(3/2)
    on t in [0, (9/16)^2] in 40-digit arithmetic (mpmath); the max relative error of the whole
    polynomial is checked on 2000 points with P's coefficients rounded to double. Degree 10 reaches
    7e-18; degree 9 only 1.2e-16 (1.1 of 2^-53). Above 9/16 the kernel uses
    e^{2|x|} - 1 built from exp's polynomial (EXP_D), so it needs no coefficients of its own."""
    import mpmath as mp
    mp.mp.dps = 40
    c = mp.mpf(TANH_SMALL_D)

    def g(t):
        if t < mp.mpf(10) ** -30:
            return mp.mpf(-1) / 3
        x = mp.sqrt(t)
        return (mp.tanh(x) - x) / x ** 3

    cs = [float(v) for v in mp.chebyfit(g, [0, c * c], deg + 1)][::-1]
    worst = 0
    for i in range(1, 2001):
        x = c * i / 2000
        t = x * x
        p = mp.mpf(0)
        for v in cs[::-1]:
            p = p * t + mp.mpf(v)
        worst = max(worst, abs((x + x * t * p) / mp.tanh(x) - 1))
    # The kernel evaluates x + x w R(w) with w = 0 - x^2 (+0 at x = +-0, so the sum keeps -0's sign):
    # R(w) = -P(-w), all of whose coefficients are positive.
    rs = [-v * (-1) ** k for k, v in enumerate(cs)]
    print(f"    // float64 tanh: x + x w R(w), w = -x^2, R(w) = -P(-w), on |x| < {TANH_SMALL_D}, max relative error {float(worst):.2e}")
    show("TANH_D", rs, "")


if __name__ == "__main__":
    tanh_f64()


# ---- vmath4: float64 log ---------------------------------------------------------------------

# x = 2^k m with m in [sqrt(1/2), sqrt(2)) (exponent split at sqrt(1/2)'s bits), then m is placed on a
# grid of 16 points g_j = 1 + (j - 6) / 22 (j = round(22 m - 16), 0..15; g_6 = 1) and
# log x = k ln2 - log c_j + log1p(r), r = m c_j - 1, c_j ~ 1/g_j, |r| < 0.0316.
# A table of 16 is what one two-vector selectFrom holds at 512 bits (8 double lanes).
LOG_GRID_D = 22
LOG_CENTER_D = 6
LOG_TABLE_D = 16


def log_table_f64():
    """c_j near 1/g_j such that T_j = -log c_j lies within 2^-64 of a multiple of 2^-42, so the
    table holds T_j alone, as that multiple: with LN2_HI also a multiple of 2^-42,
    k LN2_HI + T_j is exact for |k| <= 1075 (a multiple of 2^-42 below 2^10). Candidates are the
    multiples of 2^-34 within 2^22 steps (2.5e-4 relative) of 1/g_j, screened with numpy's
    80-bit long double and the best 20 checked in 50-digit arithmetic. c_6 = 1, T_6 = 0: near
    x = 1 the result is r + r^2 P(r) with r = m - 1 exact. Returns (c, T, r range)."""
    import mpmath as mp
    mp.mp.dps = 50
    two42 = np.longdouble(2.0) ** 42
    invc, t = [], []
    for j in range(LOG_TABLE_D):
        if j == LOG_CENTER_D:
            invc.append(1.0)
            t.append(0.0)
            continue
        c0 = 1 / (1 + mp.mpf(j - LOG_CENTER_D) / LOG_GRID_D)
        i = np.arange(-2 ** 22, 2 ** 22, dtype=np.int64)
        cand = (round(float(c0) * 2 ** 34) + i).astype(np.float64) * 2.0 ** -34
        u = -np.log(cand.astype(np.longdouble)) * two42
        best = None
        for k in np.argsort(np.abs(u - np.round(u)))[:20]:
            c = float(cand[k])
            tj = -mp.log(mp.mpf(c))
            th = mp.nint(tj * 2 ** 42) / 2 ** 42
            if best is None or abs(tj - th) < best[0]:
                best = (abs(tj - th), c, th)
        assert best[0] < mp.mpf(2) ** -63 and mp.mpf(float(best[2])) == best[2]
        invc.append(best[1])
        t.append(float(best[2]))
    # r's range over each grid cell [g_j - 1/44, g_j + 1/44] clipped to [sqrt(1/2), sqrt(2))
    lo_m, hi_m = mp.sqrt(mp.mpf(1) / 2), mp.sqrt(2)
    r_lo, r_hi = 0, 0
    for j in range(LOG_TABLE_D):
        g = 1 + mp.mpf(j - LOG_CENTER_D) / LOG_GRID_D
        a, b = max(g - mp.mpf(1) / 44, lo_m), min(g + mp.mpf(1) / 44, hi_m)
        r_lo, r_hi = min(r_lo, a * invc[j] - 1), max(r_hi, b * invc[j] - 1)
    return invc, t, (r_lo, r_hi)


def log_f64(deg=7):
    """log1p(r) = r + r^2 P(r) on r's range (|r| < 0.0316): P is a Chebyshev fit of
    (log1p(r) - r) / r^2 in 50-digit arithmetic (mpmath); degree 7 reaches an absolute error
    below 1e-15 in P, about 2^-55 relative to log1p(r) since |r^2 dP| <= |r| 0.0316 dP."""
    import mpmath as mp
    invc, t, (r_lo, r_hi) = log_table_f64()
    mp.mp.dps = 50

    def g(r):
        return (mp.log1p(r) - r) / r ** 2 if abs(r) > mp.mpf(10) ** -40 else mp.mpf(-1) / 2

    c = [float(v) for v in mp.chebyfit(g, [r_lo, r_hi], deg + 1)][::-1]
    worst = 0
    for i in range(4001):
        r = r_lo + (r_hi - r_lo) * i / 4000
        if r == 0:
            continue
        p = mp.mpf(0)
        for v in c[::-1]:
            p = p * r + mp.mpf(v)
        worst = max(worst, abs(p - g(r)))
    two42 = mp.mpf(2) ** 42
    ln2 = mp.log(2)
    ln2_hi = mp.floor(ln2 * two42 + mp.mpf(1) / 2) / two42
    print(f"    // float64 log1p(r) = r + r^2 P(r) on [{float(r_lo):.5f}, {float(r_hi):.5f}], max absolute error of P {float(worst):.2e}")
    show("LOG_D", c, "")
    print(f"    private static final double LN2_HI_D = {float(ln2_hi)!r};")
    print(f"    private static final double LN2_LO_D = {float(ln2 - ln2_hi)!r};")
    for name, vals in (("LOG_INVC_D", invc), ("LOG_T_D", t)):
        print(f"    private static final double[] {name} = {{")
        for i in range(0, len(vals), 4):
            print("        " + ", ".join(repr(v) for v in vals[i:i + 4]) + ",")
        print("    };")


if __name__ == "__main__":
    log_f64()
