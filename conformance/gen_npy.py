#!/usr/bin/env python3
"""Writes the .npy/.npz conformance files for Tessel's NpyTest, NpzTest and NpyBadInputTest.

Run from anywhere:  python3 conformance/gen_npy.py
Output: conformance/npy/ (wiped and rewritten), with manifest.tsv describing every good array:

    file <TAB> key <TAB> descr <TAB> fortran <TAB> shape <TAB> values

key is '-' for a .npy file, else the .npz key (rows of one archive are in archive order);
descr is the dtype as written in the file (e.g. '>i4'); fortran is 1 when the header says
fortran_order: True; shape is comma-separated ('-' for 0-d); values are the elements in C order,
space-separated (Python repr for floats, integers for ints, 0/1 for bools).
check_npy.py reads the same manifest format to check files that Tessel wrote.
"""
import io
import os
import shutil
import warnings
import zipfile

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "npy")
TYPES = ["b1", "i1", "u1", "i2", "i4", "i8", "f2", "f4", "f8"]
SHAPES = {"0d": (), "e0": (0,), "v5": (5,), "m23": (2, 3), "t234": (2, 3, 4), "e30": (3, 0)}


def values(code, n):
    """Deterministic, dtype-specific contents: wraparound for small ints, inexact floats for f4/f8."""
    i = np.arange(n, dtype=np.int64)
    if code == "b1":
        return i % 3 == 1
    if code == "i1":
        return (i * 37 - 50).astype(np.int8)
    if code == "u1":
        return (i * 37 + 200).astype(np.uint8)
    if code == "i2":
        return (i * 1001 - 7000).astype(np.int16)
    if code == "i4":
        return (i * 100003 - 10**9).astype(np.int32)
    if code == "i8":
        return i * (2**40 + 3) - 2**62
    if code == "f2":
        return (i * 0.25 - 2.5).astype(np.float16)
    if code == "f4":
        return (i.astype(np.float32) * np.float32(0.1) - np.float32(1))
    return i / 3.0 - 1.0


def special(code):
    if code == "b1":
        return np.array([True, False, True])
    if code[0] in "iu":
        info = np.iinfo(np.dtype(code))
        return np.array([info.min, info.max, 0, 1, info.max - 1], dtype=code)
    info = np.finfo(np.dtype(code))
    return np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, info.max, info.smallest_subnormal, -1.5], dtype=code)


def text(a):
    flat = np.ascontiguousarray(a).reshape(-1)
    if a.dtype.kind == "b":
        return " ".join("1" if v else "0" for v in flat)
    if a.dtype.kind == "f":
        return " ".join(repr(float(v)) for v in flat)
    return " ".join(str(int(v)) for v in flat)


def row(file, key, a, fortran):
    shape = ",".join(str(d) for d in a.shape) or "-"
    return "\t".join([file, key, a.dtype.str, "1" if fortran else "0", shape, text(a)])


def save_npy(rows, name, a, **version):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        np.lib.format.write_array(f, a, allow_pickle=False, **version)
    _, fortran, _ = read_header(path)  # what NumPy itself wrote, not what we think it wrote
    rows.append(row(name, "-", a, fortran))


def read_header(path):
    with open(path, "rb") as f:
        major, _ = np.lib.format.read_magic(f)
        if major == 1:
            return np.lib.format.read_array_header_1_0(f)
        return np.lib.format.read_array_header_2_0(f)


def order_variants(a):
    """The C array, and its Fortran-ordered twin when that differs in layout."""
    yield "C", a
    f = np.asfortranarray(a)
    if f.flags.f_contiguous and not f.flags.c_contiguous:
        yield "F", f


def good_npy(rows):
    for code in TYPES:
        endians = ["|"] if code in ("b1", "i1", "u1") else ["<", ">"]
        for e in endians:
            tag = {"|": "na", "<": "le", ">": "be"}[e]
            for sname, shape in SHAPES.items():
                n = int(np.prod(shape))
                base = values(code, n).reshape(shape).astype(np.dtype(code).newbyteorder(e) if e != "|" else code)
                for order, a in order_variants(base):
                    save_npy(rows, f"{code}_{tag}_{order}_{sname}.npy", a)
            sp = special(code).astype(np.dtype(code).newbyteorder(e) if e != "|" else code)
            save_npy(rows, f"special_{code}_{tag}.npy", sp)
    v = values("f8", 6).reshape(2, 3)
    save_npy(rows, "version2.npy", np.asfortranarray(v), version=(2, 0))
    save_npy(rows, "version3.npy", v.astype(">i2"), version=(3, 0))


def npz_arrays():
    return {
        "ints": np.asfortranarray(values("i4", 6).reshape(2, 3).astype(">i4")),
        "floats": values("f8", 4),
        "flags": values("b1", 4).reshape(2, 2),
        "scalar": np.array(1.5, dtype="<f2"),
        "empty": np.zeros((0, 3), dtype="<i8"),
        "bytes": values("u1", 7),
    }


def good_npz(rows):
    arrays = npz_arrays()
    for name, save in [("plain.npz", np.savez), ("compressed.npz", np.savez_compressed)]:
        save(os.path.join(OUT, name), **arrays)
        for key, a in arrays.items():
            rows.append(row(name, key, a, a.flags.f_contiguous and not a.flags.c_contiguous))
    np.savez(os.path.join(OUT, "positional.npz"), values("i2", 3), values("f4", 2))
    rows.append(row("positional.npz", "arr_0", values("i2", 3), False))
    rows.append(row("positional.npz", "arr_1", values("f4", 2), False))


def npy_bytes(a):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, a, allow_pickle=False)
    return buf.getvalue()


def fixed_time(name):
    """A zip entry dated 1980-01-01, so rerunning this script reproduces the same bytes."""
    return zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))


def bad_files():
    bad = os.path.join(OUT, "bad")
    os.makedirs(bad)
    np.save(os.path.join(bad, "object.npy"), np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    np.save(os.path.join(bad, "complex.npy"), np.array([1 + 2j, 3j], dtype="<c16"))
    np.save(os.path.join(bad, "unicode.npy"), np.array(["ab", "cde"], dtype="<U3"))
    np.save(os.path.join(bad, "uint32.npy"), np.arange(3, dtype="<u4"))
    np.save(os.path.join(bad, "structured.npy"), np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")]))
    good = npy_bytes(values("i4", 3))
    entries = {
        "traversal.npz": [("../x.npy", good)],
        "absolute.npz": [("/abs.npy", good)],
        "notnpy.npz": [("a.npy", good), ("notes.txt", b"hello")],
        "truncated_entry.npz": [("a.npy", good[:-2])],
        "object_entry.npz": [("a.npy", good), ("o.npy", open(os.path.join(bad, "object.npy"), "rb").read())],
    }
    for name, items in entries.items():
        with zipfile.ZipFile(os.path.join(bad, name), "w") as z:
            for n, data in items:
                z.writestr(fixed_time(n), data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate, which is the point
        with zipfile.ZipFile(os.path.join(bad, "duplicate.npz"), "w") as z:
            z.writestr(fixed_time("a.npy"), good)
            z.writestr(fixed_time("a.npy"), npy_bytes(values("f8", 2)))
    with open(os.path.join(bad, "notzip.npz"), "wb") as f:
        f.write(b"this is not a zip archive at all\n")


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    rows = []
    good_npy(rows)
    good_npz(rows)
    bad_files()
    with open(os.path.join(OUT, "manifest.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} manifest rows to {OUT}")


if __name__ == "__main__":
    main()
