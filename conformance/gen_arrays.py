#!/usr/bin/env python3
"""Writes the array-model conformance cases that Tessel's JUnit tests read back.

Run from the repository root:  python3 conformance/gen_arrays.py
Output (committed): conformance/arrays/cases.txt and conformance/arrays/reprs.txt.

cases.txt: one case a line, fields separated by " | ":
    op | args | inputs | out_shape | out_dtype | view | values
  inputs: inputs separated by " & "; each is dtype:shape:pre, the array
          np.arange(prod(shape)).reshape(shape).astype(dtype), then `pre` applied:
          "" (nothing), "T" (transpose) or a slice string (a[pre]).
  op/args:
    slice        args = NumPy index string            result = a[args]
    transpose    args = "" or axes "2,0,1"             np.transpose(a, axes)
    moveaxis     args = "src,dst"
    swapaxes     args = "a,b"
    squeeze      args = "" or axes
    expand_dims  args = axis
    reshape      args = new shape (may hold -1)
    broadcast_to args = shape
    ravel        args = ""
    concatenate  args = axis                            over all inputs
    stack        args = axis
    split        args = "sections/axis/piece"           np.split(a, sections, axis)[piece]
    split_at     args = "cut,cut/axis/piece"            np.split(a, [cuts], axis)[piece]
    mask         args = "mask_shape/bits"               a[mask] (bits in C order, 1 = True)
    take         args = "idx_shape=i,j,.../axis|none"   np.take(a, idx, axis)
    getindex     args = "idx_shape=i,j,..."             a[idx] (integer array on axis 0)
    setmask      args as mask: b = a.copy(); b[mask] = -1 - arange(count).reshape(selected shape); result b
    setindex     args as getindex, same rule for the values (repeated indices: last wins)
    setslice     args = index string; b = a.copy(); b[args] = -1 - arange(n).reshape(selected shape)
  view: 1 when the result shares memory with the (first) input, else 0.
  values: the result's elements in C order (bool as 0/1, floats as Python repr).

reprs.txt: two lines a case:
    dtype | shape | values        values are Python float reprs, NaN/Infinity spelled as
                                  Java parses them, or "@arange" for np.arange(size)
    repr(array) with newlines written as the two characters \\n
"""
import os

import warnings

import numpy as np

warnings.simplefilter("ignore", RuntimeWarning)  # float16 casts of large values overflow to inf on purpose

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "arrays")
DTYPES = ["float64", "float32", "float16", "int64", "int32", "int16", "int8", "uint8", "bool"]
rng = np.random.default_rng(20251125)


def shape_text(shape):
    return ",".join(str(d) for d in shape)


def values_text(a):
    flat = np.asarray(a).reshape(-1)
    if flat.dtype == np.bool_:
        return " ".join("1" if v else "0" for v in flat)
    if flat.dtype.kind == "f":
        return " ".join(repr(float(v)) for v in flat)
    return " ".join(str(int(v)) for v in flat)


def make_input(dtype, shape, pre=""):
    a = np.arange(int(np.prod(shape))).reshape(shape).astype(dtype)
    if pre == "T":
        a = a.T
    elif pre:
        a = index(a, pre)
    return a


def index(a, text):
    return a[()] if not text.strip() else eval("a[" + text + "]", {"a": a})


def spec(dtype, shape, pre=""):
    return f"{dtype}:{shape_text(shape)}:{pre}"


lines = []


def emit(op, args, specs, result, base):
    result = np.asarray(result) if not isinstance(result, np.ndarray) else result
    view = 1 if base is not None and np.shares_memory(result, base) else 0
    lines.append(" | ".join([op, args, " & ".join(specs), shape_text(result.shape), str(result.dtype),
                             str(view), values_text(result)]))


# ---- slicing ----

