#!/usr/bin/env python3
"""Generates the per-dtype TornadoVM kernel classes of dev.tessel.gpu from one template.

Run from the repository root: python3 gpu/src/gen/gen_kernels.py
Each kernel is a @Parallel loop over the whole (padded) buffer: plain Java that TornadoVM
compiles for the device, and that the tests also run on the JVM as the kernel's own oracle.
"""
import pathlib

OUT = pathlib.Path(__file__).resolve().parents[1] / "main/java/dev/tessel/gpu"
CHUNK = 128  # elements per reduction partial; see Reductions.java for why

FLOAT = {
    "FLOAT32": dict(cls="Float32Kernels", arr="FloatArray", t="float", one="1f", zero="0f",
                    inf="Float.POSITIVE_INFINITY", suffix="f", inv_ln10="0.4342944819032518f",
                    w="(float) "),
    "FLOAT64": dict(cls="Float64Kernels", arr="DoubleArray", t="double", one="1d", zero="0d",
                    inf="Double.POSITIVE_INFINITY", suffix="d", inv_ln10="0.4342944819032518d",
                    w=""),
}
INT = {
    "INT32": dict(cls="Int32Kernels", arr="IntArray", t="int", one="1", zero="0", bits=32,
                  min="Integer.MIN_VALUE", max="Integer.MAX_VALUE"),
    "INT64": dict(cls="Int64Kernels", arr="LongArray", t="long", one="1L", zero="0L", bits=64,
                  min="Long.MIN_VALUE", max="Long.MAX_VALUE"),
}

