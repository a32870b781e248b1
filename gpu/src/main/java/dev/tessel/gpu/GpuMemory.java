package dev.tessel.gpu;

import dev.tessel.spi.DeviceMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The memory of one storage lent to a {@link GpuDevice}: the device's copy of the lent bytes,
 * kept on the host side between chains. A chain copies what it reads into its plan's buffers,
 * which TornadoVM sends to the device, and copies what it wrote back here.
 */
final class GpuMemory implements DeviceMemory {
    final MemorySegment bytes;

    GpuMemory(MemorySegment host) {
        this.bytes = Arena.ofAuto().allocate(Math.max(1, host.byteSize()), 64).asSlice(0, host.byteSize());
        MemorySegment.copy(host, 0, bytes, 0, host.byteSize());
    }

    @Override
    public long byteSize() {
        return bytes.byteSize();
    }
}
