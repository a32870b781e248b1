package dev.tessel;

import java.time.Duration;

/**
 * The ownership switches in effect: {@code tessel.ownership}, {@code tessel.ownership.timeout}
 * and {@code tessel.debug.ownership}, read from {@link Config} on first use, or set by
 * {@link Ownership#override}. Kept in one volatile record because every lease reads it.
 */
record OwnershipSettings(OwnershipMode mode, Duration timeout, boolean debug) {
    private static volatile OwnershipSettings current;

    static OwnershipSettings current() {
        OwnershipSettings s = current;
        if (s == null) {
            s = from(Config.current()); // a bad value throws ConfigException naming the key, on every use until fixed
            current = s;
        }
        return s;
    }

    static void set(OwnershipSettings s) {
        current = s;
    }

    static OwnershipSettings from(Config c) {
        return new OwnershipSettings(c.ownershipMode(), c.ownershipTimeout(), c.debugOwnership());
    }
}
