#!/usr/bin/env python3
"""Derives the polynomial coefficients used by cpu-simd's VectorMath kernels.

Run: python3 cpu-simd/gen/vmath_coeffs.py   (prints Java constants to paste into VectorMath)

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


# ---- vmath2: float32 tanh through expm1, float32/float64 log, float64 exp ------------------------

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


HALF_EXPM1_2 = lambda r: np.expm1(2 * r) / 2   # (e^{2r} - 1) / 2 = r + r^2 + 2r^3/3 + ...


def tanh_f32():
    """tanh |x| = H / (H + 1), H = expm1(2|x|) / 2 = 2^n h + (2^n - 1) / 2, with n = round(2|x| / ln 2),
    r = |x| - n ln2/2 (|r| <= ln2/4) and h = (e^{2r} - 1) / 2 = r + r^2 Q(r)."""
    c, rel = poly_fit(HALF_EXPM1_2, lambda r: r, 4, -np.log(2) / 4, np.log(2) / 4)
    print(f"    // float32 tanh: (e^(2r) - 1) / 2 = r + r^2 Q(r) on |r| <= ln2/4, max relative error {rel:.2e}")
    show("TANH_F", c, "f")
    print("    // ln2/2 split:", [float(v) for v in split(LN2 / 2, 2, lambda v: np.float32(v))])


if __name__ == "__main__":
    tanh_f32()


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
