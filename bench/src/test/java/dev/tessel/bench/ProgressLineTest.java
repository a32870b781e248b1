package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void logsALinePerCaseWhenNotOnATerminal() {
        ProgressLine p = new ProgressLine(out, false, 3, 10);
        p.start("add float32 n=1e3 simd, 2 thr");
        p.finish();
        p.start("add float32 n=1e5 simd, 2 thr");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("[1/3] add float32 n=1e3 simd, 2 thr  ETA 30s\n"), text);
        assertTrue(text.lines().toList().get(1).startsWith("[2/3] add float32 n=1e5 simd, 2 thr  ETA "), text);
    }

    @Test
    void rewritesOneLineOnATerminal() {
        ProgressLine p = new ProgressLine(out, true, 2, 1);
        p.start("a long case label");
        p.finish();
        p.start("short");
        p.message("warning");
        p.close();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r[1/2] a long case label  ETA 2s\r[2/2] short  ETA "), text);
        assertTrue(text.contains("warning\n"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "only the message ends a line: " + text);
    }

    @Test
    void formatsMinutes() {
        assertEquals("45s", ProgressLine.format(44.6));
        assertEquals("2m05s", ProgressLine.format(125));
    }
}