# NumPy semantics: maximum/minimum propagate NaN, fmax/fmin ignore it; sign keeps NaN and maps
# both zeros to +0.
#
# Float comparisons use only <, >, == and != on purpose. TornadoVM 5.2's OpenCL code generator
# drops the "unordered" flag of Java's <= and >= (and of negated compares inside && chains):
# `x <= y` is emitted as `!(y < x)`, which is true for NaN. Kernels written with <=, >= or
# compares under && gave wrong answers for NaN on PoCL (seen in the tests), so they are avoided.
FLOAT_BINARY = {
    "add": "x + y", "subtract": "x - y", "multiply": "x * y", "divide": "x / y",
    "maximum": "(x > y || x != x) ? x : y", "minimum": "(x < y || x != x) ? x : y",
    "fmax": "(x > y || y != y) ? x : y", "fmin": "(x < y || y != y) ? x : y",
    "power": "TornadoMath.pow(x, y)", "arctan2": "TornadoMath.atan2(x, y)",
    # No float fmod: Java's % on floats reaches OpenCL as %, which OpenCL C rejects for floats.
    # The sign of y without bit casts: 1 / -0.0 is -inf. (A NaN y counts as positive.)
    "copysign": "(y < {zero} || {one} / y < {zero}) ? -TornadoMath.abs(x) : TornadoMath.abs(x)",
    "true_divide": "x / y",
    # DeviceMath (hand-written) holds what OpenCL float % and TornadoVM's missing built-ins
    # cannot give; float32 calls it on the widened values and rounds once, as the reference does.
    "fmod": "{w}DeviceMath.fmod(x, y)", "remainder": "{w}DeviceMath.remainder(x, y)",
    "floor_divide": "{w}DeviceMath.floorDivide(x, y)", "hypot": "{w}DeviceMath.hypot(x, y)",
}
# logaddexp on float64 stays on the CPU: x + log1p(exp(-d)) cancels when x < 0, and the device's
# exp/log, an ulp away from Java's, then put it up to 4 ulp from the reference (the table: 2).
# float32 computes in double and rounds once, so it is within the table.
FLOAT32_ONLY_BINARY = {
    "logaddexp": "{w}DeviceMath.logaddexp(x, y)", "logaddexp2": "{w}DeviceMath.logaddexp2(x, y)",
}
# NumPy has float_power loops for float64 (and complex) only: float32 inputs resolve to these.
FLOAT64_ONLY_BINARY = {"float_power": "TornadoMath.pow(x, y)"}
FLOAT_UNARY = {
    "negative": "-x", "positive": "x", "absolute": "TornadoMath.abs(x)", "square": "x * x",
    "reciprocal": "{one} / x", "sqrt": "TornadoMath.sqrt(x)", "exp": "TornadoMath.exp(x)",
    "log": "TornadoMath.log(x)", "log2": "TornadoMath.log2(x)", "sin": "TornadoMath.sin(x)",
    "cos": "TornadoMath.cos(x)", "tan": "TornadoMath.tan(x)", "arcsin": "TornadoMath.asin(x)",
    "arccos": "TornadoMath.acos(x)", "arctan": "TornadoMath.atan(x)",
    "tanh": "TornadoMath.tanh(x)", "arcsinh": "TornadoMath.asinh(x)",
    "arccosh": "TornadoMath.acosh(x)", "floor": "TornadoMath.floor(x)",
    "ceil": "TornadoMath.ceil(x)",
    # TornadoMath has no exp2, log10 or degree conversions: these identities stay within the
    # tests' 4-ULP bound against the reference (which rounds once from double).
    "exp2": "TornadoMath.pow(2{suffix}, x)", "log10": "TornadoMath.log(x) * {inv_ln10}",
    # In double and rounded once for float32: x * 57.29578f rounds twice and was 2 ULP from
    # NumPy in the conformance suite run through the GPU (the table allows 1).
    "deg2rad": "{w}(x * 0.017453292519943295d)", "rad2deg": "{w}(x * 57.29577951308232d)",
    "trunc": "x < {zero} ? TornadoMath.ceil(x) : TornadoMath.floor(x)",
    "sign": "x > {zero} ? {one} : (x < {zero} ? -{one} : (x == {zero} ? {zero} : x))",
    "cbrt": "{w}DeviceMath.cbrt(x)", "expm1": "{w}DeviceMath.expm1(x)", "log1p": "{w}DeviceMath.log1p(x)",
    "sinh": "{w}DeviceMath.sinh(x)", "cosh": "{w}DeviceMath.cosh(x)", "arctanh": "{w}DeviceMath.arctanh(x)",
    "rint": "{w}DeviceMath.rint(x)",
}
FLOAT_PREDICATE = {
    "isnan": "x != x",
    # x - x is NaN exactly for NaN and infinities; comparing with a literal infinity does not
    # compile for double on PoCL (isequal(double, float) is ambiguous).
    "isinf": "(x - x != x - x) && x == x", "isfinite": "x - x == {zero}",
    # 1 / -0.0 is -inf: the only way to see the sign of a zero without bit casts.
    "signbit": "x < {zero} || {one} / x < {zero}",
}
# Any nonzero value (NaN included) is true, as in NumPy; the result is bool.
LOGICAL = {
    "logical_and": "(x != {zero}) & (y != {zero})", "logical_or": "(x != {zero}) | (y != {zero})",
    "logical_xor": "(x != {zero}) != (y != {zero})",
}
COMPARE = {
    "equal": "x == y", "not_equal": "x != y", "less": "x < y", "less_equal": "x < y || x == y",
    "greater": "x > y", "greater_equal": "x > y || x == y",
}
# Integer division by zero gives 0 as in NumPy (which also warns); MIN / -1 wraps to MIN. The
# -1 case is taken apart because the device's divide instruction may trap on it.
INT_BINARY = {
    "add": "x + y", "subtract": "x - y", "multiply": "x * y",
    "maximum": "x > y ? x : y", "minimum": "x < y ? x : y",
    "bitwise_and": "x & y", "bitwise_or": "x | y", "bitwise_xor": "x ^ y",
    "floor_divide": "y == {zero} ? {zero} : (y == -{one} ? -x : "
                    "(x / y - (((x % y) != {zero} && ((x ^ y) < {zero})) ? {one} : {zero})))",
    "remainder": "(y == {zero} || y == -{one}) ? {zero} : "
                 "(x % y + ((((x % y) != {zero}) && (((x % y) ^ y) < {zero})) ? y : {zero}))",
    "fmod": "(y == {zero} || y == -{one}) ? {zero} : x % y",
    "left_shift": "(y >= {zero} && y < {bits}) ? (x << y) : {zero}",
    "right_shift": "(y >= {zero} && y < {bits}) ? (x >> y) : (x < {zero} ? -{one} : {zero})",
}
INT_UNARY = {
    "negative": "-x", "positive": "x", "absolute": "x < {zero} ? -x : x", "square": "x * x",
    "sign": "x > {zero} ? {one} : (x < {zero} ? -{one} : {zero})", "invert": "~x",
    # NumPy: 1 // x, so 0 for |x| > 1; 1 / 0 gives the dtype's minimum (as its C division does).
    "reciprocal": "x == {zero} ? {min} : {one} / x",
}

