package dev.tessel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines of the report that say what machine and JVM produced the numbers. */
final class MachineDescription {
    private MachineDescription() {}

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors available to the JVM");
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            lines.add(String.format(Locale.ROOT, "Memory: %.1f GiB", os.getTotalMemorySize() / (double) (1L << 30)));
        }
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        lines.add("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")");
        lines.add("SIMD: " + vectorShape());
        return lines;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | SecurityException e) {
            // not Linux: fall back to the architecture
        }
        return System.getProperty("os.arch");
    }

    private static String vectorShape() {
        try {
            return "preferred vector " + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() + " bits";
        } catch (LinkageError e) {
            return "unknown (jdk.incubator.vector not added to the runner JVM)";
        }
    }
}
