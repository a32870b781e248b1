package dev.tessel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Tessel's own vectorized transcendental kernels, for the functions where the Vector API's
 * lanewise operators (SVML on x86) are slower than NumPy's AVX-512 loops on this JDK.
 *
 * <p>Each kernel is a range reduction (Cody-Waite with FMA, an exponent split through the
 * integer view of the lanes, and for float64 log a 16-entry table read with a two-vector
 * {@code selectFrom}; for float32 tanh the half angle), a polynomial or rational evaluated with FMA
 * (Estrin's scheme where the chain is long: float64 exp and log, float32 log; Horner's rule
 * elsewhere), and a reconstruction. Coefficients and tables come from
 * {@code cpu-simd/gen/vmath_coeffs.py} (weighted least-squares fits with Lawson re-weighting
 * towards minimax, linearized for the rational, or Chebyshev fits in 40- to 50-digit arithmetic
 * for float64). Lanes a kernel is not built
 * for (NaN, infinities, zeros, subnormals, arguments beyond a reduction's range) are redone
 * with the Vector API's lanewise operator, whose special values match {@link StrictMath};
 * that branch is taken only when such a lane is present. Functions without an own kernel
 * delegate to the lanewise operator, so the generated loops call one name per ufunc.
 *
 * <p>Own kernels: float32 sin, cos, tanh, log and float64 exp, tanh, log. Single-threaded on the
 * 2-core AMD EPYC (Zen 5, AVX-512) machine, {@code ./tessel bench} against NumPy 2.4 in the same
 * run, NumPy time over Tessel time at 100,000 / 1,000,000 elements (2026-11-26, a loaded
 * machine, ns per element in brackets): float64 exp 1.26 / 1.27 (0.43-0.46; Horner: 1.18 / 1.38,
 * 0.49), float64 log 1.21-1.33 / 1.31-1.36 in three runs (0.40-0.42; the lanewise operator:
 * 0.85 / 1.02, 0.63), float32 log 2.07-2.27 / 2.02-2.16 (0.11-0.12; with a reinterpret of its
 * input, see below: 1.18 / 1.20, 0.20), float32 tanh 1.45-1.51 / 1.43 in two runs (0.103-0.109;
 * with |x| clamped before the rational instead of s set after it: 1.31-1.42 / 1.31-1.38; the former
 * kernel, H / (H + 1) with H = expm1(2|x|) / 2, ~25 instructions: 0.98 / 0.91 in the same session,
 * 0.16-0.17), float32 sin 1.67 / 1.69 (0.227) and cos 1.81 / 1.86
 * (0.21; with a reinterpret for their sign: 1.39 / 1.53, 0.26-0.28), float64 tanh 1.27 / 1.22
 * (0.61-0.64). float32 tanh's kernel is 16 instructions with two divisions; the same s with the
 * final step s - s^3 / (4 + s^2), whose roundings count less where |x| < 1 (max 2.07 ulp over every
 * float32 instead of 2.45; two more instructions and a longer dependency chain), measured 1.30 /
 * 1.27 (0.117-0.121) in the run beside 1.53 / 1.41 for the kernel here: kept out for its thin margin
 * over the 1.2 on this shared machine.
 *
 * <p>Max error in ulps against {@link StrictMath} (float32 in float32 ulps), at 512, 256 and
 * 128 bits alike: "random" is {@code TranscendentalAccuracyTest} (200,000 inputs over the
 * domain plus edges), "sweep" is {@code VectorMathSweepTest} (evenly spaced bit patterns over
 * every binade the kernel serves, plus special values, which are exact):
 * <pre>
 *   kernel          random  sweep   bound (test; issue table)
 *   tanh  float32    1.84    2.09   2.5; 3  (every float32: 2.45, at |x| = 0.0625299)
 *   tanh  float64    2.00    2.00   2;   2  (StrictMath's own error is up to 1.7 ulp there)
 *   log   float32    1.01    1.15   2;   3
 *   log   float64    1.00    1.00   2;   2
 *   exp   float64    1.00    1.00   2;   2
 *   sin   float32    1.75     -     2;   3
 *   cos   float32    1.86     -     2;   3
 * </pre>
 *
 * <p>Why a float-to-int {@code reinterpretAsInts()} (and double-to-long) is slow here while the
 * int-to-float direction is not: until C2 compiles the kernel, each reinterpret runs the Vector
 * API's Java fallback, which stores the float vector into a heap {@code MemorySegment} through
 * {@code FloatVector.intoMemorySegment}, the very method the generated loop's store inlines. Its
 * type profile then holds a heap segment class beside the native one, and the loop compiles with
 * a type switch and range checks on every trip (float64 log: 0.50 against 0.42 ns per element;
 * float32 log: 0.18 against 0.10). The int-to-float direction stores through
 * {@code IntVector.intoMemorySegment}, which no float loop uses. So kernels take integer views
 * either as bits loaded by the loop ({@code log(IntVector)}, {@code log(LongVector)}: kernels.py
 * loads them for ufuncs marked BITS) or by value conversion ({@code convert(F2I)}, {@code D2L}),
 * and build floats from integers with the cheap int-to-float reinterpret; a sign goes on as a
 * multiply by +-1.0 built from integer bits. The polluted profile is the JVM's, not the
 * kernel's: before this rule a program that had called sin, isnan or maximum once ran every
 * later add 1.8x slower. {@code ReinterpretFreeTest} keeps every kernel free of such views, and
 * {@link FloatClasses} tests NaN and infinities by comparison.
 *
 * <p>Everything here is static and each method stays under C2's {@code FreqInlineSize} (325
 * bytecodes) so that it inlines into the loop bodies: a call that does not inline boxes the
 * vectors and loses the intrinsics (measured 2-4x slower). For the same reason the generated
 * loops call these kernels once per trip, not unrolled (see {@code kernels.py}).
 */
final class VectorMath {
    private static final VectorSpecies<Float> F = Lanes.F32;
    private static final VectorSpecies<Double> D = Lanes.F64;

    // float32 sin on |r| <= pi/2: r + r^3 P(r^2), fitted (max relative error 2.1e-8).
    private static final float SIN_F0 = -0.16666659352132845f;
    private static final float SIN_F1 = 0.00833306220372915f;
    private static final float SIN_F2 = -0.00019809352237707247f;
    private static final float SIN_F3 = 2.6052943298843917e-06f;
    // float32 tanh: 2 tanh(c/2) = c + c^3 A(w) / Q(w), w = c^2, c < TANH_ONE_F (vmath_coeffs.py; the formula
    // with these coefficients in exact arithmetic is within 0.35 ulp of tanh).
    private static final float TANH_A0 = -0.083333320915699f;
    private static final float TANH_A1 = -0.000978859723545611f;
    private static final float TANH_A2 = -7.194378781605337e-08f;
    private static final float TANH_Q1 = 0.11174605786800385f;
    private static final float TANH_Q2 = 0.0010565443662926555f;
    // float32 log1p(f) = f + f^2 P(f) on [sqrt(1/2) - 1, sqrt(2) - 1], max relative error 3.00e-08
    private static final float LOG_F0 = -0.4999999164906683f;
    private static final float LOG_F1 = 0.33333950620985525f;
    private static final float LOG_F2 = -0.2500174941926713f;
    private static final float LOG_F3 = 0.19962052115258005f;
    private static final float LOG_F4 = -0.16570651196244815f;
    private static final float LOG_F5 = 0.14918334938013897f;
    private static final float LOG_F6 = -0.14306584622933058f;
    private static final float LOG_F7 = 0.08732623071699808f;
    /** Lanes the float32 log kernel serves: positive normal floats; others go lanewise. */
    private static final float MIN_NORMAL_F = Float.MIN_NORMAL;
    /** The bits of sqrt(1/2): the exponent split leaves the mantissa in [sqrt(1/2), sqrt(2)). */
    private static final int SQRT_HALF_BITS_F = 0x3f3504f3;
    /** The least float whose tanh rounds to 1 in float32: from here on the kernel sets s = 2, giving exactly 1. */
    private static final float TANH_ONE_F = 9.010913848876953f;
    private static final int ABS_MASK_F = 0x7fffffff;
    private static final int SIGN_BIT_F = 0x80000000;

    // float64 exp: e^r = 1 + r + r^2 P(r) on |r| <= ln2/2, max relative error 1.60e-17
    private static final double EXP_D0 = 0.5000000000000001;
    private static final double EXP_D1 = 0.16666666666666669;
    private static final double EXP_D2 = 0.041666666666624164;
    private static final double EXP_D3 = 0.008333333333330065;
    private static final double EXP_D4 = 0.0013888888917196719;
    private static final double EXP_D5 = 0.00019841269863040545;
    private static final double EXP_D6 = 2.4801521322368692e-05;
    private static final double EXP_D7 = 2.7557268480310024e-06;
    private static final double EXP_D8 = 2.7620075879983367e-07;
    private static final double EXP_D9 = 2.5100375832561234e-08;
    // float64 tanh: x + x w R(w), w = -x^2, R(w) = -P(-w), on |x| < 0.5625, max relative error 7.17e-18
    private static final double TANH_D0 = 0.3333333333333333;
    private static final double TANH_D1 = 0.13333333333332392;
    private static final double TANH_D2 = 0.0539682539670594;
    private static final double TANH_D3 = 0.021869488476962563;
    private static final double TANH_D4 = 0.008863234021529514;
    private static final double TANH_D5 = 0.003592105532132769;
    private static final double TANH_D6 = 0.0014556239774192678;
    private static final double TANH_D7 = 0.0005887537111834804;
    private static final double TANH_D8 = 0.00023410556936672797;
    private static final double TANH_D9 = 8.426522203958066e-05;
    private static final double TANH_D10 = 2.0026740085317684e-05;
    /**
     * Below this |x| (9/16) tanh takes the odd polynomial; above it, (E - 1) / (E + 1) with
     * E - 1 = 2^n (e^u - 1) + (2^n - 1), n >= 2, which never cancels (it did near |x| = 0.19 in
     * a single-formula kernel). The limit sits past tanh = 0.5 (|x| = 0.549): below 0.5 an ulp is
     * half as wide and the quotient measured 3.0 ulp there with a limit of 0.35.
     */
    private static final double TANH_SMALL_D = 0.5625;
    /** tanh rounds to 1 in float64 beyond 19.1; clamping 2|x| here keeps e^{2|x|} finite. */
    private static final double TANH_CLAMP2_D = 40;
    private static final double TWO_52_D = 0x1p52;
    // float64 tanh's coefficients and ln 2 parts as vectors: a constant costs 3 bytecodes where a
    // broadcast costs 9, which keeps tanh one inlinable method (see tanh).
    private static final DoubleVector TANH_V0 = DoubleVector.broadcast(D, TANH_D0);
    private static final DoubleVector TANH_V1 = DoubleVector.broadcast(D, TANH_D1);
    private static final DoubleVector TANH_V2 = DoubleVector.broadcast(D, TANH_D2);
    private static final DoubleVector TANH_V3 = DoubleVector.broadcast(D, TANH_D3);
    private static final DoubleVector TANH_V4 = DoubleVector.broadcast(D, TANH_D4);
    private static final DoubleVector TANH_V5 = DoubleVector.broadcast(D, TANH_D5);
    private static final DoubleVector TANH_V6 = DoubleVector.broadcast(D, TANH_D6);
    private static final DoubleVector TANH_V7 = DoubleVector.broadcast(D, TANH_D7);
    private static final DoubleVector TANH_V8 = DoubleVector.broadcast(D, TANH_D8);
    private static final DoubleVector EXP_V0 = DoubleVector.broadcast(D, EXP_D0);
    private static final DoubleVector EXP_V1 = DoubleVector.broadcast(D, EXP_D1);
    private static final DoubleVector EXP_V2 = DoubleVector.broadcast(D, EXP_D2);
    private static final DoubleVector EXP_V3 = DoubleVector.broadcast(D, EXP_D3);
    private static final DoubleVector EXP_V4 = DoubleVector.broadcast(D, EXP_D4);
    private static final DoubleVector EXP_V5 = DoubleVector.broadcast(D, EXP_D5);
    private static final DoubleVector EXP_V6 = DoubleVector.broadcast(D, EXP_D6);
    private static final DoubleVector EXP_V7 = DoubleVector.broadcast(D, EXP_D7);
    private static final DoubleVector ZERO_V = DoubleVector.zero(D);
    private static final DoubleVector NEG_LN2_V1 = DoubleVector.broadcast(D, -VectorMath.LN2_D1);
    private static final DoubleVector NEG_LN2_V2 = DoubleVector.broadcast(D, -VectorMath.LN2_D2);
    /** exp's own kernel serves [-708, 709], where 2^n e^r is a normal double; others go lanewise. */
    private static final double EXP_LO_D = -708;
    private static final double EXP_HI_D = 709;
    private static final double LN2_D1 = 0.6931471805599453;
    private static final double LN2_D2 = 2.3190468138462996e-17;
    private static final double LOG2E_D = 1.4426950408889634;
    /** 1.5 * 2^52: adding it rounds a double to an integer held in the low mantissa bits. */
    private static final double ROUND_D = 6755399441055744.0;

    // float64 log1p(r) = r + r^2 P(r) on [-0.02949, 0.03118], max absolute error of P 5.85e-16
    private static final double LOG_D0 = -0.49999999999999944;
    private static final double LOG_D1 = 0.33333333333336534;
    private static final double LOG_D2 = -0.25000000001896056;
    private static final double LOG_D3 = 0.19999999966314977;
    private static final double LOG_D4 = -0.16666656299304022;
    private static final double LOG_D5 = 0.14285797464425593;
    private static final double LOG_D6 = -0.12518192878772394;
    private static final double LOG_D7 = 0.11060307018950132;
    /** ln 2 as a multiple of 2^-42 (k LN2_HI_D is exact for any exponent k) plus the rest. */
    private static final double LN2_HI_D = 0.6931471805598903;
    private static final double LN2_LO_D = 5.497923018708371e-14;
    // c_j near 1 / g_j on the grid g_j = 1 + (j - 6) / 22, chosen so that T_j = -log c_j is a multiple
    // of 2^-42 to within 2^-63 (vmath_coeffs.py), which LOG_T_D holds.
    private static final double[] LOG_INVC_D = {
        1.3749044732539915, 1.294017351407092, 1.222163787286263, 1.1580615644343197,
        1.100234109617304, 1.0474890426266938, 1.0, 0.9563262283336371,
        0.9165944822016172, 0.8801024023559876, 0.846151027653832, 0.814941551128868,
        0.7856889020767994, 0.7585553575190715, 0.7332040906767361, 0.7098536767880432,
    };
    private static final double[] LOG_T_D = {
        -0.3183842547080076, -0.25775160511329887, -0.20062288391704897, -0.14674754218867747,
        -0.0955229840847096, -0.046395912259868055, 0.0, 0.04465618111407821,
        0.08709012677945793, 0.12771701196629692, 0.16705741562327603, 0.20463888471931568,
        0.24119436378646242, 0.2763394999706179, 0.3103311838221998, 0.3426964192169635,
    };
    /** sqrt(1/2)'s bits: the exponent split leaves m in [sqrt(1/2), sqrt(2)). */
    private static final long SQRT_HALF_BITS_D = 0x3fe6a09e667f3bcdL;
    /** The grid's density: j = round(22 m - 16). */
    private static final double LOG_GRID_D = 22;
    /** Whether one two-vector selectFrom holds the 16-entry tables (8 lanes, 512 bits). */
    private static final boolean LOG_TABLE_IN_PAIR = 2 * D.length() >= LOG_INVC_D.length;
    // The tables as long bits, read with fromArray inside the kernel: as static final vectors they
    // measured 0.1-0.3 ns per element slower (their payloads are reloaded every trip either way).
    private static final long[] LOG_INVC_BITS = bitsOf(LOG_INVC_D);
    private static final long[] LOG_T_BITS = bitsOf(LOG_T_D);

    // Cody-Waite splits (vmath_coeffs.py): pi/2 in three floats, ln 2 in two floats / doubles.
    private static final float PIO2_F1 = 1.5707963705062866f;
    private static final float PIO2_F2 = -4.371138828673793e-08f;
    private static final float PIO2_F3 = -1.7151245100058819e-15f;
    private static final float ONE_OVER_PI_F = 0.31830987334251404f;
    /**
     * sin/cos reduce here up to |x| = 8192 (m < 2^13): with pi/2 held to 72 bits the
     * reduced argument keeps full float precision there; larger lanes take the lanewise path.
     */
    private static final float TRIG_LIMIT_F = 8192f;
    private static final float LN2_F1 = 0.6931471824645996f;
    private static final float LN2_F2 = -1.9046542121259336e-09f;
    /** 1.5 * 2^23: adding it rounds a float to an integer held in the low mantissa bits. */
    private static final float ROUND_F = 12582912f;

    private VectorMath() {
    }

    // ---- float32 -------------------------------------------------------------------------

    static FloatVector exp(FloatVector x) {
        return x.lanewise(VectorOperators.EXP);
    }

    /**
     * tanh through the half angle: s = 2 tanh(|x|/2) from an odd rational, then tanh |x| = 4s / (4 + s^2).
     * The quotient damps s's error where tanh nears 1 (d tanh / ds = 4 (4 - s^2) / (4 + s^2)^2 -> 0 as
     * s -> 2), so a (2, 2) rational in x^2 suffices, and the roundings that count are s's, 4 + s^2's and
     * the division's. Takes x's bits as the loop loaded them: |x| is an integer mask, and x's sign goes
     * on with the 4 as a multiply by +-4 built from the sign bit, which also keeps -0. From
     * {@link #TANH_ONE_F} on, s = 2 replaces the rational (which overflows to NaN far out) and the result
     * is exactly +-1; NaN fails that compare and stays NaN; tiny x gives x (s = x, then 4x / 4). The
     * compare runs beside the rational, not before it as a clamp of |x| would (a few percent faster).
     * A rational in x itself, x P(x^2) / Q(x^2), needs degree (4, 4) over [0, 9] and measured 5 ulp in
     * float32; the former kernel, H / (H + 1) with H = expm1(2|x|) / 2, cost 25 instructions.
     */
    static FloatVector tanh(IntVector bits) {
        FloatVector c = bits.and(ABS_MASK_F).reinterpretAsFloats();
        VectorMask<Float> one = c.compare(VectorOperators.GE, TANH_ONE_F);
        FloatVector w = c.mul(c);
        FloatVector a = w.fma(TANH_A2, TANH_A1).fma(w, FloatVector.broadcast(F, TANH_A0));
        FloatVector q = w.fma(TANH_Q2, TANH_Q1).fma(w, FloatVector.broadcast(F, 1f));
        FloatVector s = c.mul(w).fma(a.div(q), c).blend(2f, one);
        FloatVector sign4 = bits.and(SIGN_BIT_F).or(0x40800000).reinterpretAsFloats();
        return s.mul(sign4).div(s.fma(s, FloatVector.broadcast(F, 4f)));
    }

    static FloatVector sin(FloatVector x) {
        FloatVector r = sinCos(x, 0);
        // -0 reduces to a +0 polynomial value; sin keeps the zero's sign.
        return r.blend(x, x.compare(VectorOperators.EQ, 0f));
    }

    static FloatVector cos(FloatVector x) {
        return sinCos(x, 1);
    }

    /**
     * log of the floats whose bits the loop loaded (see the class note on reinterprets).
     * x = 2^k (1 + f) with 1 + f in [sqrt(1/2), sqrt(2)), log x = k ln 2 + f + f^2 P(f): no
     * division and no table (a former kernel with the atanh series and a division measured
     * slower than the lanewise operator). Zeros, negatives, subnormals, infinities and NaN go
     * lanewise, only when present.
     */
    static FloatVector log(IntVector bits) {
        FloatVector x = bits.reinterpretAsFloats();
        VectorMask<Float> plain = x.compare(VectorOperators.GE, MIN_NORMAL_F).and(x.compare(VectorOperators.LT, Float.POSITIVE_INFINITY));
        IntVector k = bits.sub(SQRT_HALF_BITS_F).lanewise(VectorOperators.ASHR, 23);
        FloatVector f = bits.sub(k.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats().sub(1f);
        FloatVector kf = (FloatVector) k.convert(VectorOperators.I2F, 0);
        // Estrin's scheme (depth 3, not 7)
        FloatVector f2 = f.mul(f);
        FloatVector p = f2.mul(f2).fma(f2.fma(f.fma(LOG_F7, LOG_F6), f.fma(LOG_F5, LOG_F4)),
                f2.fma(f.fma(LOG_F3, LOG_F2), f.fma(LOG_F1, LOG_F0)));
        FloatVector r = kf.fma(FloatVector.broadcast(F, LN2_F2), f2.fma(p, f));
        r = kf.fma(FloatVector.broadcast(F, LN2_F1), r);
        if (!plain.allTrue()) {
            r = r.blend(x.lanewise(VectorOperators.LOG), plain.not());
        }
        return r;
    }

    /**
     * x = m pi/2 + r with m even for sin (m = 2 round(x/pi)) and odd for cos (m = 2 round(x/pi - 1/2) + 1),
     * |r| <= pi/2; then sin x = (-1)^(m/2) sin r and cos x = (-1)^((m+1)/2) sin r: one polynomial, a sign.
     */
    private static FloatVector sinCos(FloatVector x, int cos) {
        VectorMask<Float> far = x.abs().compare(VectorOperators.LE, TRIG_LIMIT_F).not();
        FloatVector xs = x.blend(0f, far);
        FloatVector t = xs.fma(ONE_OVER_PI_F, -0.5f * cos).add(ROUND_F);
        FloatVector k = t.sub(ROUND_F); // round(x/pi - 1/2 * cos)
        FloatVector m = k.mul(2f).add(cos);
        FloatVector r = m.fma(FloatVector.broadcast(F, -PIO2_F1), xs);
        r = m.fma(FloatVector.broadcast(F, -PIO2_F2), r);
        r = m.fma(FloatVector.broadcast(F, -PIO2_F3), r);
        FloatVector z = r.mul(r);
        FloatVector p = z.fma(SIN_F3, SIN_F2).fma(z, FloatVector.broadcast(F, SIN_F1));
        p = p.fma(z, FloatVector.broadcast(F, SIN_F0));
        FloatVector res = r.mul(z).fma(p, r);
        // The parity of round(x/pi - 1/2) (plus 1 for cos) is the sign: +-1.0f built from it
        // and multiplied in, with no float-to-int reinterpret (see the class comment).
        IntVector q = (IntVector) k.convert(VectorOperators.F2I, 0);
        FloatVector sign = q.add(cos).lanewise(VectorOperators.LSHL, 31).or(0x3f800000).reinterpretAsFloats();
        res = res.mul(sign);
        if (far.anyTrue()) {
            res = res.blend(x.lanewise(cos == 0 ? VectorOperators.SIN : VectorOperators.COS), far);
        }
        return res;
    }

    // ---- float64 -------------------------------------------------------------------------

    static DoubleVector exp(DoubleVector x) {
        VectorMask<Double> plain = x.compare(VectorOperators.GE, EXP_LO_D).and(x.compare(VectorOperators.LE, EXP_HI_D));
        DoubleVector r = expPlain(x.blend(0, plain.not()));
        if (!plain.allTrue()) {
            r = r.blend(x.lanewise(VectorOperators.EXP), plain.not());
        }
        return r;
    }

    /** e^y = 2^n e^r, n = round(y / ln 2), for y in [-708, 709]. */
    private static DoubleVector expPlain(DoubleVector y) {
        DoubleVector n = y.fma(LOG2E_D, ROUND_D).sub(ROUND_D);
        DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_D1), y);
        r = n.fma(DoubleVector.broadcast(D, -LN2_D2), r);
        // Estrin's scheme: dependency depth 4 instead of Horner's 9 for one more multiply; measured
        // 0.40 against 0.42-0.47 ns per element in the generated loop (same JVM setup, 1e5 elements).
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector p = r4.fma(r4.fma(r.fma(EXP_D9, EXP_D8), r2.fma(r.fma(EXP_D7, EXP_D6), r.fma(EXP_D5, EXP_D4))),
                r2.fma(r.fma(EXP_D3, EXP_D2), r.fma(EXP_D1, EXP_D0)));
        DoubleVector er = r2.fma(p, r).add(1);
        // 2^n built from n converted to long (a double-to-long reinterpret measured slow here).
        LongVector nl = (LongVector) n.convert(VectorOperators.D2L, 0);
        return er.mul(nl.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
    }

    /** float64 tanh from the input's bits, as the generated loops load them (see float32 tanh); long-to-double is free. */
    static DoubleVector tanh(LongVector bits) {
        return tanh(bits.reinterpretAsDoubles());
    }

    /**
     * Two formulas, each where it keeps its relative accuracy: the odd polynomial x + x^3 P(x^2),
     * written x + x w R(w) with w = -x^2, for |x| < 9/16 (evaluated only when a vector has such a
     * lane), and (E - 1) / (E + 1) above, with
     * E - 1 = e^{2|x|} - 1 from exp's reduction and polynomial. A single-formula kernel
     * (H / (H + 1), H = expm1(2|x|) / 2, from 0 up) measured 3.0 ulp: H + 1 rounds away an ulp
     * near 0 and the reconstruction cancels near |x| = 0.19.
     *
     * <p>One method with no call inside, at 323 bytecodes just under C2's 325-byte limit for hot
     * inlining: coefficients are vector constants (3 bytecodes where a broadcast costs 9), locals
     * are reused, and the -0 case needs no blend. Split in two, the inner method failed to inline
     * ("inlining too deep") when C2 compiled the whole ufunc call chain at once, and a rarely
     * taken call to the polynomial did not inline either (35-byte limit for cold sites); both
     * boxed the vectors and ran 2-3x slower. Keep it under 325 when editing ({@code javap -c}).
     */
    static DoubleVector tanh(DoubleVector x) {
        // Locals in declaration order x, t, u, n take the one-byte load slots 0-3.
        DoubleVector t = x.abs();
        DoubleVector u = t.add(t);
        // compare and blend: min (Java's NaN and -0 rules) measured 0.18 ns per element more
        u = u.blend(TANH_CLAMP2_D, u.compare(VectorOperators.GT, TANH_CLAMP2_D));
        DoubleVector n = u.fma(LOG2E_D, ROUND_D).sub(ROUND_D);
        VectorMask<Double> small = t.compare(VectorOperators.LT, TANH_SMALL_D);
        u = n.fma(NEG_LN2_V2, n.fma(NEG_LN2_V1, u));
        t = u.fma(EXP_D9, EXP_D8).fma(u, EXP_V7).fma(u, EXP_V6).fma(u, EXP_V5).fma(u, EXP_V4)
                .fma(u, EXP_V3).fma(u, EXP_V2).fma(u, EXP_V1).fma(u, EXP_V0);
        // 2^n: (n + 1023) 2^52, exact in a double, converted to long is 2^n's bit pattern
        n = ((LongVector) n.fma(TWO_52_D, TWO_52_D * 1023).convert(VectorOperators.D2L, 0)).reinterpretAsDoubles();
        t = n.fma(u.mul(u).fma(t, u), n.sub(1)); // 2^n (e^u - 1) + 2^n - 1; 2^n - 1 is exact up to n = 53, past which tanh is 1
        t = t.div(t.add(2)).lanewise(VectorOperators.NEG, x.compare(VectorOperators.LT, 0));
        if (small.anyTrue()) {
            u = ZERO_V.sub(x.mul(x)); // w = -x^2, but +0 at x = +-0
            n = u.fma(TANH_D10, TANH_D9).fma(u, TANH_V8).fma(u, TANH_V7).fma(u, TANH_V6).fma(u, TANH_V5)
                    .fma(u, TANH_V4).fma(u, TANH_V3).fma(u, TANH_V2).fma(u, TANH_V1).fma(u, TANH_V0);
            // x + x w R(w): x w has x's sign even at zero, so -0 + -0 gives -0.
            t = t.blend(x.mul(u).fma(n, x), small);
        }
        return t;
    }

    static DoubleVector sin(DoubleVector x) {
        return x.lanewise(VectorOperators.SIN);
    }

    static DoubleVector cos(DoubleVector x) {
        return x.lanewise(VectorOperators.COS);
    }

    /**
     * log of the doubles whose bits the loop loaded (see the class note on reinterprets).
     * x = 2^k m, m in [sqrt(1/2), sqrt(2)); m on a 16-point grid g_j = 1 + (j - 6) / 22 with
     * c_j ~ 1/g_j from a table; log x = k ln2 - log c_j + log1p(r), r = m c_j - 1 (|r| < 0.032,
     * one FMA), log1p(r) = r + r^2 P(r) with P of degree 7 by Estrin's scheme. No division; the
     * two table reads (c_j and -log c_j) are one two-vector {@code selectFrom} each at 512 bits,
     * on a long index from one {@code convert(D2L)}. Zeros,
     * negatives, subnormals, infinities and NaN go lanewise, only when present.
     *
     * <p>The lanewise operator measured 0.59-0.63 ns per element in the generated loop (an SVML
     * stub call per vector), against NumPy's 0.54; an earlier own kernel with the atanh series and
     * a division measured slower than the operator. Two-vector {@code selectFrom} with a double
     * index converted it with Java's rounding fix-ups on every call (0.28 ns per element for three
     * reads); with a long index it is one {@code vpermi2q} after the one convert.
     */
    static DoubleVector log(LongVector bits) {
        DoubleVector x = bits.reinterpretAsDoubles();
        VectorMask<Double> plain = x.compare(VectorOperators.GE, Double.MIN_NORMAL).and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
        DoubleVector r = logPlain(bits);
        if (!plain.allTrue()) {
            r = r.blend(x.lanewise(VectorOperators.LOG), plain.not());
        }
        return r;
    }

    /**
     * log x for positive normal x, from its bits b: (k LN2_HI + T_j) + (r + (r^2 P(r) + k LN2_LO)).
     * The first sum is exact (both multiples of 2^-42, one FMA); the inner sum rounds once (half an
     * ulp of r) and the outer once, so the worst case is about one ulp where the two nearly
     * cancel (k = 0, m near a cell edge). A Fast2Sum recovering the inner rounding measured the
     * same 1.0 ulp over 8 million inputs and cost 6% of the time, so it is left out. Constants are
     * scalars or broadcasts, not static final vectors: those are reloaded from the heap every trip.
     */
    private static DoubleVector logPlain(LongVector b) {
        LongVector k = b.sub(SQRT_HALF_BITS_D).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = b.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        // j = round(22 m - 16) = floor(22 m - 15.5), and 22 m - 15.5 > 0; a value convert, not a
        // reinterpret of the double (see log(LongVector))
        LongVector j = (LongVector) m.fma(LOG_GRID_D, -15.5).convert(VectorOperators.D2L, 0);
        DoubleVector r = m.fma(lookup(j, LOG_INVC_BITS), DoubleVector.broadcast(D, -1));
        DoubleVector kd = (DoubleVector) k.convert(VectorOperators.L2D, 0);
        DoubleVector r2 = r.mul(r);
        DoubleVector p = r2.mul(r2).fma(r2.fma(r.fma(LOG_D7, LOG_D6), r.fma(LOG_D5, LOG_D4)),
                r2.fma(r.fma(LOG_D3, LOG_D2), r.fma(LOG_D1, LOG_D0)));
        // broadcasts of constants are hoisted out of the loop; one FMA is exact here (k LN2_HI + T_j is representable)
        DoubleVector s = kd.fma(DoubleVector.broadcast(D, LN2_HI_D), lookup(j, LOG_T_BITS));
        return r2.fma(p, kd.mul(LN2_LO_D)).add(r).add(s);
    }

    /**
     * The 16-entry table's value at each lane's index (the low 4 bits of j): one two-vector
     * {@code selectFrom} at 512 bits (which wraps the index into [0, 16)); narrower, one per
     * 2 L entries, blended by range.
     */
    private static DoubleVector lookup(LongVector j, long[] table) {
        return LOG_TABLE_IN_PAIR ? j.selectFrom(LongVector.fromArray(j.species(), table, 0), LongVector.fromArray(j.species(), table, 8)).reinterpretAsDoubles()
                : lookupNarrow(j, table);
    }

    private static long[] bitsOf(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    private static DoubleVector lookupNarrow(LongVector j, long[] table) {
        int l = j.length();
        LongVector jj = j.and(table.length - 1);
        LongVector v = LongVector.zero(jj.species());
        for (int b = 0; b < table.length; b += 2 * l) {
            // selectFrom wraps the index into [0, 2 L): within block b that is j - b.
            LongVector part = jj.selectFrom(LongVector.fromArray(jj.species(), table, b), LongVector.fromArray(jj.species(), table, b + l));
            v = v.blend(part, jj.compare(VectorOperators.GE, b));
        }
        return v.reinterpretAsDoubles();
    }
}
