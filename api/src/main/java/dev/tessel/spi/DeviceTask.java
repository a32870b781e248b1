package dev.tessel.spi;

/** Work a device runs on the memory of a lent storage (a kernel launch, for a real device). */
@FunctionalInterface
public interface DeviceTask {
    void run(DeviceMemory memory);
}
