package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every loop-free method of the SIMD kernels that takes or returns a vector fits C2's
 * {@code FreqInlineSize} (325 bytecodes on x86-64). Such a method is called with vectors live,
 * once per vector: if C2 does not inline it, the vectors are boxed into heap objects at the call
 * and the intrinsics are lost, and the loop runs several times slower (float64 tanh a few
 * bytecodes over the limit measured 2-4x slower) with every result still right, so no
 * conformance test notices. A method with its own loop (one call per run or block) boxes
 * at most its result, once per call, and is exempt.
 *
 * <p>This checks the class files, so it holds on every machine and JIT run; the other way to
 * lose inlining, a call chain deeper than {@code MaxInlineLevel}, depends on the caller and is
 * covered by the scheduler running one-thread ops in ranges (see bench/README.md).
 */
class InliningBudgetTest {
    /** C2's default {@code -XX:FreqInlineSize} on x86-64 and AArch64. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void loopFreeVectorMethodsFitTheInliningLimit() throws IOException {
        List<String> tooLarge = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : KernelClassFiles.KERNELS) {
            for (MethodModel m : KernelClassFiles.parse(c).methods()) {
                CodeModel code = m.code().orElse(null);
                if (code == null || !handlesVectors(m.methodTypeSymbol()) || hasLoop(code)) {
                    continue;
                }
                checked++;
                int size = m.findAttribute(Attributes.code()).orElseThrow().codeLength();
                if (size > FREQ_INLINE_SIZE) {
                    tooLarge.add(c.getSimpleName() + "." + m.methodName().stringValue() + ": " + size + " bytecodes");
                }
            }
        }
        assertTrue(checked >= 15, "found only " + checked + " loop-free vector methods: is the class list stale?");
        assertEquals(List.of(), tooLarge, "over FreqInlineSize (" + FREQ_INLINE_SIZE + "): split them or move work out");
    }

    @Test
    void theLoopDetectorSeesLoops() throws IOException {
        MethodModel maxBody = KernelClassFiles.parse(Float32Extremes.class).methods().stream()
                .filter(m -> m.methodName().equalsString("maxBody")).findFirst().orElseThrow();
        MethodModel tanh = KernelClassFiles.parse(VectorMath.class).methods().stream()
                .filter(m -> m.methodName().equalsString("tanh")).findFirst().orElseThrow();
        assertTrue(hasLoop(maxBody.code().orElseThrow()));
        assertTrue(!hasLoop(tanh.code().orElseThrow()));
        assertTrue(handlesVectors(tanh.methodTypeSymbol()));
    }


    private static boolean handlesVectors(MethodTypeDesc type) {
        return isVector(type.returnType()) || type.parameterList().stream().anyMatch(InliningBudgetTest::isVector);
    }

    private static boolean isVector(ClassDesc d) {
        return d.isClassOrInterface() && d.packageName().equals("jdk.incubator.vector");
    }

    /** A branch back to a label already passed: javac emits loops (and only loops) that way. */
    private static boolean hasLoop(CodeModel code) {
        Set<Label> passed = new HashSet<>();
        for (CodeElement e : code) {
            if (e instanceof LabelTarget t) {
                passed.add(t.label());
            } else if (e instanceof BranchInstruction b && passed.contains(b.target())) {
                return true;
            }
        }
        return false;
    }
}
