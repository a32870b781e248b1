package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.reference.SimulatedDevice;
import dev.tessel.spi.DeviceTask;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceLoanTest {
    private final SimulatedDevice device = new SimulatedDevice();
    private Ownership.Restore settings = Ownership.override(OwnershipMode.FAIL, Duration.ofSeconds(5), false);

    @AfterEach
    void close() {
        device.close();
        settings.close();
    }

    /** Adds {@code k} to every float64 on the device, slowly, so the host really has to wait. */
    static DeviceTask addOnDevice(double k) {
        return mem -> {
            MemorySegment seg = ((SimulatedDevice.Memory) mem).segment();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (long i = 0; i < seg.byteSize() / 8; i++) {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, i) + k);
            }
        };
    }

    @Test
    void aLoanMovesOwnershipToTheDeviceAndBack() {
        NdArray a = Nd.arange(4, DType.FLOAT64);
        assertTrue(a.residence().isHost());
        DeviceLoan loan = a.to(device).submit(addOnDevice(10));
        assertSame(device, a.residence().device());
        assertEquals("device " + device.name(), a.residence().toString());
        assertSame(a, loan.toHost());
        assertEquals("host", a.residence().toString());
        assertArrayEquals(new double[] {10, 11, 12, 13}, a.toDoubleArray());
        assertEquals(1, device.tasksRun());
        OwnershipException e = assertThrows(OwnershipException.class, () -> loan.submit(addOnDevice(1)));
        assertEquals("device loan of storage #" + a.storage().id() + " to " + device.name() + " is spent: returned by op"
                + " 'toHost()' on thread '" + Thread.currentThread().getName() + "'; lend the array again with to(device)",
                e.getMessage());
    }

    @Test
    void hostAccessRecallsTheLoanAfterPendingWork() {
        NdArray a = Nd.zeros(DType.FLOAT64, 3);
        DeviceLoan loan = a.to(device).submit(addOnDevice(1)).submit(addOnDevice(2));
        assertEquals(3.0, a.getDouble(2), "the read waited for both tasks and copied back");
        assertTrue(a.residence().isHost());
        assertFalse(loan.isActive());
        OwnershipException e = assertThrows(OwnershipException.class, () -> loan.submit(addOnDevice(1)));
        assertTrue(e.getMessage().contains("is spent: recalled by op 'getDouble' on thread '"), e.getMessage());
    }

    @Test
    void hostWritesRecallTooAndViewsShareTheLoan() {
        NdArray a = Nd.zeros(DType.FLOAT64, 4);
        a.to(device).submit(addOnDevice(5));
        NdArray tail = OwnershipTest.slice(a, 2, 4);
        assertEquals(device, tail.residence().device(), "the whole storage is lent");
        tail.fill(-1);
        assertArrayEquals(new double[] {5, 5, -1, -1}, a.toDoubleArray());
    }

    @Test
    void lendingWhileTheHostHoldsALeaseConflicts() throws Exception {
        NdArray a = Nd.zeros(DType.FLOAT64, 4);
        try (var _ = new LeaseHolderThread("reader-1", a::read)) {
            OwnershipException e = assertThrows(OwnershipException.class, () -> a.to(device));
            assertTrue(e.getMessage().contains("device loan lease of op 'to(" + device.name() + ")'"), e.getMessage());
            assertTrue(e.getMessage().contains("overlaps the read lease of op 'read()' on thread 'reader-1'"), e.getMessage());
        }
        assertTrue(a.residence().isHost());
        a.to(device).toHost();
    }

    @Test
    void aScopeCannotFreeALentArray() {
        Scope s = Scope.open();
        NdArray a = Nd.ones(DType.FLOAT64, 2);
        a.to(device);
        OwnershipException e = assertThrows(OwnershipException.class, s::close);
        assertTrue(e.getMessage().contains("device loan lease of op 'to(" + device.name() + ")'"), e.getMessage());
        a.toHost();
        s.close();
        assertThrows(ClosedArrayException.class, () -> a.getDouble(0));
    }
}
