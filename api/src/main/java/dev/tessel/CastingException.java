package dev.tessel;

/** A cast that the requested {@link Casting} rule forbids. */
public class CastingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CastingException(String message) {
        super(message);
    }

    static CastingException of(String what, DType from, DType to, Casting rule) {
        return new CastingException("Cannot cast " + what + " from dtype('" + from + "') to dtype('" + to
                + "') according to the rule '" + rule.numpyName() + "'");
    }
}
