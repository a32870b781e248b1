package dev.tessel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * NumPy's {@code repr} of an array with default print options: line width 75, threshold 1000
 * elements (above it, each axis longer than 6 shows its first and last 3 entries around
 * {@code ...}), precision 8. The dtype is named unless it is float64, int64 or bool (NumPy's
 * implied dtypes); the shape is named for empty arrays that are not {@code (0,)} and for
 * summarized arrays, as NumPy 2.2 and later do.
 */
final class ArrayFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String PREFIX = "array(";
    private static final String SEPARATOR = ", ";

    private final NdArray a;
    private final boolean summarize;
    private final LongFunction<String> element;

    private ArrayFormat(NdArray a) {
        this.a = a;
        this.summarize = a.size() > THRESHOLD;
        this.element = elementFormat();
    }

    static String repr(NdArray a) {
        return new ArrayFormat(a).repr();
    }

    private String repr() {
        String body = a.size() == 0 ? "[]"
                : recurse(a.offset, 0, " ".repeat(PREFIX.length() + 1), LINE_WIDTH - 1);
        List<String> extras = new ArrayList<>();
        boolean plainEmpty = a.ndim() == 1 && a.shape[0] == 0;
        if (a.size() == 0 && !plainEmpty || summarize) {
            extras.add("shape=" + Shape.format(a.shape));
        }
        boolean implied = a.dtype == DType.FLOAT64 || a.dtype == DType.INT64 || a.dtype == DType.BOOL;
        if (!implied || a.size() == 0) {
            extras.add("dtype=" + a.dtype.numpyName());
        }
        if (extras.isEmpty()) {
            return PREFIX + body + ")";
        }
        String head = PREFIX + body + ",";
        String tail = String.join(", ", extras) + ")";
        int lastLine = head.length() - (head.lastIndexOf('\n') + 1);
        String spacer = lastLine + tail.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(PREFIX.length()) : " ";
        return head + spacer + tail;
    }

    // ---- elements ----

    /** Builds the per-element formatter from the elements that will be shown. */
    private LongFunction<String> elementFormat() {
        long[] shown = shownElements();
        DType t = a.dtype;
        if (t.isBool()) {
            String trueText = a.ndim() == 0 ? "True" : " True";
            return e -> t.getLong(a.segment(), e) != 0 ? trueText : "False";
        }
        if (t.isInteger()) {
            int width = 0;
            for (long e : shown) {
                width = Math.max(width, Long.toString(t.getLong(a.segment(), e)).length());
            }
            int w = width;
            return e -> {
                String s = Long.toString(t.getLong(a.segment(), e));
                return " ".repeat(w - s.length()) + s;
            };
        }
        double[] values = new double[shown.length];
        for (int i = 0; i < shown.length; i++) {
            values[i] = t.getDouble(a.segment(), shown[i]);
        }
        FloatFormat f = new FloatFormat(t, values);
        return e -> f.format(t.getDouble(a.segment(), e));
    }

    /** Storage indices of the elements that appear in the text (edges only when summarizing). */
    private long[] shownElements() {
        List<Long> out = new ArrayList<>();
        collect(a.offset, 0, out);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private void collect(long off, int axis, List<Long> out) {
        if (axis == a.ndim()) {
            out.add(off);
            return;
        }
        long n = a.shape[axis];
        boolean cut = summarize && 2L * EDGE_ITEMS < n;
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                i = n - EDGE_ITEMS;
            }
            collect(off + i * a.strides[axis], axis + 1, out);
        }
    }

    // ---- layout: a port of NumPy's _formatArray ----

    private String recurse(long off, int axis, String hanging, int width) {
        if (axis == a.ndim()) {
            return element.apply(off);
        }
        String body = axis == a.ndim() - 1 ? row(off, axis, hanging, width) : block(off, axis, hanging, width);
        return "[" + body.substring(hanging.length()) + "]";
    }

    /** The last axis: elements separated by ", ", wrapped before they would pass {@code width}. */
    private String row(long off, int axis, String hanging, int width) {
        long n = a.shape[axis];
        boolean cut = summarize && 2L * EDGE_ITEMS < n;
        int elemWidth = width - Math.max(SEPARATOR.strip().length(), 1);
        StringBuilder s = new StringBuilder();
        StringBuilder line = new StringBuilder(hanging);
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                extend(s, line, "...", elemWidth, hanging);
                line.append(SEPARATOR);
                i = n - EDGE_ITEMS;
            }
            String word = recurse(off + i * a.strides[axis], axis + 1, hanging + " ", width - 1);
            extend(s, line, word, elemWidth, hanging);
            if (i < n - 1) {
                line.append(SEPARATOR);
            }
        }
        return s.append(line).toString();
    }

    /** An outer axis: one sub-array per line, with a blank line per extra level of nesting. */
    private String block(long off, int axis, String hanging, int width) {
        long n = a.shape[axis];
        boolean cut = summarize && 2L * EDGE_ITEMS < n;
        String lineSep = SEPARATOR.strip() + "\n".repeat(a.ndim() - axis - 1);
        StringBuilder s = new StringBuilder();
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                s.append(hanging).append("...").append(lineSep);
                i = n - EDGE_ITEMS;
            }
            s.append(hanging).append(recurse(off + i * a.strides[axis], axis + 1, hanging + " ", width - 1));
            if (i < n - 1) {
                s.append(lineSep);
            }
        }
        return s.toString();
    }

    /** Appends {@code word} to {@code line}, first moving {@code line} into {@code s} if it would overflow. */
    private static void extend(StringBuilder s, StringBuilder line, String word, int width, String hanging) {
        boolean wrap = line.length() + word.length() > width && line.length() > hanging.length();
        if (wrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(hanging);
        }
        line.append(word);
    }
}