def random_item(n):
    r = rng.random()
    if r < 0.25 and n > 0:
        return str(int(rng.integers(-n, n)))
    def bound():
        return "" if rng.random() < 0.35 else str(int(rng.integers(-n - 2, n + 3)))
    step = "" if rng.random() < 0.3 else str(int(rng.choice([-3, -2, -1, 1, 2, 3])))
    if step == "" and rng.random() < 0.5:
        return bound() + ":" + bound()
    return bound() + ":" + bound() + ":" + step


def random_slice(shape):
    nd = len(shape)
    k = int(rng.integers(0, nd + 1))
    items = [random_item(shape[i]) for i in range(k)]
    if rng.random() < 0.3:
        items.insert(int(rng.integers(0, len(items) + 1)), "...")
    for _ in range(int(rng.integers(0, 3)) if rng.random() < 0.3 else 0):
        items.insert(int(rng.integers(0, len(items) + 1)), "None")
    return as_view_text(", ".join(items), nd)


def as_view_text(text, nd):
    """All-integer full indexing gives a NumPy scalar; a trailing "..." keeps it a 0-d view, as Tessel returns."""
    items = [it.strip() for it in text.split(",") if it.strip()]
    consumed = [it for it in items if it not in ("...", "None")]
    if len(consumed) == nd and consumed and all(":" not in it for it in consumed) and "..." not in items:
        return text + ", ..."
    return text


FIXED_SLICES = {
    (7,): ["1:3", "::-1", "::-2", "-3:", ":-3", "5:1:-1", "10:", "-10:2", "::3", "None", "..., None", "-1", "0",
           "None, ::2, None", "6:0:-2", "-1:-8:-1", ""],
    (3, 4): ["1", "-1", "1:", ":, 1", ":, -1", "::-1, ::-1", "..., 2", "None, 1, None", "1:3, ::-2", "...",
             "1, 2, ...", "0:0", ":, 4:", "2, ::-3", "1,"],
    (2, 3, 4): ["..., ::-2", "1, ..., 1:3", "None, ..., None", ":, 1", "-1, -1, -1, ...", "::-1, None, 1:, ::2",
                "1:3, ::-2, ..., None", "0, :, None, ::-1"],
    (2, 3, 2, 3): ["..., 0", "1, ..., ::-1", ":, ::2, :, ::-2", "None, 1, None, 2", "1, 2, 1, 2, ...",
                   "::-1, ::-1, ::-1, ::-1"],
}

for shape, texts in FIXED_SLICES.items():
    for i, text in enumerate(texts):
        text = as_view_text(text, len(shape))
        dtype = DTYPES[i % len(DTYPES)]
        a = make_input(dtype, shape)
        emit("slice", text, [spec(dtype, shape)], index(a, text), a)

for shape in [(9,), (5, 6), (3, 4, 5), (2, 3, 4, 5)]:
    for i in range(30):
        dtype = DTYPES[int(rng.integers(0, len(DTYPES)))]
        text = random_slice(shape)
        a = make_input(dtype, shape)
        emit("slice", text, [spec(dtype, shape)], index(a, text), a)

# slices of non-contiguous inputs
for pre, shape, text in [("T", (3, 4), "1:, ::-1"), ("::-1, 1:", (4, 5), "::2, -1"), ("T", (2, 3, 4), "..., 1"),
                         ("1:, ::2", (4, 6), "None, ::-1, 1")]:
    a = make_input("int32", shape, pre)
    emit("slice", text, [spec("int32", shape, pre)], index(a, text), a)

# random slices of transposed and strided inputs, and assignment through slices
for shape, pre in [((4, 5), "T"), ((3, 4, 5), "T"), ((6, 5), "::-2, 1:"), ((3, 4, 5), "1:, ::-1, ::2")]:
    for i in range(8):
        dtype = DTYPES[int(rng.integers(0, len(DTYPES)))]
        a = make_input(dtype, shape, pre)
        text = random_slice(a.shape)
        emit("slice", text, [spec(dtype, shape, pre)], index(a, text), a)
