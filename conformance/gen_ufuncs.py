#!/usr/bin/env python3
"""Writes the ufunc conformance cases that Tessel's JUnit suite reads back.

Run from the repository root:  python3 conformance/gen_ufuncs.py
Output (committed): conformance/ufuncs/manifest.tsv and one .npz per op family.

manifest.tsv, one case a line, tab-separated:
    file  case  kind  name  views  params
  file    the .npz holding the case's arrays: <case>_a0, <case>_a1, ... are the stored inputs,
          <case>_r0 (and _r1 for divmod) NumPy's outputs; for `where=` cases also <case>_w
          (mask) and <case>_o (the out array before the call).
  kind    ufunc | reduce | accumulate | outer | at | named | matmul | dot
  name    ufunc or function name as NumPy spells it
  views   per input, separated by '|': '-' (as stored), 'T' (transpose) or a NumPy index
          string applied to the stored array (e.g. '::2', '::-1', '1:,::2')
  params  ';'-separated key=value: axis (comma list, or 'none' for all), keepdims, initial,
          ddof, where, numpy_dtype (NumPy's result dtype when Tessel's differs: Tessel has no
          uint64, so sums of uint8 are int64 there and are stored here as int64)
"""
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ufuncs")
LETTER = {"Z": np.bool_, "b": np.int8, "B": np.uint8, "h": np.int16, "i": np.int32, "l": np.int64,
          "e": np.float16, "f": np.float32, "d": np.float64}
ALL3 = "ZZZ bbb BBB hhh iii lll eee fff ddd"
NUM3 = "bbb BBB hhh iii lll eee fff ddd"
NUM2 = "bb BB hh ii ll ee ff dd"
FLT2 = "ee ff dd"
FLT3 = "eee fff ddd"
CMP = "ZZZ bbZ BBZ hhZ iiZ llZ eeZ ffZ ddZ"
PRED = "ZZ bZ BZ hZ iZ lZ eZ fZ dZ"
ROUND = "ZZ bb BB hh ii ll ee ff dd"
CATALOGUE = [
    ("add", 2, ALL3), ("subtract", 2, NUM3), ("multiply", 2, ALL3), ("divide", 2, FLT3),
    ("true_divide", 2, FLT3), ("floor_divide", 2, NUM3), ("remainder", 2, NUM3), ("fmod", 2, NUM3),
    ("divmod", 2, "bbbb BBBB hhhh iiii llll eeee ffff dddd"), ("power", 2, NUM3), ("float_power", 2, "ddd"),
    ("negative", 1, NUM2), ("positive", 1, NUM2), ("absolute", 1, ROUND), ("sign", 1, NUM2),
    ("reciprocal", 1, NUM2), ("square", 1, NUM2), ("sqrt", 1, FLT2), ("cbrt", 1, FLT2), ("exp", 1, FLT2),
    ("exp2", 1, FLT2), ("expm1", 1, FLT2), ("log", 1, FLT2), ("log2", 1, FLT2), ("log10", 1, FLT2),
    ("log1p", 1, FLT2), ("logaddexp", 2, FLT3), ("logaddexp2", 2, FLT3), ("sin", 1, FLT2), ("cos", 1, FLT2),
    ("tan", 1, FLT2), ("arcsin", 1, FLT2), ("arccos", 1, FLT2), ("arctan", 1, FLT2), ("arctan2", 2, FLT3),
    ("hypot", 2, FLT3), ("sinh", 1, FLT2), ("cosh", 1, FLT2), ("tanh", 1, FLT2), ("arcsinh", 1, FLT2),
    ("arccosh", 1, FLT2), ("arctanh", 1, FLT2), ("deg2rad", 1, FLT2), ("rad2deg", 1, FLT2),
    ("floor", 1, ROUND), ("ceil", 1, ROUND), ("trunc", 1, ROUND), ("rint", 1, FLT2),
    ("maximum", 2, ALL3), ("minimum", 2, ALL3), ("fmax", 2, ALL3), ("fmin", 2, ALL3),
    ("clip", 3, "ZZZZ bbbb BBBB hhhh iiii llll eeee ffff dddd"),
    ("equal", 2, CMP), ("not_equal", 2, CMP), ("less", 2, CMP), ("less_equal", 2, CMP), ("greater", 2, CMP),
    ("greater_equal", 2, CMP), ("logical_and", 2, CMP), ("logical_or", 2, CMP), ("logical_xor", 2, CMP),
    ("logical_not", 1, PRED), ("bitwise_and", 2, "ZZZ bbb BBB hhh iii lll"),
    ("bitwise_or", 2, "ZZZ bbb BBB hhh iii lll"), ("bitwise_xor", 2, "ZZZ bbb BBB hhh iii lll"),
    ("invert", 1, "ZZ bb BB hh ii ll"), ("left_shift", 2, "bbb BBB hhh iii lll"),
    ("right_shift", 2, "bbb BBB hhh iii lll"), ("isnan", 1, PRED), ("isinf", 1, PRED), ("isfinite", 1, PRED),
    ("signbit", 1, "eZ fZ dZ"), ("copysign", 2, FLT3), ("nextafter", 2, FLT3),
    ("where", 3, "ZZZZ Zbbb ZBBB Zhhh Ziii Zlll Zeee Zfff Zddd"),
]
# Domains for random values of float inputs: (low, high) per ufunc, else (-10, 10).
DOMAIN = {"sqrt": (0, 100), "log": (0, 100), "log2": (0, 100), "log10": (0, 100), "log1p": (-1, 100),
          "arcsin": (-1, 1), "arccos": (-1, 1), "arctanh": (-1, 1), "arccosh": (1, 100), "exp": (-30, 30),
          "exp2": (-30, 30), "expm1": (-30, 30), "sinh": (-20, 20), "cosh": (-20, 20), "tan": (-3, 3),
          "power": (0, 8), "float_power": (0, 8), "reciprocal": (-10, 10)}
