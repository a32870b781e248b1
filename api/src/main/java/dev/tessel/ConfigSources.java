package dev.tessel;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reading the JVM's properties, and the wording of configuration errors. */
final class ConfigSources {
    private ConfigSources() {
    }

    /** A snapshot of the system properties as strings. */
    static Map<String, String> systemProperties() {
        Map<String, String> out = new HashMap<>();
        Properties p = System.getProperties();
        for (String name : p.stringPropertyNames()) {
            out.put(name, p.getProperty(name));
        }
        return out;
    }

    static String badValue(ConfigKey<?> key, String raw, Config.Source source) {
        String where = source == Config.Source.PROPERTY ? "system property -D" + key.property()
                : "environment variable " + key.env();
        return "Invalid configuration: " + key.property() + " = \"" + raw + "\" (from " + where
                + "); accepted values: " + key.syntax().accepted();
    }

    static String unknownKey(String name) {
        StringBuilder sb = new StringBuilder("Unknown configuration key: system property -D" + name);
        ConfigKey<?> near = nearest(name);
        if (near != null) {
            sb.append("; did you mean ").append(near.property()).append('?');
        }
        sb.append(" Known keys: ");
        boolean first = true;
        for (ConfigKey<?> k : ConfigKey.all()) {
            sb.append(first ? "" : ", ").append(k.property());
            first = false;
        }
        return sb.toString();
    }

    /** The registered key closest to {@code name}, when it is within 3 edits. */
    private static ConfigKey<?> nearest(String name) {
        ConfigKey<?> best = null;
        int bestDistance = 4;
        for (ConfigKey<?> k : ConfigKey.all()) {
            int d = editDistance(name, k.property());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