BANNER = """// GENERATED by gpu/src/gen/gen_kernels.py from one template for every dtype. Do not edit:
// change the generator and run it again (python3 gpu/src/gen/gen_kernels.py).
"""


def kernel_binary(name, d, expr, out_arr, out_expr):
    return f"""
    public static void {method(name)}({d['arr']} a, {d['arr']} b, {out_arr} c) {{
        for (@Parallel int i = 0; i < c.getSize(); i++) {{
            {d['t']} x = a.get(i);
            {d['t']} y = b.get(i);
            c.set(i, {out_expr});
        }}
    }}
"""


def kernel_unary(name, d, out_arr, out_expr):
    return f"""
    public static void {method(name)}({d['arr']} a, {out_arr} c) {{
        for (@Parallel int i = 0; i < c.getSize(); i++) {{
            {d['t']} x = a.get(i);
            c.set(i, {out_expr});
        }}
    }}
"""


def reduce_kernel(name, d, init, step):
    return f"""
    public static void {name}Partials({d['arr']} in, IntArray meta, {d['arr']} part) {{
        for (@Parallel int c = 0; c < part.getSize(); c++) {{
            int start = c * CHUNK;
            int end = TornadoMath.min(start + CHUNK, meta.get(0));
            {d['t']} acc = {init};
            for (int j = start; j < end; j++) {{
                {d['t']} x = in.get(j);
                acc = {step};
            }}
            part.set(c, acc);
        }}
    }}
"""


def arg_kernel(name, d, better, is_float):
    # The first NaN wins (floats): once best is NaN nothing replaces it.
    guard = "best == best && " if is_float else ""
    nan = " || x != x" if is_float else ""
    return f"""
    public static void {name}Partials({d['arr']} in, IntArray meta, {d['arr']} partValue, IntArray partIndex) {{
        for (@Parallel int c = 0; c < partValue.getSize(); c++) {{
            int start = c * CHUNK;
            int end = TornadoMath.min(start + CHUNK, meta.get(0));
            int at = -1;
            {d['t']} best = {d['zero']};
            for (int j = start; j < end; j++) {{
                {d['t']} x = in.get(j);
                if (at < 0 || ({guard}(x {better} best{nan}))) {{
                    best = x;
                    at = j;
                }}
            }}
            partValue.set(c, best);
            partIndex.set(c, at);
        }}
    }}
"""


AXIS_INDEX = """            int outputs = meta.get(0);
            int n = meta.get(1);
            int inner = meta.get(2);
            int chunks = meta.get(3);
            if (w < outputs * chunks) {{
                int c = w / outputs;
                int o = w - c * outputs;
                int oi = o / inner;
                int base = oi * n * inner + (o - oi * inner);
                int start = c * CHUNK;
                int end = TornadoMath.min(start + CHUNK, n);"""


