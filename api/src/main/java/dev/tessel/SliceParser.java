package dev.tessel;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses NumPy index strings such as {@code "1:3, ::-2, ..., None"} into {@link Index} items.
 *
 * <p>Grammar (whitespace around items is ignored): items separated by commas, a single
 * trailing comma allowed as in Python ({@code "1,"}); an item is an integer, a slice
 * {@code [start]:[stop][:[step]]} with optional integers, {@code ...}, {@code None} or
 * {@code newaxis} (also {@code np.newaxis}). An empty string selects the whole array, as
 * {@code a[()]}. Anything else raises {@link SliceSyntaxException} naming the position.
 */
final class SliceParser {
    private SliceParser() {
    }

    static Index[] parse(String text) {
        List<Index> items = new ArrayList<>();
        if (text.isBlank()) {
            return new Index[0];
        }
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String raw = text.substring(start, end);
            boolean lastAfterComma = comma < 0 && !items.isEmpty();
            if (raw.isBlank() && lastAfterComma) {
                break; // trailing comma, as Python's a[1,]
            }
            items.add(item(text, raw, start + leadingSpaces(raw)));
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return items.toArray(new Index[0]);
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Index item(String text, String raw, int pos) {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new SliceSyntaxException("empty index item", text, pos);
        }
        switch (s) {
            case "..." -> {
                return Index.ellipsis();
            }
            case "None", "newaxis", "np.newaxis" -> {
                return Index.newAxis();
            }
            default -> {
            }
        }
        if (s.indexOf(':') < 0) {
            return Index.at(integer(text, s, pos, "index"));
        }
        return range(text, s, pos);
    }

    private static Index range(String text, String s, int pos) {
        String[] parts = s.split(":", -1);
        if (parts.length > 3) {
            throw new SliceSyntaxException("too many ':' in slice '" + s + "' (a slice is start:stop:step)", text, pos);
        }
        Long start = bound(text, parts[0], pos, "slice start");
        int stopPos = pos + parts[0].length() + 1;
        Long stop = bound(text, parts[1], stopPos, "slice stop");
        long step = 1;
        if (parts.length == 3) {
            int stepPos = stopPos + parts[1].length() + 1;
            Long st = bound(text, parts[2], stepPos, "slice step");
            if (st != null && st == 0) {
                throw new SliceSyntaxException("slice step cannot be zero", text, stepPos + leadingSpaces(parts[2]));
            }
            step = st == null ? 1 : st;
        }
        return Index.slice(start, stop, step);
    }

    private static Long bound(String text, String part, int pos, String what) {
        String s = part.strip();
        if (s.isEmpty() || s.equals("None")) {
            return null;
        }
        return integer(text, s, pos + leadingSpaces(part), what);
    }

    private static long integer(String text, String s, int pos, String what) {
        if (!s.matches("[+-]?[0-9]+")) {
            throw new SliceSyntaxException("invalid " + what + " '" + s + "' (expected an integer, ':', '...', 'None' or 'newaxis')",
                    text, pos);
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new SliceSyntaxException(what + " '" + s + "' does not fit in a 64-bit integer", text, pos);
        }
    }
}
