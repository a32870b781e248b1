package dev.tessel.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.util.List;

/** The SIMD kernel classes as class files, for the tests that check their bytecode. */
final class KernelClassFiles {
    /** Every class whose methods run vector code in a loop or are called from one. */
    static final List<Class<?>> KERNELS = List.of(VectorMath.class, FloatClasses.class, Float32Loops.class,
            Float64Loops.class, Int8Loops.class, Int16Loops.class, Int32Loops.class, Int64Loops.class, Float32Folds.class,
            Float64Folds.class, Int32Folds.class, Int64Folds.class, BoolFolds.class, Float32Extremes.class,
            Float64Extremes.class, Float32Matmul.class, Float64Matmul.class, VectorKernels.class, MaskBytes.class,
            Walk.class);

    private KernelClassFiles() {
    }

    static ClassModel parse(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return ClassFile.of().parse(in.readAllBytes());
        }
    }
}