def axis_kernels(name, d, init, step):
    """Axis reduction of an (outer, n, inner) block in one graph: work-item w = c * outputs + o
    folds chunk c of output o's run (meta = outputs, n, inner, chunks per output), then one
    work-item per output folds its chunks in order. Neighbouring work-items take neighbouring
    outputs, which are neighbours in memory when inner > 1 (an axis other than the last), so
    their reads coalesce on a GPU (and vectorize on a CPU device); chunk-major order made the
    axis-0 sum of a (16384, 256) float32 matrix about twice as slow on PoCL (GpuLoopBench). Padded work-items
    past the live range do nothing."""
    idx = AXIS_INDEX.format()
    # float32 chunk results are folded in double and rounded once: a float32 running sum of
    # thousands of chunk sums drifted 12 ULP from NumPy's pairwise sum in the conformance suite.
    acc_t = "double" if d['t'] == "float" else d['t']
    return f"""
    public static void {name}AxisPartials({d['arr']} in, IntArray meta, {d['arr']} part) {{
        for (@Parallel int w = 0; w < part.getSize(); w++) {{
{idx}
                {d['t']} acc = {init};
                for (int j = start; j < end; j++) {{
                    {d['t']} x = in.get(base + j * inner);
                    acc = {step};
                }}
                part.set(w, acc);
            }}
        }}
    }}

    public static void {name}AxisCombine({d['arr']} part, IntArray meta, {d['arr']} out) {{
        for (@Parallel int o = 0; o < out.getSize(); o++) {{
            int outputs = meta.get(0);
            int chunks = meta.get(3);
            if (o < outputs) {{
                {acc_t} acc = {init};
                for (int c = 0; c < chunks; c++) {{
                    {acc_t} x = part.get(c * outputs + o);
                    acc = {step};
                }}
                out.set(o, {d.get('w', '')}acc);
            }}
        }}
    }}
"""


def axis_arg_kernels(name, d, better, is_float):
    guard = "best == best && " if is_float else ""
    nan = " || x != x" if is_float else ""
    idx = AXIS_INDEX.format()
    return f"""
    public static void {name}AxisPartials({d['arr']} in, IntArray meta, {d['arr']} partValue, IntArray partIndex) {{
        for (@Parallel int w = 0; w < partValue.getSize(); w++) {{
{idx}
                int at = -1;
                {d['t']} best = {d['zero']};
                for (int j = start; j < end; j++) {{
                    {d['t']} x = in.get(base + j * inner);
                    if (at < 0 || ({guard}(x {better} best{nan}))) {{
                        best = x;
                        at = j;
                    }}
                }}
                partValue.set(w, best);
                partIndex.set(w, at);
            }}
        }}
    }}

    public static void {name}AxisCombine({d['arr']} partValue, IntArray partIndex, IntArray meta, LongArray out) {{
        for (@Parallel int o = 0; o < out.getSize(); o++) {{
            int outputs = meta.get(0);
            int chunks = meta.get(3);
            if (o < outputs) {{
                int at = -1;
                {d['t']} best = {d['zero']};
                for (int c = 0; c < chunks; c++) {{
                    {d['t']} x = partValue.get(c * outputs + o);
                    if (at < 0 || ({guard}(x {better} best{nan}))) {{
                        best = x;
                        at = partIndex.get(c * outputs + o);
                    }}
                }}
                out.set(o, at);
            }}
        }}
    }}
"""


def method(ufunc):
    """Kernel method names: OpenCL compiles a kernel under its Java name, and a kernel called
    sqrt, exp or isnan collides with the OpenCL built-in of that name (the kernel is then not
    found and PoCL crashes), so every name gets a suffix."""
    head, *rest = ufunc.split("_")
    return head + "".join(w.capitalize() for w in rest) + "Kernel"


def fmt(expr, d):
    return expr.format(**d)