rng = np.random.default_rng(20261125)


class Writer:
    """Collects cases per .npz file and the manifest lines."""

    def __init__(self):
        self.files = {}
        self.counts = {}
        self.lines = []

    def case(self, file, kind, name, inputs, results, views=None, params="", extra=None):
        arrays = self.files.setdefault(file, {})
        cid = "c%d" % self.counts.get(file, 0)
        self.counts[file] = self.counts.get(file, 0) + 1
        for k, a in enumerate(inputs):
            arrays["%s_a%d" % (cid, k)] = a
        for k, r in enumerate(results):
            arrays["%s_r%d" % (cid, k)] = r
        for key, a in (extra or {}).items():
            arrays["%s_%s" % (cid, key)] = a
        v = "|".join(views or ["-"] * len(inputs))
        self.lines.append("\t".join([file, cid, kind, name, v, params or "-"]))

    def save(self):
        os.makedirs(OUT, exist_ok=True)
        for f in os.listdir(OUT):
            os.remove(os.path.join(OUT, f))
        for file, arrays in self.files.items():
            np.savez_compressed(os.path.join(OUT, file), **arrays)
        with open(os.path.join(OUT, "manifest.tsv"), "w") as f:
            f.write("\n".join(self.lines) + "\n")


def specials(t):
    t = np.dtype(t)
    if t.kind == "b":
        return np.array([False, True])
    if t.kind in "iu":
        info = np.iinfo(t)
        vals = [info.min, info.min + 1, -100, -7, -2, -1, 0, 1, 2, 3, 7, 8, 100, info.max - 1, info.max]
        return np.array(sorted({v for v in vals if info.min <= v <= info.max}), dtype=t)
    fi = np.finfo(t)
    one = t.type(1)
    vals = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, -3.0, 100.0, -100.0,
            fi.smallest_subnormal, -fi.smallest_subnormal, fi.tiny, fi.max, -fi.max, fi.eps, np.pi,
            np.nextafter(one, t.type(2)), np.nextafter(one, t.type(0)), 1e4]
    return np.array(vals, dtype=t)


def random_values(name, t, n, k=0):
    t = np.dtype(t)
    if t.kind == "b":
        return rng.random(n) < 0.5
    if t.kind in "iu":
        info = np.iinfo(t)
        if name in ("power",):
            return rng.integers(-5 if k == 0 and t.kind == "i" else 0, 6 if k == 0 else 8, n).astype(t)
        if name in ("left_shift", "right_shift") and k == 1:
            return rng.integers(0, t.itemsize * 8 + 2, n).astype(t)
        if name in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "maximum",
                    "minimum", "fmax", "fmin", "clip"):
            return rng.integers(max(info.min, -3), min(info.max, 4), n).astype(t)
        if name in ("floor_divide", "remainder", "fmod", "divmod") and k == 1:
            return rng.integers(max(info.min, -9), min(info.max, 10), n).astype(t)
        return rng.integers(info.min, info.max, n, endpoint=True).astype(t)
    lo, hi = DOMAIN.get(name, (-10, 10))
    if t == np.float16:
        lo, hi = max(lo, -10), min(hi, 10)
    if name in ("power", "float_power") and k == 1:
        lo, hi = -5, 5
    return rng.uniform(lo, hi, n).astype(t)


def sig_inputs(sig, nin):
    return [LETTER[c] for c in sig[:nin]]


def call(name, args):
    f = getattr(np, name) if name != "clip" else np._core.umath.clip
    with np.errstate(all="ignore"):
        r = f(*args)
    return list(r) if isinstance(r, tuple) else [r]


def fix_inputs(name, ins):
    """Keeps inputs NumPy accepts: no negative integer exponents; clip bounds ordered."""
    if name == "power" and np.dtype(ins[1].dtype).kind in "iu":
        ins[1] = np.abs(ins[1].astype(np.int64)).clip(0, 7).astype(ins[1].dtype)
    if name == "clip" and np.dtype(ins[1].dtype).kind != "b":
        lo, hi = np.minimum(ins[1], ins[2]), np.maximum(ins[1], ins[2])
        ins[1], ins[2] = lo, hi
    if name == "where":
        ins[0] = ins[0].astype(np.bool_)
    return ins


