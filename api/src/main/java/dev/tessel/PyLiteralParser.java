package dev.tessel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict parser for the Python literals that appear in a {@code .npy} header: dicts,
 * tuples, lists, strings, integers, {@code True}, {@code False} and {@code None}.
 *
 * <p>It exists so that a header is never evaluated: nothing but these literals is accepted
 * (no names, calls, operators, floats, bytes or f-strings). Values come back as {@code Map}
 * (insertion order), {@link Tuple}, {@code List}, {@code String}, {@code BigInteger},
 * {@code Boolean} or {@link #NONE}. Duplicate dict keys are refused rather than silently
 * overwritten as Python would.
 */
final class PyLiteralParser {
    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python tuple, kept apart from lists because {@code shape} must be a tuple. */
    record Tuple(List<Object> items) {
    }

    /** Thrown for text that is not a literal; the caller turns it into an {@link NpyFormatException}. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    // A header is at most 10,000 bytes; real ones nest two levels. The cap keeps recursion shallow.
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private PyLiteralParser(String text) {
        this.text = text;
    }

    /** Parses {@code text} as one literal followed only by whitespace. */
    static Object parse(String text) throws SyntaxError {
        PyLiteralParser p = new PyLiteralParser(text);
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the literal");
        }
        return v;
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("literal nested more than " + MAX_DEPTH + " levels deep");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of header");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict(depth);
            case '(' -> tuple(depth);
            case '[' -> list(depth);
            case '\'', '"' -> string();
            default -> c == '-' || c == '+' || Character.isDigit(c) ? integer() : keyword();
        };
    }

    private Map<Object, Object> dict(int depth) throws SyntaxError {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (!closes('}')) {
            int at = pos;
            Object key = value(depth + 1);
            expect(':');
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                pos = at;
                throw error("duplicate key " + repr(key));
            }
            map.put(key, v);
            if (!separator('}')) {
                break;
            }
        }
        expect('}');
        return map;
    }

    private Object tuple(int depth) throws SyntaxError {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean comma = false;
        while (!closes(')')) {
            items.add(value(depth + 1));
            if (!separator(')')) {
                break;
            }
            comma = true;
        }
        expect(')');
        // "(3)" is the integer 3 in Python; only "(3,)" is a one-element tuple.
        return items.size() == 1 && !comma ? items.get(0) : new Tuple(List.copyOf(items));
    }

    private List<Object> list(int depth) throws SyntaxError {
        pos++;
        List<Object> items = new ArrayList<>();
        while (!closes(']')) {
            items.add(value(depth + 1));
            if (!separator(']')) {
                break;
            }
        }
        expect(']');
        return items;
    }

    private String string() throws SyntaxError {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\n') {
                break;
            }
            sb.append(c == '\\' ? escape() : c);
        }
        throw error("unterminated string");
    }

    private char escape() throws SyntaxError {
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '\\', '\'', '"' -> c;
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> throw error("unsupported escape \\" + c + " in string");
        };
    }

    private BigInteger integer() throws SyntaxError {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("expected a digit");
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw error("only plain integers are allowed, not '" + text.substring(start, pos + 1) + "'");
        }
        return new BigInteger(text.substring(start, pos));
    }

    private Object keyword() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True" -> { return Boolean.TRUE; }
            case "False" -> { return Boolean.FALSE; }
            case "None" -> { return NONE; }
            default -> {
                pos = start;
                throw error(word.isEmpty() ? "unexpected character '" + text.charAt(pos) + "'"
                        : "'" + word + "' is not a literal (only True, False and None are allowed)");
            }
        }
    }

    /** After an item: true when a comma follows (and more may come), false when the closer is next. */
    private boolean separator(char closer) throws SyntaxError {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            return true;
        }
        if (pos < text.length() && text.charAt(pos) == closer) {
            return false;
        }
        throw error("expected ',' or '" + closer + "'");
    }

    private boolean closes(char closer) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == closer;
    }

    private void expect(char c) throws SyntaxError {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at offset " + pos);
    }

    /** Python's spelling of a parsed value, for error messages. */
    static String repr(Object v) {
        return switch (v) {
            case String s -> "'" + s + "'";
            case Boolean b -> b ? "True" : "False";
            case Tuple t -> t.items().size() == 1 ? "(" + repr(t.items().get(0)) + ",)" : join("(", t.items(), ")");
            case List<?> l -> join("[", l, "]");
            case Map<?, ?> m -> {
                List<String> items = new ArrayList<>();
                m.forEach((k, x) -> items.add(repr(k) + ": " + repr(x)));
                yield "{" + String.join(", ", items) + "}";
            }
            case null -> "None";
            default -> String.valueOf(v);
        };
    }

    private static String join(String open, List<?> items, String close) {
        List<String> parts = new ArrayList<>();
        for (Object o : items) {
            parts.add(repr(o));
        }
        return open + String.join(", ", parts) + close;
    }
}