def gen(dtype, d, is_float):
    body, reg = [], []
    binary = FLOAT_BINARY if is_float else INT_BINARY
    unary = FLOAT_UNARY if is_float else INT_UNARY
    if dtype == "FLOAT64":
        binary = {**binary, **FLOAT64_ONLY_BINARY}
    if dtype == "FLOAT32":
        binary = {**binary, **FLOAT32_ONLY_BINARY}
    for n, e in binary.items():
        body.append(kernel_binary(n, d, e, d['arr'], fmt(e, d)))
        reg.append(f'        t.binary("{n}", DType.{dtype}, DType.{dtype}, {d["cls"]}::{method(n)});')
    for n, e in COMPARE.items():
        body.append(kernel_binary(n, d, e, "ByteArray", f"(byte) ({e} ? 1 : 0)"))
        reg.append(f'        t.binary("{n}", DType.{dtype}, DType.BOOL, {d["cls"]}::{method(n)});')
    for n, e in LOGICAL.items():
        body.append(kernel_binary(n, d, e, "ByteArray", f"(byte) (({fmt(e, d)}) ? 1 : 0)"))
        reg.append(f'        t.binary("{n}", DType.{dtype}, DType.BOOL, {d["cls"]}::{method(n)});')
    body.append(kernel_unary("logical_not", d, "ByteArray", f"(byte) (x == {d['zero']} ? 1 : 0)"))
    reg.append(f'        t.unary("logical_not", DType.{dtype}, DType.BOOL, {d["cls"]}::{method("logical_not")});')
    for n, e in unary.items():
        body.append(kernel_unary(n, d, d['arr'], fmt(e, d)))
        reg.append(f'        t.unary("{n}", DType.{dtype}, DType.{dtype}, {d["cls"]}::{method(n)});')
    if is_float:
        for n, e in FLOAT_PREDICATE.items():
            body.append(kernel_unary(n, d, "ByteArray", f"(byte) ({fmt(e, d)} ? 1 : 0)"))
            reg.append(f'        t.unary("{n}", DType.{dtype}, DType.BOOL, {d["cls"]}::{method(n)});')
    lo = f"-{d['inf']}" if is_float else d['min']
    hi = d['inf'] if is_float else d['max']
    red = {
        "add": (d['zero'], "acc + x"), "multiply": (d['one'], "acc * x"),
        "maximum": (lo, "(x > acc || x != x) ? x : acc" if is_float else "x > acc ? x : acc"),
        "minimum": (hi, "(x < acc || x != x) ? x : acc" if is_float else "x < acc ? x : acc"),
    }
    if is_float:
        # maximum(acc, x): a NaN x replaces acc (acc > NaN is false), and a NaN acc stays.
        red["maximum"] = (lo, "(acc > x || acc != acc) ? acc : x")
        red["minimum"] = (hi, "(acc < x || acc != acc) ? acc : x")
    for n, (init, step) in red.items():
        body.append(reduce_kernel(n, d, init, step))
        reg.append(f'        t.reduction("{n}", DType.{dtype}, {d["cls"]}::{n}Partials);')
    for n, (init, step) in red.items():
        body.append(axis_kernels(n, d, init, step))
        reg.append(f'        t.axis("{n}", DType.{dtype}, {d["cls"]}::{n}AxisPartials, {d["cls"]}::{n}AxisCombine);')
    for n, better in (("argmax", ">"), ("argmin", "<")):
        body.append(axis_arg_kernels(n, d, better, is_float))
        reg.append(f'        t.axisArg("{n}", DType.{dtype}, {d["cls"]}::{n}AxisPartials, {d["cls"]}::{n}AxisCombine);')
    body.append(arg_kernel("argmax", d, ">", is_float))
    body.append(arg_kernel("argmin", d, "<", is_float))
    reg.append(f'        t.arg("argmax", DType.{dtype}, {d["cls"]}::argmaxPartials);')
    reg.append(f'        t.arg("argmin", DType.{dtype}, {d["cls"]}::argminPartials);')
    imports = sorted({d['arr'], "ByteArray", "IntArray", "LongArray"})
    imp = "\n".join(f"import uk.ac.manchester.tornado.api.types.arrays.{a};" for a in imports)
    return f"""{BANNER}package dev.tessel.gpu;

import dev.tessel.DType;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.math.TornadoMath;
{imp}

/** {dtype} kernels: elementwise ufuncs, per-chunk reduction partials, arg-reduction partials, axis reductions. */
final class {d['cls']} {{
    /** Elements folded by one reduction work-item. */
    static final int CHUNK = {CHUNK};

    private {d['cls']}() {{
    }}

    static void register(KernelTable t) {{
{chr(10).join(reg)}
    }}
{"".join(body)}}}
"""


def main():
    for dtype, d in FLOAT.items():
        (OUT / f"{d['cls']}.java").write_text(gen(dtype, d, True))
    for dtype, d in INT.items():
        (OUT / f"{d['cls']}.java").write_text(gen(dtype, d, False))


if __name__ == "__main__":
    main()
