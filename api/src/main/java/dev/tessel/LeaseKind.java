package dev.tessel;

/** What a ledger entry lets its holder do with its byte range. */
enum LeaseKind {
    /** Shared with other readers. */
    READ("read"),
    /** Exclusive on the host. */
    WRITE("write"),
    /** Exclusive for a device: the host may neither read nor write until the loan returns. */
    LOAN("device loan");

    final String label;

    LeaseKind(String label) {
        this.label = label;
    }

    /** Two entries on overlapping ranges conflict unless both only read. */
    boolean conflictsWith(LeaseKind other) {
        return this != READ || other != READ;
    }
}