for shape in [(7,), (4, 5), (2, 3, 4)]:
    for i in range(8):
        dtype = ["float64", "float32", "int32", "int16", "int64"][i % 5]
        a = make_input(dtype, shape)
        text = random_slice(shape)
        b = a.copy()
        sel = index(b, text)
        sel[...] = (-1 - np.arange(sel.size)).reshape(sel.shape)
        emit("setslice", text, [spec(dtype, shape)], b, None)

# ---- shape views ----

SHAPE_CASES = [
    ("transpose", "", (2, 3, 4), ""), ("transpose", "2,0,1", (2, 3, 4), ""), ("transpose", "1,0", (3, 5), "::-1"),
    ("transpose", "-1,0,1", (2, 3, 4), ""),
    ("moveaxis", "0,2", (2, 3, 4), ""), ("moveaxis", "-1,0", (2, 3, 4), ""), ("moveaxis", "1,-1", (2, 3, 4, 2), ""),
    ("swapaxes", "0,2", (2, 3, 4), ""), ("swapaxes", "-1,0", (3, 5), "T"),
    ("squeeze", "", (1, 3, 1, 2), ""), ("squeeze", "0", (1, 3, 1, 2), ""), ("squeeze", "-2", (1, 3, 1, 2), ""),
    ("expand_dims", "0", (2, 3), ""), ("expand_dims", "2", (2, 3), ""), ("expand_dims", "-1", (2, 3), "T"),
    ("expand_dims", "1", (4,), "::-1"),
    ("reshape", "6,4", (2, 3, 4), ""), ("reshape", "-1", (2, 3, 4), ""), ("reshape", "4,-1", (2, 3, 4), ""),
    ("reshape", "2,1,12", (2, 3, 4), ""), ("reshape", "6", (2, 3), "T"), ("reshape", "3,2", (2, 3), "T"),
    ("reshape", "2,3", (4, 3), "::2"), ("reshape", "6", (4, 3), "::2"), ("reshape", "3,2", (3, 4), ":, ::2"),
    ("reshape", "6", (3, 4), ":, ::2"), ("reshape", "2,2,3", (2, 6), "::-1"), ("reshape", "12", (2, 6), "::-1"),
    ("reshape", "1,2,1,3", (2, 3), ""), ("reshape", "4,3", (3, 4), "T"), ("reshape", "0,5", (0, 3), ""),
    ("reshape", "3,4", (12,), "::-1"), ("reshape", "2,6", (3, 4, 2), ":, :, 0"),
    ("broadcast_to", "3,4", (4,), ""), ("broadcast_to", "2,3,4", (3, 1), ""), ("broadcast_to", "2,3", (3,), "::-1"),
    ("broadcast_to", "4,3", (3, 1), "T"), ("broadcast_to", "5", (1,), ""),
    ("ravel", "", (2, 3), ""), ("ravel", "", (2, 3), "T"), ("ravel", "", (4, 3), "::2"),
]


def ints(text):
    return [int(x) for x in text.split(",")] if text else []


for k, (op, args, shape, pre) in enumerate(SHAPE_CASES):
    dtype = DTYPES[k % len(DTYPES)]
    a = make_input(dtype, shape, pre)
    n = ints(args)
    r = {
        "transpose": lambda: np.transpose(a, n or None),
        "moveaxis": lambda: np.moveaxis(a, n[0], n[1]),
        "swapaxes": lambda: np.swapaxes(a, n[0], n[1]),
        "squeeze": lambda: np.squeeze(a, tuple(n) if n else None),
        "expand_dims": lambda: np.expand_dims(a, n[0]),
        "reshape": lambda: a.reshape(n),
        "broadcast_to": lambda: np.broadcast_to(a, n),
        "ravel": lambda: np.ravel(a),
    }[op]()
    emit(op, args, [spec(dtype, shape, pre)], r, a)

# ---- joining ----

