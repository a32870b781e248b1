package dev.tessel;

/** What an op does when its leases conflict with another holder's ({@code tessel.ownership}). */
public enum OwnershipMode {
    /** Throw {@link OwnershipException} at once (the default). */
    FAIL,
    /** Wait up to {@code tessel.ownership.timeout}, then throw {@link OwnershipException}. */
    WAIT
}
