package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhProgressFormatTest {
    @Test
    void aFailureBecomesOneLineAndTheStackTraceStaysInTheLog() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StringWriter log = new StringWriter();
        List<String> failures = new ArrayList<>();
        JmhProgressFormat f = new JmhProgressFormat(
                new ProgressLine(new PrintStream(console, true, StandardCharsets.UTF_8), false, 1, 1),
                new PrintWriter(log, true), 2, failures);
        f.println("# Warmup Iteration   1: 12.0 ns/op");
        f.println("<failure>");
        f.println("");
        // JMH passes the whole stack trace as one multi-line string.
        f.println("java.lang.IllegalStateException: asked for backend simd but the op ran on scalar\n"
                + "\tat dev.tessel.bench.ufunc.BackendSelection.verify(BackendSelection.java:41)\n");
        assertEquals(List.of(": java.lang.IllegalStateException: asked for backend simd but the op ran on scalar"), failures);
        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("failed: : java.lang.IllegalStateException"), shown);
        assertTrue(!shown.contains("BackendSelection.verify") && !shown.contains("Warmup"), shown);
        assertTrue(log.toString().contains("BackendSelection.verify"), log.toString());
    }
}
