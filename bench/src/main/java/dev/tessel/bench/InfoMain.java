package dev.tessel.bench;

import dev.tessel.ConfigException;
import dev.tessel.Tessel;

/**
 * {@code ./tessel info}: prints {@link Tessel#info()}. A bad configuration prints its one-line
 * error (one line per problem) and exits with status 2, without a stack trace.
 */
public final class InfoMain {
    private InfoMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(Tessel.info());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
