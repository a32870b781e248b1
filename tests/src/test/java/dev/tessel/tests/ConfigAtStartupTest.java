package dev.tessel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessel.Tessel;
import dev.tessel.spi.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bad setting fails the first use of Tessel with the configuration's own message, not a
 * wrapped service error. Each case runs in a fresh JVM, because the JVM's configuration is
 * read once.
 */
class ConfigAtStartupTest {
    /** Touches Tessel the way {@code args[0]} says and prints what was thrown, or "ok". */
    public static void main(String[] args) {
        try {
            if (args[0].equals("engine")) {
                Engines.current();
            } else {
                Tessel.info();
            }
            System.out.println("ok");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String firstUse(String how, String... props) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(props));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ConfigAtStartupTest.class.getName(), how));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    @Test
    void aBadValueFailsTheFirstOpWithItsMessage() throws Exception {
        assertEquals("ConfigException: Invalid configuration: tessel.cpu.threads = \"zero\" (from system property "
                + "-Dtessel.cpu.threads); accepted values: an integer from 1 to 1024",
                firstUse("engine", "-Dtessel.cpu.threads=zero"));
    }

    @Test
    void anUnknownKeyFailsInfo() throws Exception {
        String out = firstUse("info", "-Dtessel.ownership.timout=5s");
        assertEquals("ConfigException: Unknown configuration key: system property -Dtessel.ownership.timout; "
                + "did you mean tessel.ownership.timeout?", out.substring(0, out.indexOf(" Known keys:")));
    }

    @Test
    void goodSettingsStartNormally() throws Exception {
        assertEquals("ok", firstUse("engine", "-Dtessel.cpu.threads=3", "-Dtessel.backend=scalar"));
    }
}
