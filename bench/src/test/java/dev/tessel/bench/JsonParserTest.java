package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {
    @Test
    void readsNestedValues() {
        Object v = JsonParser.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\\\"y\\u0041\\n\"}, \"d\": []} ");
        Map<?, ?> root = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -2500.0, true, false), ((List<?>) root.get("a")).subList(0, 4));
        assertNull(((List<?>) root.get("a")).get(4));
        assertEquals("x\"yA\n", ((Map<?, ?>) root.get("b")).get("c"));
        assertEquals(List.of(), root.get("d"));
        assertEquals(List.of("a", "b", "d"), List.copyOf(root.keySet()));
    }

    @Test
    void acceptsJmhNonFiniteNumbers() {
        assertEquals(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                JsonParser.parse("[NaN, Infinity, -Infinity]"));
    }

    @Test
    void reportsWhereItFailed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\" 1}"));
        assertTrue(e.getMessage().contains("expected ':'") && e.getMessage().contains("offset 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("[1] x"));
    }
}
