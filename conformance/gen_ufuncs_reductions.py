"""Reduction, accumulate, outer, at, named-reduction and matmul/dot cases for gen_ufuncs.py.

Uses gen_ufuncs.Writer; see gen_ufuncs.py for the manifest format.
"""
import numpy as np

LETTER = {"Z": np.bool_, "b": np.int8, "B": np.uint8, "h": np.int16, "i": np.int32, "l": np.int64,
          "e": np.float16, "f": np.float32, "d": np.float64}
REDUCE = {"add": "ZbBhilefd", "multiply": "ZbBhilefd", "maximum": "ZbBhilefd", "minimum": "ZbBhilefd",
          "fmax": "ZbBhilefd", "fmin": "ZbBhilefd", "logical_and": "Zbfd", "logical_or": "Zbfd",
          "logical_xor": "Zi", "bitwise_and": "ZbBhil", "bitwise_or": "ZbBhil", "bitwise_xor": "ZbBhil",
          "logaddexp": "efd", "logaddexp2": "fd", "hypot": "fd", "subtract": "bilfd"}
NAMED = ["sum", "prod", "min", "max", "argmin", "argmax", "mean", "var", "std", "any", "all", "cumsum",
         "cumprod", "nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd", "nanargmin",
         "nanargmax"]


def store_result(r):
    """Tessel has no uint64: NumPy's uint64 results are stored as int64 and flagged."""
    r = np.asarray(r)
    if r.dtype == np.uint64:
        return r.astype(np.int64), "numpy_dtype=uint64"
    return r, ""


def join(*parts):
    return ";".join(p for p in parts if p)


def values(rng, name, t, shape):
    t = np.dtype(t)
    n = int(np.prod(shape))
    if t.kind == "b":
        return (rng.random(n) < 0.6).reshape(shape)
    if t.kind in "iu":
        info = np.iinfo(t)
        if name in ("multiply", "prod", "cumprod", "nanprod"):
            return rng.integers(max(info.min, -3), 4, n).astype(t).reshape(shape)
        return rng.integers(max(info.min, -50), min(info.max, 50), n, endpoint=True).astype(t).reshape(shape)
    if name in ("multiply", "prod", "cumprod", "nanprod"):
        return rng.uniform(0.5, 1.5, n).astype(t).reshape(shape)
    a = rng.uniform(-10, 10, n).astype(t).reshape(shape)
    if name.startswith("nan") or name in ("maximum", "minimum", "fmax", "fmin", "argmax", "argmin"):
        a.reshape(-1)[rng.random(n) < 0.1] = np.nan
    return a


def axis_param(axis):
    if axis is None:
        return "axis=none"
    if isinstance(axis, tuple):
        return "axis=" + ",".join(str(a) for a in axis)
    return "axis=%d" % axis


def reduce_cases(w, rng):
    for name, letters in REDUCE.items():
        u = getattr(np, name)
        for c in letters:
            t = LETTER[c]
            a = values(rng, name, t, (4, 5, 6))
            axes = [0, 1, 2, -1] + ([] if name == "subtract" else [(0, 2), None])
            for ax in axes:
                with np.errstate(all="ignore"):
                    r, flag = store_result(u.reduce(a, axis=ax))
                w.case("reduce.npz", "reduce", name, [a], [r], params=join(axis_param(ax), flag))
            with np.errstate(all="ignore"):
                r, flag = store_result(u.reduce(a, axis=1, keepdims=True))
            w.case("reduce.npz", "reduce", name, [a], [r], params=join("axis=1;keepdims=1", flag))
            f = np.asfortranarray(a[0])
            with np.errstate(all="ignore"):
                r, flag = store_result(u.reduce(f, axis=0))
            w.case("reduce.npz", "reduce", name, [f], [r], params=join("axis=0", flag))
            with np.errstate(all="ignore"):
                r, flag = store_result(u.reduce(a[0].T, axis=1))
            w.case("reduce.npz", "reduce", name, [a[0]], [r], views=["T"], params=join("axis=1", flag))
            if c in "fd" or (c in "il" and name not in ("logaddexp", "hypot")):
                with np.errstate(all="ignore"):
                    r, flag = store_result(u.reduce(a, axis=0, initial=3))
                w.case("reduce.npz", "reduce", name, [a], [r], params=join("axis=0;initial=3", flag))
                mask = rng.random((5, 6)) < 0.5
                with np.errstate(all="ignore"):
                    r, flag = store_result(u.reduce(a, axis=2, initial=3, where=mask))
                w.case("reduce.npz", "reduce", name, [a], [r], params=join("axis=2;initial=3;where=1", flag),
                       extra={"w": mask})
            if u.identity is not None:
                e = np.zeros((0, 4), dtype=t)
                r, flag = store_result(u.reduce(e, axis=0))
                w.case("reduce.npz", "reduce", name, [e], [r], params=join("axis=0", flag))
    # long runs: pairwise float sums and the blocked path
    for c in "fd":
        a = rng.uniform(-1, 1, 100_003).astype(LETTER[c])
        w.case("reduce.npz", "reduce", "add", [a], [np.add.reduce(a)], params="axis=0")
        m = rng.uniform(-1, 1, (3, 20_011)).astype(LETTER[c])
        w.case("reduce.npz", "reduce", "add", [m], [np.add.reduce(m, axis=1)], params="axis=1")
        w.case("reduce.npz", "reduce", "maximum", [a], [np.maximum.reduce(a)], params="axis=0")


