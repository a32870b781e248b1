#!/usr/bin/env python3
"""Reference outputs of Tessel's random stream, computed independently of the Java code.

Tessel's RandomGenerator is xoshiro256** (Blackman and Vigna) whose four state words are the
first four outputs of SplitMix64 started at the seed. This script follows the published
reference algorithms with Python integers; RandomGeneratorTest pins the Java stream to its
output. Run: python3 conformance/xoshiro_reference.py
"""
M = (1 << 64) - 1


def splitmix64(x):
    while True:
        x = (x + 0x9E3779B97F4A7C15) & M
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def xoshiro256starstar(seed):
    g = splitmix64(seed & M)
    s = [next(g) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


def signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


if __name__ == "__main__":
    for seed in (0, 42, -1):
        g = xoshiro256starstar(seed)
        print(seed, [signed(next(g)) for _ in range(3)])
