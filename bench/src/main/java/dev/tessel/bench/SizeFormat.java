package dev.tessel.bench;

import java.util.ArrayList;
import java.util.List;

/** Sizes as users type and read them: {@code 1e6}, {@code 100000}, {@code 2.5e5}. */
final class SizeFormat {
    private SizeFormat() {}

    /** Powers of ten as {@code 1e6}, other values in full. */
    static String format(long size) {
        if (size >= 1000) {
            int exp = (int) Math.round(Math.log10(size));
            if (Math.pow(10, exp) == size) {
                return "1e" + exp;
            }
        }
        return Long.toString(size);
    }

    /** One size: an integer or a whole number in e-notation. */
    static long parse(String text) {
        String t = text.trim().replace("_", "");
        try {
            if (t.contains("e") || t.contains("E")) {
                double d = Double.parseDouble(t);
                if (d != Math.rint(d) || d < 1 || d > Long.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                return (long) d;
            }
            long n = Long.parseLong(t);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must be a positive whole number such as 1000 or 1e6, got '" + text + "'");
        }
    }

    /** A comma-separated list of sizes. */
    static List<Long> parseList(String text) {
        List<Long> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                sizes.add(parse(part));
            }
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no sizes given in '" + text + "'");
        }
        return sizes;
    }
}
