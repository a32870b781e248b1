/**
 * Tessel's engine: places each op on a backend, splits its work into cache-sized tiles and
 * runs them over one JVM-wide worker pool within the {@code tessel.cpu.threads} budget.
 */
module dev.tessel.scheduler {
    requires dev.tessel;

    uses dev.tessel.spi.Backend;

    provides dev.tessel.spi.Engine with dev.tessel.scheduler.Scheduler;
}
