package dev.tessel;

/**
 * A NumPy slice string that cannot be parsed, or that asks for step 0. The message quotes
 * the text and names the character position (0-based) where the problem starts.
 */
public class SliceSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final int position;

    public SliceSyntaxException(String problem, String text, int position) {
        super(problem + " at position " + position + " in \"" + text + "\"");
        this.text = text;
        this.position = position;
    }

    /** The whole slice string. */
    public String text() {
        return text;
    }

    /** 0-based character position of the offending item. */
    public int position() {
        return position;
    }
}
