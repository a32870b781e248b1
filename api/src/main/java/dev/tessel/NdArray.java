package dev.tessel;

import java.lang.foreign.MemorySegment;

/**
 * An N-dimensional array: a view of {@link Storage} described by a dtype, a shape, strides
 * and an offset (both in elements).
 *
 * <p>Views made by slicing, transposing, reshaping (when the layout allows) and broadcasting
 * share storage with the array they come from; {@link #copy()} never does. Arrays never
 * change size in place. A view can be read-only (broadcast views, memory-mapped files); writes
 * through it fail with {@link ReadOnlyArrayException}.
 */
public final class NdArray {
    final Storage storage;
    final DType dtype;
    final long[] shape;
    final long[] strides;
    final long offset;
    final boolean writable;

    NdArray(Storage storage, DType dtype, long[] shape, long[] strides, long offset, boolean writable) {
        this.storage = storage;
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.writable = writable && !storage.isReadOnly();
    }

    /** A fresh zero-filled C-ordered array. */
    static NdArray allocate(DType dtype, long... shape) {
        return allocate(dtype, shape, true);
    }

    /**
     * A fresh C-ordered array for an op that writes every element of it before anyone reads it
     * (a ufunc's result on the dense path, a matmul's, a copy): its contents start undefined
     * where memory is reused (see {@link HugePageMemory}), which saves a fill of the whole
     * result, as NumPy's results start from {@code np.empty}.
     */
    static NdArray allocateForOverwrite(DType dtype, long... shape) {
        return allocate(dtype, shape, false);
    }

    private static NdArray allocate(DType dtype, long[] shape, boolean zeroed) {
        Shape.validate(shape);
        long n = Shape.size(shape);
        long bytes;
        try {
            bytes = Math.multiplyExact(n, (long) dtype.itemSize());
        } catch (ArithmeticException e) {
            throw new ShapeException("array is too big; shape " + Shape.format(shape) + " of " + dtype + " overflows a byte count");
        }
        return new NdArray(Storage.allocate(bytes, zeroed), dtype, shape.clone(), Shape.cStrides(shape), 0, true);
    }

    /** A fresh zero-filled array laid out in C ({@code 'C'}) or Fortran ({@code 'F'}) order. */
    static NdArray allocate(DType dtype, long[] shape, char order) {
        NdArray a = allocate(dtype, shape);
        return order == 'F' ? new NdArray(a.storage, dtype, a.shape, Shape.fStrides(a.shape), 0, true) : a;
    }

    // ---- description ----

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Length of one axis (negative axes count from the end). */
    public long shape(int axis) {
        return shape[Shape.axis(axis, shape.length)];
    }

    /** Strides in elements (NumPy's byte strides divided by the item size). */
    public long[] strides() {
        return strides.clone();
    }

    /** Offset of element {@code [0, ..., 0]} in the storage, in elements. */
    public long offset() {
        return offset;
    }

    public int ndim() {
        return shape.length;
    }

    public long size() {
        return Shape.size(shape);
    }

    public Storage storage() {
        return storage;
    }

    /** The storage's segment; element {@code idx} lives at {@code offset + sum(idx[i] * strides[i])}. */
    public MemorySegment segment() {
        return storage.segment();
    }

    public boolean isWritable() {
        return writable;
    }

    /** True when this view and {@code other} use the same storage. */
    public boolean sharesStorage(NdArray other) {
        return storage == other.storage;
    }

