package dev.tessel;

/**
 * A configuration value that Tessel cannot accept: an unknown {@code tessel.*} system
 * property or a value outside a key's accepted values. Thrown on first use (start-up); the
 * message names the key, the value, where it came from and what is accepted, one line per
 * problem.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
