package dev.tessel;

/** {@code tessel.ownership}: what an op does when its leases conflict with another holder's. */
public enum OwnershipMode {
    /** Throw {@link OwnershipException} at once (the default). */
    FAIL,
    /** Wait up to {@code tessel.ownership.timeout}, then throw {@link OwnershipException}. */
    WAIT
}
