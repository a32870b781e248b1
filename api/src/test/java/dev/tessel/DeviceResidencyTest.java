package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.reference.SimulatedDevice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ops whose inputs are lent to one device run there ({@link DeviceRoute}): results are born on
 * the device, a chain moves each input in once and only what the host reads comes back.
 * Expected values are the same ops run on the host with the reference backend.
 */
class DeviceResidencyTest {
    private final SimulatedDevice device = new SimulatedDevice();
    private final Ownership.Restore settings = Ownership.override(OwnershipMode.FAIL, Duration.ofSeconds(5), false);

    @AfterEach
    void close() {
        device.close();
        settings.close();
    }

    private static NdArray data(double start, int n) {
        return Nd.linspace(start, start + 1, n);
    }

    @Test
    void aChainStaysOnTheDeviceWithTwoCopiesInAndOneOut() {
        NdArray a = data(-1, 1000);
        NdArray b = data(0.25, 1000);
        double[] expected = Nd.exp(a.add(b).mul(2.0)).toDoubleArray();
        a.to(device);
        b.to(device);
        NdArray c = Nd.exp(a.add(b).mul(2.0));
        assertSame(device, c.residence().device(), "the result is born on the device");
        assertEquals(2, device.copiesIn(), "a and b crossed once each");
        assertEquals(0, device.copiesOut(), "nothing came back before the host asked");
        // The device runs the reference loops; the host may run SIMD ones, 1 ulp apart for exp.
        assertArrayEquals(expected, c.toDoubleArray(), 1e-15 * 8);
        assertEquals(1, device.copiesOut(), "only c came back");
        assertEquals(3, device.tasksRun(), "all three ops ran on the device");
        assertEquals(2, device.copiesIn());
        assertTrue(c.residence().isHost());
        assertSame(device, a.residence().device(), "reading c leaves the inputs on the device");
    }

    @Test
    void residentOpsRecordTheirPlacement() {
        NdArray a = data(0, 64);
        a.to(device);
        NdArray c = a.mul(3.0);
        List<Placement> recent = Tessel.lastPlacements();
        Placement p = recent.getLast();
        assertEquals("multiply", p.op());
        assertEquals("sim", p.backend());
        assertEquals(device.name(), p.device());
        assertEquals(0L, p.bytesMoved());
        assertEquals(64, p.elements());
        assertEquals(DType.FLOAT64, p.dtype());
        assertArrayEquals(data(0, 64).mul(3.0).toDoubleArray(), c.toDoubleArray());
    }

    @Test
    void mixingLentAndHostArraysBringsTheLentOneHome() {
        NdArray a = data(0, 100);
        NdArray b = data(5, 100);
        double[] expected = a.sub(b).toDoubleArray();
        a.to(device);
        NdArray c = a.sub(b);
        assertTrue(c.residence().isHost());
        assertTrue(a.residence().isHost(), "the host path recalled a");
        assertEquals(1, device.copiesOut());
        assertArrayEquals(expected, c.toDoubleArray());
    }

    @Test
    void hostAccessToAResultWaitsForDeviceWorkAndTakesOwnershipBack() {
        NdArray a = data(1, 5000);
        a.to(device);
        NdArray c = a.add(a).add(a);
        assertSame(device, c.residence().device());
        assertEquals(3 * data(1, 5000).getDouble(4999), c.getDouble(4999), 1e-12);
        assertTrue(c.residence().isHost());
        assertSame(device, a.residence().device(), "a stays on the device");
    }

    @Test
    void whatTheDeviceCannotRunTakesTheHostPath() {
        NdArray a = data(0, 10);
        NdArray b = Nd.arange(10, DType.INT32);
        double[] expected = a.add(b).toDoubleArray();
        a.to(device);
        b.to(device);
        NdArray c = a.add(b); // int32 -> float64 needs a cast: not resident
        assertTrue(c.residence().isHost());
        assertTrue(a.residence().isHost());
        assertTrue(b.residence().isHost());
        assertArrayEquals(expected, c.toDoubleArray());
    }

    @Test
    void aResultCanFeedTheHostPathAfterComingHome() {
        NdArray a = data(0, 8);
        a.to(device);
        NdArray c = a.mul(2.0);
        NdArray host = Nd.ones(8);
        NdArray d = c.add(host);
        assertArrayEquals(data(0, 8).mul(2.0).add(1.0).toDoubleArray(), d.toDoubleArray());
        assertTrue(c.residence().isHost());
    }

    @Test
    void resultsNoOneBringsHomeGiveTheirDeviceMemoryBack() throws InterruptedException {
        NdArray a = data(0, 1000);
        a.to(device);
        for (int i = 0; i < 50; i++) {
            a.mul(2.0).add(1.0); // two results per round, both dropped
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (device.liveAllocations() > 1 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, device.liveAllocations(), "only a still holds device memory");
        assertArrayEquals(data(0, 1000).toDoubleArray(), a.toHost().toDoubleArray());
        assertEquals(0, device.liveAllocations());
    }

    @Test
    void aHostWriteToALentInputWaitsForTheOpsQueuedOnIt() {
        NdArray a = data(0, 4);
        a.to(device).submit(DeviceLoanTest.addOnDevice(10)); // slow: the host really has to wait
        NdArray c = a.mul(2.0);
        a.fill(0.0); // recalls a: waits for both tasks, copies back, then writes
        assertArrayEquals(new double[] {0, 0, 0, 0}, a.toDoubleArray());
        assertArrayEquals(data(0, 4).add(10.0).mul(2.0).toDoubleArray(), c.toDoubleArray());
    }
}
