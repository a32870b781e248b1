package dev.tessel.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tessel.reference.ReferenceBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendCatalogTest {
    @Test
    void withoutBackendModulesOnlyTheReferenceIsUsableAndTheKnownOnesSayWhatToAdd() {
        // This module's tests see no backend module: discovery finds none.
        BackendCatalog c = BackendCatalog.discover();
        assertEquals(List.of(ReferenceBackend.INSTANCE), c.usable());
        assertEquals(List.of("gpu", "simd"), List.copyOf(c.missing().keySet()));
        assertEquals("not on the module or class path: add the dependency dev.tessel:tessel-cpu-simd and run with "
                + "--add-modules jdk.incubator.vector", c.missing().get("simd"));
        assertEquals("not on the module or class path: add the dependency dev.tessel:tessel-gpu and install "
                + "TornadoVM (set TORNADOVM_HOME)", c.missing().get("gpu"));
        assertSame(ReferenceBackend.INSTANCE, c.bestHost());
        assertEquals(null, c.bestDevice());
    }

    @Test
    void usableBackendsAreOrderedByPriority() {
        TestBackend low = TestBackend.host("low", 1);
        TestBackend high = TestBackend.host("high", 30);
        TestBackend gpu = TestBackend.gpu();
        BackendCatalog c = BackendCatalog.of(List.of(low, gpu, high));
        assertEquals(List.of(high, gpu, low, ReferenceBackend.INSTANCE), c.usable());
        assertSame(high, c.bestHost());
        assertSame(gpu, c.bestDevice());
    }
}
