package dev.tessel;

import dev.tessel.spi.Device;

/**
 * Where an array's storage lives now: on the host, or lent to a device (which then owns it
 * exclusively). {@code device} is null on the host.
 */
public record Residence(Device device) {
    /** The host owns the storage. */
    public static final Residence HOST = new Residence(null);

    public boolean isHost() {
        return device == null;
    }

    @Override
    public String toString() {
        return device == null ? "host" : "device " + device.name();
    }
}
