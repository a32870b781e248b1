package dev.tessel;

/** A shared lease: any number of readers may hold overlapping read leases; no writer may. */
public final class ReadLease extends Lease {
    ReadLease(NdArray array) {
        super(array, LeaseKind.READ, "read()");
    }
}
