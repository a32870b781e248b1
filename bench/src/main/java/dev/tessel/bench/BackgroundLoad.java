package dev.tessel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU time that other processes used while a run measured: the machine's busy time (from
 * {@code /proc/stat}) less this process's own and that of its finished children (the JMH forks
 * and the NumPy peer, from {@code /proc/self/stat}). On a shared machine, a second core that
 * something else keeps busy halves a two-thread figure without any fault of the code measured,
 * so the report says how much there was.
 *
 * @param busyTicks the machine's busy clock ticks at the start
 * @param ownTicks this process's and its reaped children's ticks at the start
 * @param startNanos {@link System#nanoTime()} at the start
 */
record BackgroundLoad(long busyTicks, long ownTicks, long startNanos) {
    /** Clock ticks per second of {@code /proc}'s counters (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100;

    /** The counters now; null where {@code /proc} cannot be read (not Linux). */
    static BackgroundLoad start() {
        try {
            return new BackgroundLoad(busyTicks(Files.readString(Path.of("/proc/stat"))),
                    ownTicks(Files.readString(Path.of("/proc/self/stat"))), System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The report line for the time since {@link #start()}, if {@code /proc} can still be read. */
    Optional<String> line() {
        try {
            long busy = busyTicks(Files.readString(Path.of("/proc/stat"))) - busyTicks;
            long own = ownTicks(Files.readString(Path.of("/proc/self/stat"))) - ownTicks;
            return Optional.of(describe(busy - own, (System.nanoTime() - startNanos) / 1e9));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String describe(long otherTicks, double seconds) {
        double cpuSeconds = Math.max(0, otherTicks) / TICKS_PER_SECOND;
        return String.format(Locale.ROOT, "other work on this machine (processes, hypervisor steal) took %.2f"
                + " CPU-seconds during the run's %.0f s (%.0f%% of one core on average): multi-thread figures"
                + " are only as good as the cores it left free",
                cpuSeconds, seconds, seconds > 0 ? 100 * cpuSeconds / seconds : 0.0);
    }

    /** user + nice + system + irq + softirq + steal of the first ("cpu") line of {@code /proc/stat}. */
    static long busyTicks(String procStat) {
        String first = procStat.lines().findFirst().orElseThrow();
        String[] f = first.trim().split("\\s+");
        if (!f[0].equals("cpu")) {
            throw new IllegalArgumentException("/proc/stat does not start with the cpu line: " + first);
        }
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += i < f.length ? Long.parseLong(f[i]) : 0;
        }
        return busy;
    }

    /** utime + stime + cutime + cstime of {@code /proc/self/stat} (fields 14 to 17, after the command's closing parenthesis). */
    static long ownTicks(String selfStat) {
        String[] f = selfStat.substring(selfStat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field 14 is f[11].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
}