JOIN_CASES = [
    ("concatenate", "0", [("float32", (2, 3), ""), ("float32", (1, 3), "")]),
    ("concatenate", "1", [("int32", (2, 3), ""), ("int64", (2, 2), "")]),
    ("concatenate", "-1", [("int8", (2, 2, 2), ""), ("uint8", (2, 2, 3), "")]),
    ("concatenate", "0", [("int16", (3,), ""), ("float16", (2,), ""), ("bool", (2,), "")]),
    ("concatenate", "1", [("float64", (3, 2), "T"), ("int32", (2, 4), "")]),
    ("concatenate", "0", [("int32", (0, 2), ""), ("int32", (2, 2), "::-1")]),
    ("concatenate", "0", [("float16", (2,), ""), ("int8", (2,), "")]),
    ("concatenate", "0", [("int32", (2,), ""), ("float32", (2,), "")]),
    ("stack", "0", [("float32", (2, 3), ""), ("float32", (2, 3), "")]),
    ("stack", "1", [("int32", (2, 3), ""), ("int16", (2, 3), ""), ("uint8", (2, 3), "")]),
    ("stack", "-1", [("float64", (3,), ""), ("bool", (3,), "")]),
    ("stack", "2", [("int64", (2, 3), ""), ("int64", (3, 2), "T")]),
]

for op, args, ins in JOIN_CASES:
    arrs = [make_input(*i) for i in ins]
    r = np.concatenate(arrs, axis=int(args)) if op == "concatenate" else np.stack(arrs, axis=int(args))
    emit(op, args, [spec(*i) for i in ins], r, arrs[0])

SPLIT_CASES = [
    ("split", "3", 0, (6, 2), ""), ("split", "2", 1, (3, 4), ""), ("split", "2", -1, (2, 2, 4), "..., ::-1"),
    ("split_at", "1,3", 0, (5,), ""), ("split_at", "2,-1", 1, (2, 6), ""), ("split_at", "3,1", 0, (5, 2), ""),
    ("split_at", "0,10", 1, (2, 4), "T"),
]

for op, arg, axis, shape, pre in SPLIT_CASES:
    a = make_input("float32", shape, pre)
    pieces = np.split(a, int(arg) if op == "split" else ints(arg), axis=axis)
    for p, piece in enumerate(pieces):
        emit(op, f"{arg}/{axis}/{p}", [spec("float32", shape, pre)], piece, a)

# ---- masks and takes ----

def bits_text(mask):
    return "".join("1" if b else "0" for b in mask.reshape(-1))


MASK_CASES = [((5,), 1), ((3, 4), 1), ((3, 4), 2), ((2, 3, 4), 1), ((2, 3, 4), 2), ((2, 3, 4), 3), ((4, 3), 1)]
for k, (shape, mdims) in enumerate(MASK_CASES):
    for pre in ["", "T"] if len(shape) > 1 else [""]:
        dtype = DTYPES[k % len(DTYPES)]
        a = make_input(dtype, shape, pre)
        mask = rng.random(a.shape[:mdims]) < 0.5
        args = shape_text(mask.shape) + "/" + bits_text(mask)
        emit("mask", args, [spec(dtype, shape, pre)], a[mask], a)
        b = a.copy()
        sel = b[mask]
        b[mask] = (-1 - np.arange(sel.size)).reshape(sel.shape)
        emit("setmask", args, [spec(dtype, shape, pre)], b, None)

TAKE_CASES = [
    ((5,), (3,), "0"), ((5,), (2, 2), "0"), ((3, 4), (3,), "1"), ((3, 4), (2,), "0"), ((2, 3, 4), (2, 2), "1"),
    ((2, 3, 4), (3,), "-1"), ((3, 4), (4,), "none"), ((2, 3, 4), (2, 3), "none"), ((4, 3), (0,), "1"),
    ((5,), (), "0"), ((3, 4), (), "1"), ((2, 3, 4), (), "none"),
]
for k, (shape, ishape, axis) in enumerate(TAKE_CASES):
    dtype = DTYPES[k % len(DTYPES)]
    a = make_input(dtype, shape)
    n = int(np.prod(shape)) if axis == "none" else shape[int(axis)]
    idx = np.asarray(rng.integers(-n, n, size=ishape) if n > 0 else np.zeros(ishape, dtype=np.int64))
    args = shape_text(ishape) + "=" + ",".join(str(int(i)) for i in idx.reshape(-1)) + "/" + axis
    emit("take", args, [spec(dtype, shape)], np.take(a, idx, axis=None if axis == "none" else int(axis)), a)