def accumulate_cases(w, rng):
    for name, letters in [("add", "ZbBilefd"), ("multiply", "bifd"), ("maximum", "ild"), ("subtract", "id"),
                          ("logical_or", "Z"), ("fmin", "d")]:
        u = getattr(np, name)
        for c in letters:
            a = values(rng, name, LETTER[c], (5, 7))
            for ax in (0, 1):
                with np.errstate(all="ignore"):
                    r, flag = store_result(u.accumulate(a, axis=ax))
                w.case("accumulate.npz", "accumulate", name, [a], [r], params=join("axis=%d" % ax, flag))
            v = values(rng, name, LETTER[c], (40,))
            with np.errstate(all="ignore"):
                r, flag = store_result(u.accumulate(v[::-3]))
            w.case("accumulate.npz", "accumulate", name, [v], [r], views=["::-3"], params=join("axis=0", flag))


def outer_at_cases(w, rng):
    for name, c in [("add", "d"), ("multiply", "i"), ("less", "f"), ("subtract", "h"), ("power", "d")]:
        a = values(rng, name, LETTER[c], (4,))
        b = values(rng, name, LETTER[c], (3, 2))
        if name == "power":
            a, b = np.abs(a), np.abs(b) / 4
        with np.errstate(all="ignore"):
            r = getattr(np, name).outer(a, b)
        w.case("outer.npz", "outer", name, [a, b], [r])
    for name, c in [("add", "d"), ("add", "i"), ("multiply", "f"), ("maximum", "h"), ("subtract", "l"),
                    ("negative", "d")]:
        a = values(rng, name, LETTER[c], (6, 3))
        idx = np.array([0, 2, 2, -1, 5, 0, 2], dtype=np.int64)
        res = a.copy()
        if name == "negative":
            np.negative.at(res, idx)
            w.case("at.npz", "at", name, [a, idx], [res])
            continue
        b = values(rng, name, LETTER[c], (7, 1))
        getattr(np, name).at(res, idx, b)
        w.case("at.npz", "at", name, [a, idx, b], [res])


def reduce_out_cases(w, rng):
    """ufunc.reduce/accumulate with out= (params out=1, _o the out before the call): NumPy folds
    in out's dtype when the input casts to it safely, and casts the result into out unsafely."""
    for name, c, odt, ax in [("add", "d", np.int64, 1), ("add", "f", np.float64, 0), ("multiply", "h", np.float32, 1),
                             ("maximum", "d", np.int8, 1), ("add", "Z", np.bool_, 0), ("add", "b", np.int8, None)]:
        a = values(rng, name, LETTER[c], (4, 5))
        if name == "multiply":
            a[0, 1] = 0
        o = np.zeros(np.asarray(getattr(np, name).reduce(a, axis=ax)).shape, odt)
        r = o.copy()
        with np.errstate(all="ignore"):
            getattr(np, name).reduce(a, axis=ax, out=r)
        w.case("reduce.npz", "reduce", name, [a], [r], params=join(axis_param(ax), "out=1"), extra={"o": o})
    for name, c, odt in [("add", "d", np.int64), ("multiply", "h", np.float32), ("add", "h", np.int8)]:
        a = values(rng, name, LETTER[c], (3, 4))
        if name == "multiply":
            a[1, 0] = 0
        o = np.zeros(a.shape, odt)
        r = o.copy()
        with np.errstate(all="ignore"):
            getattr(np, name).accumulate(a, axis=0, out=r)
        w.case("accumulate.npz", "accumulate", name, [a], [r], params="axis=0;out=1", extra={"o": o})


