/**
 * Tessel's array model, ufunc catalogue, ownership model, {@code .npy} I/O, the backend SPI
 * and the scalar reference backend. Free of incubator and TornadoVM imports.
 */
module dev.tessel {
    exports dev.tessel;
    exports dev.tessel.spi;
    exports dev.tessel.reference;

    uses dev.tessel.spi.Backend;
    uses dev.tessel.spi.Engine;
}