INDEX_CASES = [((5,), (3,)), ((4, 3), (2,)), ((4, 3), (2, 2)), ((3, 2, 2), (4,)), ((4, 3), (5,))]
for k, (shape, ishape) in enumerate(INDEX_CASES):
    for pre in ["", "T"] if len(shape) > 1 else [""]:
        dtype = DTYPES[(k + 3) % len(DTYPES)]
        a = make_input(dtype, shape, pre)
        n = a.shape[0]
        idx = rng.integers(-n, n, size=ishape)
        args = shape_text(ishape) + "=" + ",".join(str(int(i)) for i in idx.reshape(-1))
        emit("getindex", args, [spec(dtype, shape, pre)], a[idx], a)
        if len(set(((idx % n).reshape(-1)).tolist())) == idx.size:  # NumPy leaves repeated-index order unspecified
            b = a.copy()
            sel = b[idx]
            b[idx] = (-1 - np.arange(sel.size)).reshape(sel.shape)
            emit("setindex", args, [spec(dtype, shape, pre)], b, None)

# ---- reprs ----

reprs = []


def java_float(v):
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(float(v))


def repr_case(a, arange=False):
    a = np.asarray(a)
    if arange:
        vals = "@arange"
    elif a.dtype == np.bool_:
        vals = " ".join("1" if v else "0" for v in a.reshape(-1))
    elif a.dtype.kind == "f":
        vals = " ".join(java_float(v) for v in a.reshape(-1))
    else:
        vals = " ".join(str(int(v)) for v in a.reshape(-1))
    reprs.append(f"{a.dtype} | {shape_text(a.shape)} | {vals}")
    reprs.append(repr(a).replace("\n", "\\n"))


for dt in ["float64", "float32", "float16"]:
    f = np.dtype(dt).type
    repr_case(np.array([[1, 2], [3, 4]], dtype=dt))
    repr_case(np.array([1.5, 2.25, -3], dtype=dt))
    repr_case(np.array([0.1, 0.2, 0.3], dtype=dt))
    repr_case(np.array([1e-5, 1.5, 3], dtype=dt))
    repr_case(np.array([np.nan, 1, -np.inf], dtype=dt))
    repr_case(np.array([np.nan, np.inf], dtype=dt))
    repr_case(np.array([-0.0, 0.0, 2], dtype=dt))
    repr_case(np.array([0.0001, 0.001, 0.1], dtype=dt))
    repr_case(np.array([1.0, 1000.0], dtype=dt))
    repr_case(np.array([1.0, 1001.0], dtype=dt))
    repr_case(np.array([1 / 3, 2 / 3, 10], dtype=dt))
    repr_case(np.array(f(2.5)))
    repr_case(np.array([], dtype=dt))
    repr_case(np.zeros((0, 3), dtype=dt))
    repr_case(np.array([[np.nan]], dtype=dt))
    repr_case(np.array([1e-300, 1.0, np.inf], dtype=dt) if dt == "float64" else np.array([6e-5, 1, -np.inf], dtype=dt))
    for scale in [1e-6, 1e-3, 1, 1e3, 1e6, 1e9, 1e20]:
        repr_case((rng.standard_normal(7) * scale).astype(dt))
    repr_case(rng.standard_normal((3, 5)).astype(dt))
    repr_case(rng.standard_normal((2, 3, 4)).astype(dt))
    repr_case((rng.standard_normal(20) * 1e5).astype(dt))
    repr_case(np.arange(30, dtype=dt) / 7)