def stats_dtype_cases(w, rng):
    """mean/var/std and nan-variants with dtype= (params dtype=<name>), with and without a mask."""
    for name in ("mean", "var", "std", "nanmean", "nanvar", "nanstd", "sum", "nansum"):
        for c, dt in (("d", np.float32), ("i", np.float32), ("f", np.float64)):
            a = values(rng, name, LETTER[c], (4, 6))
            if name.startswith("nan") and c != "i":
                a[2, 3] = np.nan
            mask = rng.random((4, 6)) < 0.7
            for where in (None, mask):
                import warnings
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    kw = {"axis": 1, "dtype": dt}
                    if where is not None:
                        kw["where"] = where
                    r = getattr(np, name)(a, **kw)
                params = join("axis=1", "dtype=" + np.dtype(dt).name, "where=1" if where is not None else "")
                w.case("named.npz", "named", name, [a], [np.asarray(r)], params=params,
                       extra={"w": where} if where is not None else None)


def at_tuple_cases(w, rng):
    """at() with a tuple of index arrays: inputs a, the nidx index arrays, then b (if any)."""
    specs = [("add", "d", (4, 5), [[0, 1, 1, -1, 0], [2, -5, -5, 4, 2]], (5,)),
             ("add", "i", (4, 5, 2), [[[0], [3], [-4]], [1, 1, 4]], (3, 3, 2)),
             ("multiply", "f", (3, 4), [[2, 2, -3], [0]], (3,)),
             ("maximum", "h", (4, 3, 2), [[1, 1, 3, 0, -1, 2, 1]], (1, 2)),
             ("subtract", "l", (3, 3), [[0, 0], [1, 1]], ()),
             ("negative", "d", (4, 3), [[1, 1, 2], [0, 0, -1]], None)]
    for name, c, shape, idx, bshape in specs:
        a = values(rng, name, LETTER[c], shape)
        ix = [np.array(i, dtype=np.int64 if k % 2 == 0 else np.int32) for k, i in enumerate(idx)]
        res = a.copy()
        if bshape is None:
            getattr(np, name).at(res, tuple(ix))
            w.case("at.npz", "at", name, [a] + ix, [res], params="nidx=%d" % len(ix))
            continue
        b = values(rng, name, LETTER[c], bshape)
        getattr(np, name).at(res, tuple(ix), b)
        w.case("at.npz", "at", name, [a] + ix + [b], [res], params="nidx=%d" % len(ix))


OPTION_NAMED = ["sum", "prod", "max", "min", "mean", "var", "std", "any", "all", "nansum", "nanprod", "nanmax",
                "nanmin", "nanmean", "nanvar", "nanstd"]


def option_call(name, a, axis, keepdims, where, initial, ddof, out):
    kw = {"axis": axis, "keepdims": keepdims}
    if where is not None:
        kw["where"] = where
    if initial is not None:
        kw["initial"] = initial
    if ddof:
        kw["ddof"] = ddof
    if out is not None:
        kw["out"] = out
    import warnings
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(np, name)(a, **kw)