def ufunc_cases(w, name, nin, sigs):
    file = name + ".npz"
    for sig in sigs.split():
        types = sig_inputs(sig, nin)
        # random values, contiguous
        ins = fix_inputs(name, [random_values(name, t, 37, k) for k, t in enumerate(types)])
        w.case(file, "ufunc", name, ins, call(name, ins))
        # special values: every pair (or triple, on a smaller set) by broadcasting
        sp = [specials(t) for t in types]
        if nin == 1:
            ins = [sp[0]]
        elif nin == 2:
            ins = [sp[0].reshape(-1, 1), sp[1].reshape(1, -1)]
        else:
            ins = [s[: 6].reshape((-1,) + (1,) * (nin - 1 - k)) for k, s in enumerate(sp)]
        ins = fix_inputs(name, ins)
        w.case(file, "ufunc", name, ins, call(name, ins))
        layout_cases(w, file, name, types)


def layout_cases(w, file, name, types):
    nin = len(types)
    base = fix_inputs(name, [random_values(name, t, 24, k) for k, t in enumerate(types)])
    # strided and negative strides: views of longer stored arrays
    longer = fix_inputs(name, [random_values(name, t, 48, k) for k, t in enumerate(types)])
    views = ["::2" if k % 2 == 0 else "::-2" for k in range(nin)]
    args = [eval("a[%s]" % v, {"a": a}) for a, v in zip(longer, views)]
    w.case(file, "ufunc", name, longer, call(name, args), views)
    # F order 2-D, and a transposed view
    f = [np.asfortranarray(a.reshape(4, 6)) for a in base]
    w.case(file, "ufunc", name, f, call(name, f))
    t = [a.reshape(4, 6) for a in base]
    w.case(file, "ufunc", name, t, call(name, [a.T for a in t]), ["T"] * nin)
    # broadcast against a 0-d and a column
    if nin >= 2:
        b = [base[0].reshape(4, 6)] + [a[:6].reshape(6) if k % 2 else a[:1].reshape(()) for k, a in
                                        enumerate(base[1:], 1)]
        b = fix_inputs(name, b)
        w.case(file, "ufunc", name, b, call(name, b))
    # 0-d and empty
    z = fix_inputs(name, [a[:1].reshape(()) for a in base])
    w.case(file, "ufunc", name, z, call(name, z))
    e = [np.zeros((0, 3), dtype=a.dtype) for a in base]
    w.case(file, "ufunc", name, e, call(name, e))


def promotion_cases(w):
    """Mixed dtypes and integer inputs of float-only ufuncs: NumPy's resolution decides the loop."""
    pairs = [("add", "b", "B"), ("add", "i", "f"), ("add", "Z", "b"), ("multiply", "h", "e"), ("add", "l", "e"),
             ("subtract", "B", "f"), ("divide", "i", "i"), ("true_divide", "b", "B"), ("divide", "Z", "Z"),
             ("less", "l", "d"), ("maximum", "b", "h"), ("arctan2", "h", "b"), ("power", "f", "d"),
             ("floor_divide", "Z", "Z"), ("logical_and", "f", "i"), ("bitwise_or", "B", "h"), ("hypot", "B", "B")]
    for name, x, y in pairs:
        ins = fix_inputs(name, [random_values(name, LETTER[x], 20, 0), random_values(name, LETTER[y], 20, 1)])
        w.case("promotion.npz", "ufunc", name, ins, call(name, ins))
    for name in ("sqrt", "exp", "sin", "log1p", "cbrt", "rint", "signbit"):
        for t in "ZbBhil":
            a = random_values("sqrt", LETTER[t], 12) if t != "Z" else rng.random(12) < 0.5
            if t in "bhil":
                a = np.abs(a.astype(np.int64)).astype(LETTER[t])
            w.case("promotion.npz", "ufunc", name, [a], call(name, [a]))


def where_cases(w):
    """out= and where=: masked-out elements keep the out array's values."""
    for name, t in [("add", "d"), ("multiply", "i"), ("sqrt", "f"), ("less", "h"), ("maximum", "e")]:
        nin = 1 if name == "sqrt" else 2
        ins = [random_values(name, LETTER[t], 15, k) for k in range(nin)]
        ins = [np.abs(a) if name == "sqrt" else a for a in ins]
        mask = rng.random(15) < 0.5
        res = call(name, ins)[0]
        out0 = (rng.random(15) * 100).astype(res.dtype)
        expected = out0.copy()
        with np.errstate(all="ignore"):
            getattr(np, name)(*ins, out=expected, where=mask)
        w.case("where.npz", "ufunc", name, ins, [expected], params="where=1", extra={"w": mask, "o": out0})


def main():
    w = Writer()
    only = sys.argv[1:]
    for name, nin, sigs in CATALOGUE:
        if not only or name in only:
            ufunc_cases(w, name, nin, sigs)
    promotion_cases(w)
    where_cases(w)
    import gen_ufuncs_reductions
    gen_ufuncs_reductions.cases(w, rng)
    w.save()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("%d cases, %d files, %.1f MB" % (len(w.lines), len(w.files) + 1, total / 1e6))


if __name__ == "__main__":
    main()