repr_case(np.array([1e8, 1.0]))
repr_case(np.array([99999999.0, 1.0]))
repr_case(np.array([1e16, -1e-16]))
repr_case(np.array([1e100, 1e-100]))
repr_case(np.array([0.30000000000000004, 1.0]))
repr_case(np.array([123456789.123, 0.5]))
repr_case(np.array([1.123456789012, 2.5]))
repr_case(np.array([5e-324, 1.7976931348623157e308]))
repr_case(np.array([1.0, 2.0, 3.0]) * 1e-4)
repr_case(np.array(np.nan))
repr_case(np.array(-np.inf, dtype=np.float32))
repr_case(np.array([0.0, 0.0]))
repr_case(np.array([0.0001, 0.1], dtype=np.float32))
repr_case(np.array([9.9999e-5, 0.1], dtype=np.float32))
repr_case(rng.standard_normal(1001))
repr_case(rng.standard_normal((40, 30)).astype(np.float32))

for dt in ["int64", "int32", "int16", "int8", "uint8"]:
    info = np.iinfo(dt)
    repr_case(np.array([[1, -2], [3, 40]], dtype=dt) if dt != "uint8" else np.array([[1, 2], [3, 40]], dtype=dt))
    repr_case(np.array([info.min, 0, info.max], dtype=dt))
    repr_case(np.array(7, dtype=dt))
    repr_case(np.array([], dtype=dt))
    repr_case(np.zeros((2, 0, 3), dtype=dt))
    repr_case(np.arange(60, dtype=dt).reshape(3, 20), arange=True)
    repr_case(np.arange(100, dtype=dt).reshape(2, 5, 10), arange=True)
repr_case(np.arange(1001), arange=True)
repr_case(np.arange(2000).reshape(40, 50), arange=True)
repr_case(np.arange(2000, dtype=np.int32).reshape(10, 10, 20), arange=True)
repr_case(np.arange(1200).reshape(2, 2, 300), arange=True)
repr_case(np.arange(1000), arange=True)
repr_case(np.arange(4000, dtype=np.int64).reshape(2, 2, 1000) * 10**12)
repr_case(np.arange(30, dtype=np.int64) * 10**17)
repr_case(np.array([True, False, True]))
repr_case(np.array(True))
repr_case(np.array(False))
repr_case(np.array([[True], [False]]))
repr_case(np.array([], dtype=bool))
repr_case(np.zeros(30, dtype=bool))
repr_case(np.ones((2, 2, 2, 2), dtype=np.float32))
repr_case(np.arange(24, dtype=np.float64).reshape(2, 3, 4))
repr_case(np.arange(1001, dtype=np.float16), arange=True)
repr_case(np.arange(3000, dtype=np.float32).reshape(3, 1000) / 3)

# random arrays: mixed magnitudes, signs, special values and shapes, to shake out digit and width rules
for i in range(150):
    dt = ["float64", "float32", "float16"][i % 3]
    shape = tuple(int(d) for d in rng.integers(1, 5, size=int(rng.integers(1, 4))))
    mags = 10.0 ** rng.integers(-9, 12, size=shape)
    vals = rng.standard_normal(shape) * (mags if i % 2 else 10.0 ** int(rng.integers(-5, 9)))
    if i % 4 == 0:
        vals = np.round(vals, int(rng.integers(0, 4)))
    if i % 5 == 0:
        vals.reshape(-1)[0] = [np.nan, np.inf, -np.inf, 0.0, -0.0][i % 5 // 1 % 5]
    repr_case(vals.astype(dt))
for i in range(30):
    dt = ["int64", "int32", "int16", "int8", "uint8"][i % 5]
    info = np.iinfo(dt)
    shape = tuple(int(d) for d in rng.integers(1, 12, size=int(rng.integers(1, 4))))
    hi = int(rng.choice([10, 1000, int(info.max)]))
    repr_case(rng.integers(max(int(info.min), -hi), hi, size=shape, endpoint=True).astype(dt))

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "cases.txt"), "w") as fh:
    fh.write("\n".join(lines) + "\n")
with open(os.path.join(OUT, "reprs.txt"), "w") as fh:
    fh.write("\n".join(reprs) + "\n")
print(f"wrote {len(lines)} cases and {len(reprs) // 2} reprs to {OUT}")