def named_option_cases(w, rng):
    """Named reductions with where=, out= and initial=: params where=1 (mask _w), out=1 (_o, the
    out array before the call; the result is what out holds after), initial=v."""
    for name in OPTION_NAMED:
        needs_init = name in ("max", "min", "nanmax", "nanmin")
        for c in "dfi" if not name.startswith("nan") else "dfh":
            a = values(rng, name, LETTER[c], (4, 6))
            if name.startswith("nan") and c in "df":
                a[1, 2] = np.nan
                a[:, 4] = np.nan
            for ax, mshape, keep in [(None, (4, 6), False), (0, (6,), False), (1, (4, 6), True), ((0, 1), (1, 6), False)]:
                mask = rng.random(mshape) < 0.6
                if mshape == (4, 6):
                    mask[0, :] = False  # an output (axis 1) with nothing selected
                init = 0.5 if needs_init else None
                ddof = 1 if name in ("var", "std", "nanvar", "nanstd") and ax == 0 else 0
                r = option_call(name, a, ax, keep, mask, init, ddof, None)
                r, flag = store_result(np.asarray(r))
                params = join(axis_param(ax), "keepdims=1" if keep else "", "ddof=%d" % ddof if ddof else "",
                              "where=1", "initial=%r" % init if needs_init else "", flag)
                w.case("named.npz", "named", name, [a], [r], params=params, extra={"w": mask})
            shape = np.asarray(option_call(name, a, 1, False, None, None, 0, None)).shape
            odt = np.float32 if name in ("mean", "var", "std", "nanmean", "nanvar", "nanstd") or c != "i" else np.int64
            if name in ("sum", "max") and c == "d":
                odt = np.int64  # NumPy casts a reduction's result into out unsafely
            if name in ("any", "all"):
                odt = np.bool_
            o = values(rng, name, odt, shape)
            r = o.copy()
            option_call(name, a, 1, False, None, None, 0, r)
            w.case("named.npz", "named", name, [a], [r], params="axis=1;out=1", extra={"o": o})


def named_call(name, a, axis, keepdims, ddof):
    f = getattr(np, name)
    kw = {}
    if name.startswith("arg") or name.startswith("nanarg") or name.startswith("cum"):
        kw["axis"] = axis
    else:
        kw["axis"] = axis
        kw["keepdims"] = keepdims
    if name in ("var", "std", "nanvar", "nanstd"):
        kw["ddof"] = ddof
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return f(a, **kw)


def named_cases(w, rng):
    for name in NAMED:
        single = name.startswith("arg") or name.startswith("nanarg") or name.startswith("cum")
        for c in "ZbBhilefd":
            a = values(rng, name, LETTER[c], (4, 6))
            if name.startswith("nanarg") and c in "efd":
                a[:, 0] = 1  # no all-NaN slice along either axis
            axes = [None, 0, 1] if single else [None, 0, 1, (0, 1), -1]
            for ax in axes:
                for keepdims in ([False] if single else [False, True]):
                    if keepdims and ax not in (None, 1):
                        continue
                    ddof = 1 if name in ("var", "std", "nanvar", "nanstd") and ax == 0 else 0
                    r, flag = store_result(named_call(name, a, ax, keepdims, ddof))
                    w.case("named.npz", "named", name, [a], [r],
                           params=join(axis_param(ax), "keepdims=1" if keepdims else "", "ddof=%d" % ddof if ddof else "", flag))
            f = np.asfortranarray(values(rng, name, LETTER[c], (5, 3)))
            if name.startswith("nanarg") and c in "efd":
                f[0, :] = 1
                f[:, 0] = 1
            r, flag = store_result(named_call(name, f, 0, False, 0))
            w.case("named.npz", "named", name, [f], [r], params=join("axis=0", flag))
    # NumPy's argmax ties and NaN positions, all-NaN slices, empty sums
    t = np.array([[1.0, 3.0, 3.0, np.nan, 2.0], [np.nan, np.nan, 1.0, 1.0, 0.0]])
    for name in ("argmax", "argmin", "max", "nanmax", "nanmin", "nanmean", "nansum", "sum"):
        for ax in (None, 1):
            r, flag = store_result(named_call(name, t, ax, False, 0))
            w.case("named.npz", "named", name, [t], [r], params=axis_param(ax))
    allnan = np.array([[np.nan, np.nan], [1.0, np.nan]])
    for name in ("nanmax", "nanmin", "nanmean", "nanvar", "nansum"):
        r, _ = store_result(named_call(name, allnan, 1, False, 0))
        w.case("named.npz", "named", name, [allnan], [r], params="axis=1")
    for name in ("sum", "prod", "mean", "any", "all"):
        e = np.zeros((0, 3))
        r, _ = store_result(named_call(name, e, 0, False, 0))
        w.case("named.npz", "named", name, [e], [r], params="axis=0")
    big = rng.uniform(0, 1, 200_000).astype(np.float32)
    for name in ("sum", "mean", "var"):
        r, _ = store_result(named_call(name, big, None, False, 0))
        w.case("named.npz", "named", name, [big], [r], params="axis=none")


