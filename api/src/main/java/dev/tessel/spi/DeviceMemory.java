package dev.tessel.spi;

/** A device allocation holding a lent storage's bytes. Opaque to the host; each device knows its own. */
public interface DeviceMemory {
    long byteSize();
}
