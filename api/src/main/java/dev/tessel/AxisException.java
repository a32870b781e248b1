package dev.tessel;

/** An axis out of range or repeated, as NumPy's {@code AxisError}. */
public class AxisException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AxisException(String message) {
        super(message);
    }
}