def matmul_cases(w, rng):
    shapes = [((3, 4), (4, 5)), ((4,), (4, 5)), ((3, 4), (4,)), ((4,), (4,)), ((2, 3, 4), (4, 5)),
              ((2, 1, 3, 4), (3, 4, 2)), ((3, 0), (0, 4)), ((0, 3), (3, 2)), ((1, 1), (1, 1))]
    for c in "ZbBhilefd":
        for sa, sb in shapes:
            a = values(rng, "matmul", LETTER[c], sa)
            b = values(rng, "matmul", LETTER[c], sb)
            w.case("matmul.npz", "matmul", "matmul", [a, b], [np.matmul(a, b)])
        a = np.asfortranarray(values(rng, "matmul", LETTER[c], (6, 5)))
        b = values(rng, "matmul", LETTER[c], (6, 7))
        w.case("matmul.npz", "matmul", "matmul", [a, b], [np.matmul(a.T, b)], views=["T", "-"])
    for c in "ifd":
        for sa, sb in [((3, 4), (4, 5)), ((4,), (4,)), ((), (3, 2)), ((2, 3, 4), (4, 5)), ((2, 3), (4, 3, 2)),
                       ((5, 3), (3,))]:
            a = values(rng, "dot", LETTER[c], sa)
            b = values(rng, "dot", LETTER[c], sb)
            w.case("matmul.npz", "dot", "dot", [a, b], [np.dot(a, b)])
    a = rng.uniform(-1, 1, (64, 130))
    b = rng.uniform(-1, 1, (130, 33))
    w.case("matmul.npz", "matmul", "matmul", [a, b], [a @ b])
    mixed = [("b", "B"), ("i", "f"), ("Z", "h")]
    for x, y in mixed:
        a = values(rng, "matmul", LETTER[x], (3, 4))
        b = values(rng, "matmul", LETTER[y], (4, 2))
        w.case("matmul.npz", "matmul", "matmul", [a, b], [np.matmul(a, b)])


def product_out_cases(w, rng):
    """matmul/dot with out=: params out=1 (the case's _o array, as it was before the call) or
    out=a0 (the first input itself, so out overlaps an input)."""
    d, f, i = np.float64, np.float32, np.int32
    for name, sa, sb, ta, so, to in [("matmul", (2, 3), (3, 4), d, (2, 4), f), ("matmul", (2, 3), (3, 4), d, (3, 2, 4), d),
                                     ("matmul", (3,), (3, 4), d, (1, 4), d), ("matmul", (2, 3), (3, 4), i, (2, 4), np.int64),
                                     ("matmul", (2, 2, 3), (3,), f, (2, 2), d), ("matmul", (4,), (4,), i, (), i),
                                     ("dot", (3, 4), (4, 5), d, (3, 5), d), ("dot", (2, 3), (4, 3, 2), f, (2, 4, 2), f),
                                     ("dot", (), (3, 2), i, (3, 2), i), ("dot", (5, 3), (3,), d, (5,), d)]:
        a = values(rng, name, ta, sa)
        b = values(rng, name, ta, sb)
        o = values(rng, name, to, so)
        r = o.copy()
        getattr(np, name)(a, b, out=r)
        w.case("matmul.npz", name, name, [a, b], [r], params="out=1", extra={"o": o})
    for name in ("matmul", "dot"):
        x = values(rng, name, d, (3, 3))
        y = values(rng, name, d, (3, 3))
        r = x.copy()
        getattr(np, name)(r, y, out=r)
        w.case("matmul.npz", name, name, [x, y], [r], params="out=a0")
        r = y.copy()
        getattr(np, name)(x, r, out=r)
        w.case("matmul.npz", name, name, [x, y], [r], params="out=a1")
    # int8 products wrap in int8 even into an int64 out: NumPy does not widen the loop for out
    a = np.full((2, 3), 100, np.int8)
    o = np.zeros((2, 2), np.int64)
    r = o.copy()
    np.matmul(a, a.T.copy(), out=r)
    w.case("matmul.npz", "matmul", "matmul", [a, a.T.copy()], [r], params="out=1", extra={"o": o})


def cases(w, rng):
    reduce_cases(w, rng)
    accumulate_cases(w, rng)
    outer_at_cases(w, rng)
    named_cases(w, rng)
    matmul_cases(w, rng)
    product_out_cases(w, rng)
    at_tuple_cases(w, rng)
    named_option_cases(w, rng)
    reduce_out_cases(w, rng)
    stats_dtype_cases(w, rng)