    /** Without allocating: the per-op fast path ({@link DenseCall}) asks it of every operand. */
    public boolean isCContiguous() {
        for (long n : shape) {
            if (n == 0) {
                return true;
            }
        }
        long expect = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1) {
                if (strides[i] != expect) {
                    return false;
                }
                expect *= shape[i];
            }
        }
        return true;
    }

    public boolean isFContiguous() {
        return isContiguous(Shape.fStrides(shape));
    }

    private boolean isContiguous(long[] want) {
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                return true;
            }
            if (shape[i] != 1 && strides[i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- elements ----

    /** Storage index of the element at {@code index} (negative indices count from the end). */
    long elementIndex(long... index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("expected " + shape.length + " indices for an array of shape "
                    + Shape.format(shape) + ", got " + index.length);
        }
        long e = offset;
        for (int a = 0; a < index.length; a++) {
            e += normalizeIndex(index[a], a) * strides[a];
        }
        return e;
    }

    long normalizeIndex(long i, int axis) {
        long n = shape[axis];
        if (i < -n || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " is out of bounds for axis " + axis + " with size " + n);
        }
        return i < 0 ? i + n : i;
    }

    /**
     * The element at {@code index} as a double. Like every single-element get and set, this
     * takes and drops a one-element lease (tens of nanoseconds; it recalls a lent storage and
     * refuses to read what another thread is writing); loops should read through {@link #read()}.
     */
    public double getDouble(long... index) {
        return ElementAccess.getDouble(this, elementIndex(index));
    }

    /** The element at {@code index} as a long (floats truncate toward zero). */
    public long getLong(long... index) {
        return ElementAccess.getLong(this, elementIndex(index));
    }

    /** The element at {@code index} as a boolean (non-zero is true). */
    public boolean getBoolean(long... index) {
        return dtype.isFloating() ? getDouble(index) != 0 : getLong(index) != 0;
    }

    /** Sets the element at {@code index}, converting as an unsafe cast does. */
    public void set(double value, long... index) {
        checkWritable();
        ElementAccess.setDouble(this, elementIndex(index), value);
    }

    /** Sets the element at {@code index}; integer dtypes keep the exact value (modulo wraparound). */
    public void set(long value, long... index) {
        checkWritable();
        ElementAccess.setLong(this, elementIndex(index), value);
    }

    /** Sets the element at {@code index} to 1 or 0. */
    public void set(boolean value, long... index) {
        set(value ? 1L : 0L, index);
    }

    /** The single value of a size-1 array, as NumPy's {@code item()}. */
    public double item() {
        if (size() != 1) {
            throw new ShapeException("can only convert an array of size 1 to a scalar, got shape " + Shape.format(shape));
        }
        return ElementAccess.getDouble(this, offset);
    }

    void checkWritable() {
        if (!writable) {
            throw new ReadOnlyArrayException("assignment destination is read-only (array of shape " + Shape.format(shape)
                    + ", dtype " + dtype + ")");
        }
    }

    // ---- views ----

    /** A new view over the same storage; the view is never more writable than this one. */
    NdArray view(long[] newShape, long[] newStrides, long newOffset) {
        return new NdArray(storage, dtype, newShape, newStrides, newOffset, writable);
    }

    NdArray view(long[] newShape, long[] newStrides, long newOffset, boolean newWritable) {
        return new NdArray(storage, dtype, newShape, newStrides, newOffset, writable && newWritable);
    }

    /** Gives a new shape with the same size: a view when the strides allow, else a copy. One entry may be -1. */
    public NdArray reshape(long... newShape) {
        return Views.reshape(this, newShape);
    }

    /** Reverses the axes (a view). */
    public NdArray transpose() {
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = axes.length - 1 - i;
        }
        return permute(axes);
    }

    /** Permutes the axes (a view), as {@code np.transpose(a, axes)}. */
    public NdArray transpose(int... axes) {
        return permute(axes);
    }

    /** Shorthand for {@link #transpose()}. */
    public NdArray T() {
        return transpose();
    }

    /** Permutes the axes (a view): axis {@code i} of the result is axis {@code axes[i]} of this array. */
    public NdArray permute(int... axes) {
        return Views.permute(this, axes);
    }

    public NdArray swapaxes(int a, int b) {
        return Views.swapaxes(this, a, b);
    }

    public NdArray moveaxis(int source, int destination) {
        return Views.moveaxis(this, source, destination);
    }

    /** Removes every length-1 axis (a view). */
    public NdArray squeeze() {
        return Views.squeeze(this, null);
    }

    /** Removes the given length-1 axes (a view). */
    public NdArray squeeze(int... axes) {
        return Views.squeeze(this, axes);
    }

    /** Inserts a length-1 axis at {@code axis} (a view). */
    public NdArray expandDims(int axis) {
        return Views.expandDims(this, axis);
    }

    /** A read-only view broadcast to {@code newShape}. */
    public NdArray broadcastTo(long... newShape) {
        return Views.broadcastTo(this, newShape);
    }

    /** A 1-D view when possible, else a 1-D copy (C order). */
    public NdArray ravel() {
        return reshape(size());
    }

    /** A 1-D copy (C order). */
    public NdArray flatten() {
        return copy().reshape(size());
    }

    /** A C-ordered copy with its own storage. */
    public NdArray copy() {
        NdArray out = allocate(dtype, shape);
        copyLeased("copy", out);
        return out;
    }

    /** A copy in {@code order} ({@code 'C'} or {@code 'F'}). */
    public NdArray copy(char order) {
        NdArray out = allocate(dtype, shape, checkOrder(order));
        copyLeased("copy", out);
        return out;
    }

    static char checkOrder(char order) {
        if (order != 'C' && order != 'F') {
            throw new IllegalArgumentException("order must be 'C' or 'F' (got '" + order + "')");
        }
        return order;
    }

    /** A copy converted to {@code type} (unsafe casting, as NumPy's default for astype). */
    public NdArray astype(DType type) {
        return astype(type, Casting.UNSAFE);
    }

    /** A copy converted to {@code type}, if {@code casting} allows it. */
    public NdArray astype(DType type, Casting casting) {
        if (!DType.canCast(dtype, type, casting)) {
            throw CastingException.of("array data", dtype, type, casting);
        }
        NdArray out = allocate(type, shape);
        copyLeased("astype", out);
        return out;
    }

    /** Writes {@code src} (broadcast to this shape, cast unsafely) into this array. */
    public NdArray assign(NdArray src) {
        checkWritable();
        try (OpLeases _ = Ownership.enterOp("assign", new NdArray[] {src}, new NdArray[] {this})) {
            Assign.copy(src.broadcastTo(shape), this);
        }
        return this;
    }

    /** Fills every element with {@code value}. */
    public NdArray fill(double value) {
        checkWritable();
        try (OpLeases _ = Ownership.enterOp("fill", null, new NdArray[] {this})) {
            Assign.fill(this, value);
        }
        return this;
    }

    // ---- out to Java ----

    public double[] toDoubleArray() {
        double[] out = new double[Math.toIntExact(size())];
        copyLeased("to array", heapView(MemorySegment.ofArray(out), DType.FLOAT64));
        return out;
    }

    public float[] toFloatArray() {
        float[] out = new float[Math.toIntExact(size())];
        copyLeased("to array", heapView(MemorySegment.ofArray(out), DType.FLOAT32));
        return out;
    }

    public long[] toLongArray() {
        long[] out = new long[Math.toIntExact(size())];
        copyLeased("to array", heapView(MemorySegment.ofArray(out), DType.INT64));
        return out;
    }

    public int[] toIntArray() {
        int[] out = new int[Math.toIntExact(size())];
        copyLeased("to array", heapView(MemorySegment.ofArray(out), DType.INT32));
        return out;
    }

    public short[] toShortArray() {
        short[] out = new short[Math.toIntExact(size())];
        copyLeased("to array", heapView(MemorySegment.ofArray(out), DType.INT16));
        return out;
    }

    public byte[] toByteArray() {
        byte[] out = new byte[Math.toIntExact(size())];
        copyLeased("to array", heapView(MemorySegment.ofArray(out), DType.INT8));
        return out;
    }

    public boolean[] toBooleanArray() {
        byte[] bytes = astype(DType.BOOL).toByteArray();
        boolean[] out = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }

    // ---- ufuncs (shortcuts; the logic lives in Ufunc, Reduction, NamedReductions, MatrixProduct) ----

    public NdArray add(NdArray b) { return Ufuncs.ADD.call(this, b); }
    public NdArray add(double b) { return Ufuncs.ADD.call(this, b); }
    public NdArray add(long b) { return Ufuncs.ADD.call(this, b); }
    public NdArray sub(NdArray b) { return Ufuncs.SUBTRACT.call(this, b); }
    public NdArray sub(double b) { return Ufuncs.SUBTRACT.call(this, b); }
    public NdArray sub(long b) { return Ufuncs.SUBTRACT.call(this, b); }
    public NdArray mul(NdArray b) { return Ufuncs.MULTIPLY.call(this, b); }
    public NdArray mul(double b) { return Ufuncs.MULTIPLY.call(this, b); }
    public NdArray mul(long b) { return Ufuncs.MULTIPLY.call(this, b); }
    /** True division: integers divide to float64. */
    public NdArray div(NdArray b) { return Ufuncs.TRUE_DIVIDE.call(this, b); }
    public NdArray div(double b) { return Ufuncs.TRUE_DIVIDE.call(this, b); }
    public NdArray div(long b) { return Ufuncs.TRUE_DIVIDE.call(this, b); }
    public NdArray floorDiv(NdArray b) { return Ufuncs.FLOOR_DIVIDE.call(this, b); }
    public NdArray mod(NdArray b) { return Ufuncs.REMAINDER.call(this, b); }
    public NdArray pow(NdArray b) { return Ufuncs.POWER.call(this, b); }
    public NdArray pow(double b) { return Ufuncs.POWER.call(this, b); }
    public NdArray neg() { return Ufuncs.NEGATIVE.call(this); }
    public NdArray abs() { return Ufuncs.ABSOLUTE.call(this); }
    public NdArray lt(NdArray b) { return Ufuncs.LESS.call(this, b); }
    public NdArray lt(double b) { return Ufuncs.LESS.call(this, b); }
    public NdArray le(NdArray b) { return Ufuncs.LESS_EQUAL.call(this, b); }
    public NdArray le(double b) { return Ufuncs.LESS_EQUAL.call(this, b); }
    public NdArray gt(NdArray b) { return Ufuncs.GREATER.call(this, b); }
    public NdArray gt(double b) { return Ufuncs.GREATER.call(this, b); }
    public NdArray ge(NdArray b) { return Ufuncs.GREATER_EQUAL.call(this, b); }
    public NdArray ge(double b) { return Ufuncs.GREATER_EQUAL.call(this, b); }
    public NdArray eq(NdArray b) { return Ufuncs.EQUAL.call(this, b); }
    public NdArray eq(double b) { return Ufuncs.EQUAL.call(this, b); }
    public NdArray ne(NdArray b) { return Ufuncs.NOT_EQUAL.call(this, b); }
    public NdArray ne(double b) { return Ufuncs.NOT_EQUAL.call(this, b); }
    public NdArray matmul(NdArray b) { return MatrixProduct.matmul(this, b); }
    public NdArray dot(NdArray b) { return MatrixProduct.dot(this, b); }
    /** Sum over the given axes, or over all when none are given. */
    public NdArray sum(int... axes) { return NamedReductions.sum(this, Nd.axesOrAll(axes), null, false); }
    public NdArray prod(int... axes) { return NamedReductions.prod(this, Nd.axesOrAll(axes), null, false); }
    public NdArray max(int... axes) { return NamedReductions.max(this, Nd.axesOrAll(axes), false); }
    public NdArray min(int... axes) { return NamedReductions.min(this, Nd.axesOrAll(axes), false); }
    public NdArray mean(int... axes) { return NamedReductions.mean(this, Nd.axesOrAll(axes), null, false); }
    public NdArray var(int... axes) { return NamedReductions.var(this, Nd.axesOrAll(axes), 0, false); }
    public NdArray std(int... axes) { return NamedReductions.std(this, Nd.axesOrAll(axes), 0, false); }
    public NdArray any(int... axes) { return NamedReductions.any(this, Nd.axesOrAll(axes), false); }
    public NdArray all(int... axes) { return NamedReductions.all(this, Nd.axesOrAll(axes), false); }
    /** Position of the maximum in the flattened array. */
    public NdArray argmax() { return ArgReduction.argmax(this, null); }
    public NdArray argmax(int axis) { return ArgReduction.argmax(this, axis); }
    public NdArray argmin() { return ArgReduction.argmin(this, null); }
    public NdArray argmin(int axis) { return ArgReduction.argmin(this, axis); }
    /** Cumulative sum of the flattened array. */
    public NdArray cumsum() { return NamedReductions.cumsum(this, null); }
    public NdArray cumsum(int axis) { return NamedReductions.cumsum(this, axis); }
    public NdArray cumprod() { return NamedReductions.cumprod(this, null); }
    public NdArray cumprod(int axis) { return NamedReductions.cumprod(this, axis); }

    /** A C-ordered view of this array's shape over a Java array's segment (0-d included). */
    private NdArray heapView(MemorySegment seg, DType type) {
        return new NdArray(Storage.of(seg, false), type, shape.clone(), Shape.cStrides(shape), 0, true);
    }

    // ---- indexing, advanced indexing and repr (area: arrays; logic in Indexing, SliceParser,
    // ---- AdvancedIndexing and ArrayFormat) ----

    /** A view selected by a NumPy index string, e.g. {@code "1:3, ::-2, ..., None"}; see {@link SliceParser}. */
    public NdArray slice(String index) {
        return Indexing.view(this, SliceParser.parse(index));
    }

    /** A view selected by typed index items, e.g. {@code slice(Index.at(1), Index.range(0, 3, 2))}. */
    public NdArray slice(Index... index) {
        return Indexing.view(this, index);
    }

    /** Fills the view selected by {@code index} with {@code value}, as {@code a[index] = value}. */
    public NdArray set(String index, double value) {
        checkWritable();
        slice(index).fill(value);
        return this;
    }

    /** Writes {@code values} (broadcast) into the view selected by {@code index}. */
    public NdArray set(String index, NdArray values) {
        checkWritable();
        slice(index).assign(values);
        return this;
    }

    /**
     * Advanced indexing, always a copy: a BOOL array is a mask over the leading axes
     * ({@code a[mask]}); an integer array picks along axis 0 ({@code a[idx]}). See
     * {@link AdvancedIndexing} for the supported subset.
     */
    public NdArray get(NdArray index) {
        return index.dtype == DType.BOOL ? AdvancedIndexing.maskGet(this, index) : AdvancedIndexing.take(this, index, 0);
    }

    /** {@code a[index] = value} for a mask or an integer array along axis 0. */
    public NdArray set(NdArray index, double value) {
        return set(index, Nd.scalar(value, dtype));
    }

    /** {@code a[index] = values} (broadcast) for a mask or an integer array along axis 0. */
    public NdArray set(NdArray index, NdArray values) {
        if (index.dtype == DType.BOOL) {
            AdvancedIndexing.maskSet(this, index, values);
        } else {
            AdvancedIndexing.indexSet(this, index, values);
        }
        return this;
    }

    /** {@code np.take(a, indices)}: picks from the flattened array (a copy). */
    public NdArray take(NdArray indices) {
        return AdvancedIndexing.takeFlat(this, indices);
    }

    /** {@code np.take(a, indices, axis)} (a copy); negative indices count from the end. */
    public NdArray take(NdArray indices, int axis) {
        return AdvancedIndexing.take(this, indices, axis);
    }

    /** NumPy's repr, e.g. {@code array([[1., 2.],\n       [3., 4.]], dtype=float32)}; see {@link ArrayFormat}. */
    @Override
    public String toString() {
        try (OpLeases _ = OpLeases.enter("repr", new NdArray[] {this}, new NdArray[0], null)) {
            return ArrayFormat.repr(this);
        } catch (OwnershipException | ClosedArrayException e) { // a debugger's toString must not throw
            return "array(<unavailable: " + e.getMessage() + ">, shape=" + Shape.format(shape) + ", dtype=" + dtype + ")";
        }
    }

    // ---- ownership (leases, device loans; see Ownership) ----

    /** Takes a shared read lease on this view until the lease is closed. */
    public ReadLease read() {
        return new ReadLease(this);
    }

    /** Takes an exclusive write lease on this view until the lease is closed. */
    public WriteLease write() {
        checkWritable();
        return new WriteLease(this);
    }

    /** Lends this array's storage to {@code device}, which owns it exclusively until it comes back. */
    public DeviceLoan to(dev.tessel.spi.Device device) {
        return DeviceLoan.lend(this, device);
    }

    /** Brings the storage home if it is lent (waits for device work, copies back); returns this array. */
    public NdArray toHost() {
        DeviceLoan l = storage.loan;
        if (l != null) {
            l.toHost();
        }
        return this;
    }

    /** Where the storage lives now. */
    public Residence residence() {
        DeviceLoan l = storage.loan;
        return l == null ? Residence.HOST : new Residence(l.device());
    }

    /** Copies this view into a fresh array {@code out} under a read lease on this view. */
    private void copyLeased(String op, NdArray out) {
        try (OpLeases _ = OpLeases.enter(op, new NdArray[] {this}, new NdArray[0], null)) {
            Assign.copy(this, out);
        }
    }
}
