package dev.tessel.reference;

import static dev.tessel.reference.ScalarKernels.binaryL;
import static dev.tessel.reference.ScalarKernels.compareF;
import static dev.tessel.reference.ScalarKernels.compareL;
import static dev.tessel.reference.ScalarKernels.predicateF;
import static dev.tessel.reference.ScalarKernels.predicateL;
import static dev.tessel.reference.ScalarKernels.unaryL;

import dev.tessel.DType;

/**
 * logical_and/or/xor/not (any dtype in, bool out), bitwise_and/or/xor/invert on bool and
 * integers, and the shifts. A shift by a negative count or by at least the register width
 * gives 0 (left) or the sign fill (right), as NumPy defines it, not Java's count modulo 64.
 */
final class BitwiseLoops {
    private BitwiseLoops() {
    }

    static void register(LoopTable t) {
        DType z = DType.BOOL;
        for (DType d : LoopTypes.ALL) {
            if (d.isFloating()) {
                t.put("logical_and", compareF(d, (double a, double b) -> a != 0 && b != 0), d, d, z);
                t.put("logical_or", compareF(d, (double a, double b) -> a != 0 || b != 0), d, d, z);
                t.put("logical_xor", compareF(d, (double a, double b) -> (a != 0) != (b != 0)), d, d, z);
                t.put("logical_not", predicateF(d, (double a) -> a == 0), d, z);
                continue;
            }
            t.put("logical_and", compareL(d, (long a, long b) -> a != 0 && b != 0), d, d, z);
            t.put("logical_or", compareL(d, (long a, long b) -> a != 0 || b != 0), d, d, z);
            t.put("logical_xor", compareL(d, (long a, long b) -> (a != 0) != (b != 0)), d, d, z);
            t.put("logical_not", predicateL(d, (long a) -> a == 0), d, z);
            t.put("bitwise_and", binaryL(d, d, (long a, long b) -> a & b), d, d, d);
            t.put("bitwise_or", binaryL(d, d, (long a, long b) -> a | b), d, d, d);
            t.put("bitwise_xor", binaryL(d, d, (long a, long b) -> a ^ b), d, d, d);
            if (d.isBool()) {
                t.put("invert", unaryL(d, d, (long a) -> a == 0 ? 1 : 0), d, d);
            } else {
                t.put("invert", unaryL(d, d, (long a) -> ~a), d, d);
                t.put("left_shift", binaryL(d, d, BitwiseLoops::leftShift), d, d, d);
                t.put("right_shift", binaryL(d, d, BitwiseLoops::rightShift), d, d, d);
            }
        }
    }

    static long leftShift(long a, long b) {
        return b < 0 || b >= 64 ? 0 : a << b;
    }

    static long rightShift(long a, long b) {
        return b < 0 || b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
    }
}
