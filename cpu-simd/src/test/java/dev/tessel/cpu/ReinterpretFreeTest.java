package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No SIMD kernel views float or double lanes as integers: no {@code reinterpretAsInts()} /
 * {@code reinterpretAsLongs()} / {@code viewAsIntegralLanes()} on a float vector, no
 * {@code REINTERPRET_F2I}/{@code D2L} convert, and no {@code test(IS_NAN)}-style tests (which
 * view the lanes as integers inside). Before C2 compiles a caller, such a view runs the Vector
 * API's fallback, which stores the vector into a heap memory segment through the
 * {@code intoMemorySegment} that every loop's store inlines; from then on every loop in the JVM
 * compiles with a class check and range checks on its stores (see {@link FloatClasses}: an
 * add ran 1.8x slower after one {@code isnan}). Nothing else would notice: the results stay
 * right, and each benchmark runs one op per JVM. Loading the bits as integers from memory, or
 * building a float from integer bits (int-to-float), is fine.
 */
class ReinterpretFreeTest {
    private static final String VECTOR_PACKAGE = "jdk/incubator/vector/";
    private static final Set<String> FLOAT_OWNERS = Set.of("FloatVector", "DoubleVector", "Vector", "AbstractVector");
    private static final Set<String> INTEGER_VIEWS = Set.of("reinterpretAsInts", "reinterpretAsLongs", "reinterpretAsShorts",
            "reinterpretAsBytes", "viewAsIntegralLanes");
    private static final Set<String> INTEGER_VIEW_OPERATORS = Set.of("IS_NAN", "IS_INFINITE", "IS_FINITE", "IS_NEGATIVE",
            "IS_DEFAULT", "REINTERPRET_F2I", "REINTERPRET_D2L");

    @Test
    void kernelsNeverViewFloatLanesAsIntegers() throws IOException {
        List<String> found = new ArrayList<>();
        for (Class<?> c : KernelClassFiles.KERNELS) {
            for (MethodModel m : KernelClassFiles.parse(c).methods()) {
                m.code().ifPresent(code -> {
                    for (CodeElement e : code) {
                        String hit = integerView(e);
                        if (hit != null) {
                            found.add(c.getSimpleName() + "." + m.methodName().stringValue() + ": " + hit);
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found, "float lanes viewed as integers (load the bits from memory instead, or compare)");
    }

    @Test
    void theScanSeesAnIntegerView() {
        // This class itself is compiled with one, so the scan is known to see them.
        List<String> hits = new ArrayList<>();
        try {
            for (MethodModel m : KernelClassFiles.parse(ReinterpretFreeTest.class).methods()) {
                m.code().ifPresent(code -> code.forEach(e -> {
                    String hit = integerView(e);
                    if (hit != null) {
                        hits.add(hit);
                    }
                }));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(hits.contains("FloatVector.reinterpretAsInts") && hits.contains("VectorOperators.IS_NAN"), hits.toString());
    }

    @SuppressWarnings("unused")
    private static Object sample(jdk.incubator.vector.FloatVector v) {
        return v.reinterpretAsInts().add(v.test(jdk.incubator.vector.VectorOperators.IS_NAN).trueCount());
    }

    private static String integerView(CodeElement e) {
        if (e instanceof InvokeInstruction i) {
            String owner = i.owner().asInternalName();
            String simple = owner.substring(owner.lastIndexOf('/') + 1);
            if (owner.startsWith(VECTOR_PACKAGE) && FLOAT_OWNERS.contains(simple)
                    && INTEGER_VIEWS.contains(i.name().stringValue())) {
                return simple + "." + i.name().stringValue();
            }
        } else if (e instanceof FieldInstruction f && f.owner().asInternalName().equals(VECTOR_PACKAGE + "VectorOperators")
                && INTEGER_VIEW_OPERATORS.contains(f.name().stringValue())) {
            return "VectorOperators." + f.name().stringValue();
        }
        return null;
    }

}
