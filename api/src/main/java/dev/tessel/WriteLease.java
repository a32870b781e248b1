package dev.tessel;

/** An exclusive lease: no other reader or writer may hold an overlapping range until it closes. */
public final class WriteLease extends Lease {
    WriteLease(NdArray array) {
        super(array, LeaseKind.WRITE, "write()");
    }

    /** Sets the element at {@code index}, converting as an unsafe cast does. */
    public void set(double value, long... index) {
        array.dtype.setDouble(segment(), array.elementIndex(index), value);
    }

    /** Sets the element at {@code index}; integer dtypes keep the exact value (modulo wraparound). */
    public void set(long value, long... index) {
        array.dtype.setLong(segment(), array.elementIndex(index), value);
    }

    /** Fills every element of the leased view with {@code value}. */
    public void fill(double value) {
        segment();
        Assign.fill(array, value);
    }

    /** Writes {@code src} (broadcast, cast unsafely) into the leased view, under a read lease on {@code src}. */
    public void assign(NdArray src) {
        segment();
        try (OpLeases _ = OpLeases.enter("assign", new NdArray[] {src}, new NdArray[0], owner())) {
            Assign.copy(src.broadcastTo(array.shape), array);
        }
    }
}
