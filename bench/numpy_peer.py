#!/usr/bin/env python3
"""Tessel benchmark peer: times the runner's cases in NumPy, single-threaded.

Protocol (version 1), used by dev.tessel.bench.NumpyPeer:
  stdin  {"protocol": 1, "min_seconds": 0.2, "repeats": 5,
          "cases": [{"op": "add", "dtype": "float32", "size": 1000}, ...]}
  stdout {"protocol": 1, "numpy": "2.4.0", "python": "3.13.1", "blas": "...",
          "results": [{"op", "dtype", "size", "seconds", "best", "loops", "repeats"}, ...],
          "skipped": [{"op", "dtype", "size", "reason"}, ...]}
  stderr one line per case, "case I/N OP DTYPE SIZE", for the runner's progress line.

"seconds" is the median over `repeats` timings of one call, each timing averaging `loops`
calls, with `loops` chosen so one timing lasts at least `min_seconds`; "best" is the fastest.
Ops write into preallocated outputs (out=), as Tessel's benchmarks do, so allocation is not
timed. The case shapes follow the runner: matmul's size is the matrix side n; axis sums use a
2-D array of rows x cols = size, rows the largest divisor of size not above its square root.
"""
import os

# Single-threaded: must be set before NumPy loads its BLAS.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
             "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import json
import math
import platform
import statistics
import sys
import time

import numpy as np

PROTOCOL = 1


def grid(size):
    """rows x cols with rows the largest divisor of size not above sqrt(size)."""
    rows = math.isqrt(size)
    while size % rows:
        rows -= 1
    return rows, size // rows


def make(op, dtype, size, rng):
    """Inputs and a zero-argument callable that runs the op once."""
    dt = np.dtype(dtype)

    def arr(*shape):
        return rng.uniform(0.5, 1.5, shape).astype(dt)

    if op == "matmul":
        a, b, out = arr(size, size), arr(size, size), np.empty((size, size), dt)
        return lambda: np.matmul(a, b, out=out)
    if op in ("sum_axis0", "sum_axis1"):
        m = arr(*grid(size))
        axis = 0 if op == "sum_axis0" else 1
        out = np.empty(m.shape[1 - axis], dt)
        return lambda: np.sum(m, axis=axis, out=out)
    a, b, c, out = arr(size), arr(size), arr(size), np.empty(size, dt)
    scalar = dt.type(3)
    table = {
        "copy": lambda: np.copyto(out, a),
        "triad": lambda: (np.multiply(c, scalar, out=out), np.add(out, b, out=out)),
        "add": lambda: np.add(a, b, out=out),
        "multiply": lambda: np.multiply(a, b, out=out),
        "mul_add": lambda: (np.multiply(a, b, out=out), np.add(out, c, out=out)),
        "exp": lambda: np.exp(a, out=out),
        "log": lambda: np.log(a, out=out),
        "sin": lambda: np.sin(a, out=out),
        "cos": lambda: np.cos(a, out=out),
        "tanh": lambda: np.tanh(a, out=out),
        "sqrt": lambda: np.sqrt(a, out=out),
        "sum": lambda: a.sum(),
        "max": lambda: a.max(),
        "argmax": lambda: a.argmax(),
    }
    if op not in table:
        raise KeyError(op)
    return table[op]


def time_case(fn, min_seconds, repeats):
    fn()  # warm-up: first touch of the output pages, lazy BLAS init
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds or loops >= 1 << 30:
            break
        loops *= 2 if elapsed <= 0 else max(2, min(10, math.ceil(min_seconds / elapsed * 1.2)))
    timings = [elapsed / loops]
    for _ in range(repeats - 1):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        timings.append((time.perf_counter() - start) / loops)
    return statistics.median(timings), min(timings), loops


def blas_name():
    try:
        info = np.show_config(mode="dicts")
        return info["Build Dependencies"]["blas"]["name"]
    except Exception:  # older NumPy or a build without the section
        return "unknown"


def main():
    request = json.load(sys.stdin)
    if request.get("protocol") != PROTOCOL:
        sys.exit(f"numpy_peer: protocol {request.get('protocol')} not supported (want {PROTOCOL})")
    min_seconds = float(request.get("min_seconds", 0.2))
    repeats = int(request.get("repeats", 5))
    cases = request["cases"]
    rng = np.random.default_rng(42)
    results, skipped = [], []
    for i, case in enumerate(cases, 1):
        op, dtype, size = case["op"], case["dtype"], int(case["size"])
        print(f"case {i}/{len(cases)} {op} {dtype} {size}", file=sys.stderr, flush=True)
        try:
            fn = make(op, dtype, size, rng)
        except (KeyError, TypeError) as e:
            skipped.append({"op": op, "dtype": dtype, "size": size, "reason": f"unsupported: {e}"})
            continue
        seconds, best, loops = time_case(fn, min_seconds, repeats)
        results.append({"op": op, "dtype": dtype, "size": size, "seconds": seconds,
                        "best": best, "loops": loops, "repeats": repeats})
    json.dump({"protocol": PROTOCOL, "numpy": np.__version__, "python": platform.python_version(),
               "blas": blas_name(), "results": results, "skipped": skipped}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
