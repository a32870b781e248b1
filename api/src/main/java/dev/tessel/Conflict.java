package dev.tessel;

/** A refused request: what was asked for, on which storage, and the live entry in the way. */
record Conflict(long storageId, String op, LeaseKind kind, long lo, long hi, LeaseSlot.Holder holder) {
    String requested() {
        return kind.label + " lease of op '" + op + "' on thread '" + Thread.currentThread().getName() + "', bytes [" + lo
                + ", " + hi + ")";
    }

    OwnershipException failFast() {
        return new OwnershipException("ownership conflict on storage #" + storageId + ": " + requested()
                + " overlaps the " + holder + " (tessel.ownership=fail; set tessel.ownership=wait to wait instead)"
                + siteOf());
    }

    OwnershipException timedOut(long waitedMillis) {
        return new OwnershipException("ownership conflict on storage #" + storageId + ": " + requested()
                + " waited " + waitedMillis + " ms (tessel.ownership.timeout) for the " + holder + ", still held" + siteOf());
    }

    OwnershipException selfWait() {
        return new OwnershipException("ownership conflict on storage #" + storageId + ": thread '"
                + Thread.currentThread().getName() + "' would wait on itself: " + requested() + " overlaps the " + holder
                + ", which this same thread holds; close that lease first, or read and write through it" + siteOf());
    }

    private String siteOf() {
        if (holder.site() == null) {
            return "";
        }
        StackTraceElement[] st = holder.site().getStackTrace();
        StringBuilder sb = new StringBuilder("; the holder's lease was taken at");
        for (int i = 0, shown = 0; i < st.length && shown < 4; i++) {
            if (!st[i].getClassName().startsWith("dev.tessel.") || st[i].getClassName().endsWith("Test")) {
                sb.append(shown++ == 0 ? " " : " <- ").append(st[i]);
            }
        }
        return sb.toString();
    }
}
