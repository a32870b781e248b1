package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header codec and the literal parser behind it. */
class NpyHeaderTest {
    @Test
    void encodesVersion1PaddedTo64Bytes() throws IOException {
        NpyHeader h = new NpyHeader(DType.FLOAT16, ByteOrder.LITTLE_ENDIAN, true, new long[] {3, 0, 2}, 0);
        byte[] b = h.encode();
        assertEquals(0, b.length % 64);
        assertEquals(1, b[6]);
        assertEquals('\n', b[b.length - 1]);
        NpyHeader back = NpyHeader.read(new ByteArrayInputStream(b), "mem");
        assertEquals(DType.FLOAT16, back.dtype());
        assertTrue(back.fortranOrder());
        assertArrayEquals(new long[] {3, 0, 2}, back.shape());
        assertEquals(b.length, back.dataOffset());
    }

    /** Only reachable past Tessel's 64-dimension limit, so the header is built directly. */
    @Test
    void switchesToVersion2WhenTheHeaderOutgrows65535Bytes() {
        long[] shape = new long[30_000];
        Arrays.fill(shape, 1);
        byte[] b = new NpyHeader(DType.INT8, ByteOrder.LITTLE_ENDIAN, false, shape, 0).encode();
        assertEquals(2, b[6]);
        assertEquals(0, b.length % 64);
        long len = (b[8] & 0xffL) | (b[9] & 0xffL) << 8 | (b[10] & 0xffL) << 16 | (b[11] & 0xffL) << 24;
        assertEquals(b.length - 12, len);
    }

    @Test
    void parsesTheLiteralsNumPyWrites() throws Exception {
        Object v = PyLiteralParser.parse("{\"descr\": '>i\\'2', 'x': [1, -2, +3], 'y': (), 'z': (7,), 'w': (1, 2,), 'n': None}\n ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("descr", "x", "y", "z", "w", "n"), List.copyOf(m.keySet()));
        assertEquals(">i'2", m.get("descr"));
        assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(3)), m.get("x"));
        assertEquals(new PyLiteralParser.Tuple(List.of()), m.get("y"));
        assertEquals(new PyLiteralParser.Tuple(List.of(BigInteger.valueOf(7))), m.get("z"));
        assertEquals("(1, 2)", PyLiteralParser.repr(m.get("w")));
        assertEquals(PyLiteralParser.NONE, m.get("n"));
        assertEquals(BigInteger.valueOf(7), PyLiteralParser.parse("(7)"), "(7) is an int in Python, not a tuple");
    }

    @Test
    void refusesWhatIsNotALiteral() {
        for (String bad : List.of("{'a': 1} x", "{'a': 1.5}", "{'a': b'x'}", "{'a': 1 + 2}", "{'a': open}", "{'a': 'x\\q'}",
                "{'a': 'unterminated}", "(" .repeat(40) + ")".repeat(40), "{'a' 1}", "{(1,): 2,,}")) {
            assertThrows(PyLiteralParser.SyntaxError.class, () -> PyLiteralParser.parse(bad), bad);
        }
    }
}
