package dev.tessel;

/**
 * One item of a basic (view-making) index, the typed twin of a NumPy slice string.
 *
 * <pre>{@code
 * a.slice(Index.at(1), Index.range(0, 3, 2))   // a[1, 0:3:2]
 * a.slice(Index.ellipsis(), Index.newAxis())   // a[..., None]
 * a.slice(Index.slice(null, null, -1))         // a[::-1]
 * }</pre>
 *
 * <p>An {@link At} drops its axis; a {@link Range} keeps it; {@link NewAxis} inserts a
 * length-1 axis; {@link Ellipsis} stands for as many full ranges as needed (at most one per
 * index). Missing trailing items mean full ranges, as in NumPy.
 */
public sealed interface Index {
    /** A single position; negative values count from the end. */
    record At(long index) implements Index {
    }

    /**
     * A Python slice {@code start:stop:step}; a null bound is the open end (which end depends on
     * the sign of {@code step}). Bounds are clipped to the axis as Python does.
     */
    record Range(Long start, Long stop, long step) implements Index {
        public Range {
            if (step == 0) {
                throw new IllegalArgumentException("slice step cannot be zero");
            }
        }
    }

    /** {@code ...}: full ranges over every axis not otherwise indexed. */
    record Ellipsis() implements Index {
    }

    /** {@code None} / {@code np.newaxis}: a new length-1 axis. */
    record NewAxis() implements Index {
    }

    static Index at(long index) {
        return new At(index);
    }

    /** {@code start:stop} with step 1. */
    static Index range(long start, long stop) {
        return new Range(start, stop, 1);
    }

    /** {@code start:stop:step}. */
    static Index range(long start, long stop, long step) {
        return new Range(start, stop, step);
    }

    /** {@code start:stop:step} where a null bound is left open, e.g. {@code slice(null, null, -1)} is {@code ::-1}. */
    static Index slice(Long start, Long stop, long step) {
        return new Range(start, stop, step);
    }

    /** {@code start:} */
    static Index from(long start) {
        return new Range(start, null, 1);
    }

    /** {@code :stop} */
    static Index to(long stop) {
        return new Range(null, stop, 1);
    }

    /** {@code :} */
    static Index all() {
        return new Range(null, null, 1);
    }

    static Index ellipsis() {
        return new Ellipsis();
    }

    static Index newAxis() {
        return new NewAxis();
    }
}
