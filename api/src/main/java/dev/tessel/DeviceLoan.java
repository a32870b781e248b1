package dev.tessel;

import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceMemory;
import dev.tessel.spi.DeviceTask;

/**
 * A storage lent to a {@link Device}: the device is its exclusive owner until the loan comes
 * back, explicitly ({@link #toHost()}) or because the host touched the array (a recall: the
 * host waits for the device's pending work, copies back and takes ownership again).
 *
 * <p>The loan is a value that is spent once the storage is home: {@link #submit} on a spent
 * loan throws {@link OwnershipException} naming who took the storage back. A loan covers the
 * whole storage, whichever view was lent, because a device copies whole allocations.
 */
public final class DeviceLoan {
    private enum State { ACTIVE, RETURNED, RECALLED }

    private final NdArray array;
    private final Device device;
    private DeviceMemory memory;
    /** Frees the device memory once: at the loan's end, or when the storage becomes unreachable while lent. */
    private DeviceRelease release;
    private LeaseSlot slot;
    private State state = State.ACTIVE;
    private String endedBy;

    private DeviceLoan(NdArray array, Device device) {
        this.array = array;
        this.device = device;
    }

    /** Lends {@code a}'s storage to {@code device}; waits or fails like any writer if the host holds leases. */
    static DeviceLoan lend(NdArray a, Device device) {
        return lend(a, device, false);
    }

    /**
     * Lends a freshly allocated array whose contents the device will write before reading
     * them (a resident op's result): the device allocates without copying in
     * ({@link Device#allocate}).
     */
    static DeviceLoan adopt(NdArray a, Device device) {
        return lend(a, device, true);
    }

    private static DeviceLoan lend(NdArray a, Device device, boolean born) {
        DeviceLoan loan = new DeviceLoan(a, device);
        Storage st = a.storage;
        String op = "to(" + device.name() + ")";
        synchronized (loan) { // a recall that finds the ledger entry waits here until the copy-in is queued
            loan.slot = LeaseAcquirer.acquireOne(st, LeaseKind.LOAN, 0, st.byteSize(), loan, op);
            try {
                loan.memory = born ? device.allocate(st.segment()) : device.copyIn(st.segment());
                loan.release = DeviceRelease.watch(st, device, loan.memory);
            } catch (RuntimeException e) {
                st.ledger.release(loan.slot);
                throw e;
            }
            st.loan = loan;
        }
        return loan;
    }

    public Device device() {
        return device;
    }

    /** The view that was lent. */
    public NdArray array() {
        return array;
    }

    public synchronized boolean isActive() {
        return state == State.ACTIVE;
    }

    /** Queues {@code task} on the device's memory for this storage. */
    public synchronized DeviceLoan submit(DeviceTask task) {
        if (state != State.ACTIVE) {
            throw new OwnershipException("device loan of storage #" + array.storage.ledger.id + " to " + device.name()
                    + " is spent: " + endedBy + "; lend the array again with to(device)");
        }
        device.submit(memory, task);
        return this;
    }

    /**
     * Runs {@code action} while this loan cannot end (a recall waits for it); returns false
     * without running it when the loan is already spent.
     */
    synchronized boolean whileActive(Runnable action) {
        if (state != State.ACTIVE) {
            return false;
        }
        action.run();
        return true;
    }

    /** Waits for the work queued so far, leaving the storage on the device. */
    public synchronized void await() {
        if (state == State.ACTIVE) {
            device.await();
        }
    }

    /** Waits for pending device work, copies back and returns ownership to the host; spends the loan. */
    public NdArray toHost() {
        end(State.RETURNED, "toHost()");
        return array;
    }

    /** Called by a host access that found the loan in its way. */
    void recall(String op) {
        end(State.RECALLED, op);
    }

    private synchronized void end(State how, String op) {
        if (state != State.ACTIVE) {
            return;
        }
        Storage st = array.storage;
        try {
            device.await();
            device.copyOut(memory, st.segment());
        } finally {
            release.run();
            memory = null;
            state = how;
            endedBy = (how == State.RETURNED ? "returned by " : "recalled by ") + "op '" + op + "' on thread '"
                    + Thread.currentThread().getName() + "'";
            st.loan = null;
            st.ledger.record("end loan", op, slot.lo(), slot.hi());
            st.ledger.release(slot);
        }
    }
}
