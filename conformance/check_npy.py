#!/usr/bin/env python3
"""Checks .npy/.npz files that Tessel wrote, with NumPy as the judge.

Usage: python3 conformance/check_npy.py DIR
DIR/manifest.tsv has gen_npy.py's format (file, key, descr, fortran, shape, values). For every
row this loads the array with allow_pickle=False and checks dtype string, shape, the header's
fortran_order, the values (bit-exact: NaN equals NaN, -0.0 differs from 0.0) and, for .npz,
the archive's key order. Prints 'ok N' and exits 0, or lists every mismatch and exits 1.
"""
import os
import sys

import numpy as np


def header_fortran(path):
    with open(path, "rb") as f:
        major, _ = np.lib.format.read_magic(f)
        read = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
        return read(f)[1]


def same_values(a, text):
    flat = a.reshape(-1, order="C")
    want = text.split()
    if len(want) != flat.size:
        return False
    if a.dtype.kind == "f":
        exp = np.array([float(v) for v in want], dtype=np.float64)
        got = flat.astype(np.float64)
        return bool(np.array_equal(got, exp, equal_nan=True) and np.array_equal(np.signbit(got), np.signbit(exp)))
    return [int(v) for v in flat.tolist()] == [int(v) for v in want]


def check_row(d, row, archives, problems):
    file, key, descr, fortran, shape, values = row
    path = os.path.join(d, file)
    if key == "-":
        a = np.load(path, allow_pickle=False)
        fo = header_fortran(path)
    else:
        a = archives.setdefault(file, np.load(path, allow_pickle=False))[key]
        fo = a.flags.f_contiguous and not a.flags.c_contiguous
    want_shape = () if shape == "-" else tuple(int(s) for s in shape.split(","))
    where = file + ("" if key == "-" else ":" + key)
    if a.dtype.str != descr:
        problems.append(f"{where}: dtype {a.dtype.str}, expected {descr}")
    if a.shape != want_shape:
        problems.append(f"{where}: shape {a.shape}, expected {want_shape}")
    if bool(fo) != (fortran == "1"):
        problems.append(f"{where}: fortran_order {fo}, expected {fortran == '1'}")
    if not same_values(a, values):
        problems.append(f"{where}: values {a.reshape(-1).tolist()}, expected {values}")


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "manifest.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    problems, archives, order = [], {}, {}
    for row in rows:
        check_row(d, row, archives, problems)
        if row[1] != "-":
            order.setdefault(row[0], []).append(row[1])
    for file, keys in order.items():
        if list(archives[file].files) != keys:
            problems.append(f"{file}: keys {archives[file].files}, expected {keys}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok {len(rows)}")


if __name__ == "__main__":
    main()
