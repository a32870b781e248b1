package dev.tessel.scheduler;

import dev.tessel.Config;
import java.util.HashMap;
import java.util.Map;

/** Configurations for tests, from {@code key, value} pairs given as system properties. */
final class Configs {
    private Configs() {
    }

    static Config of(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Config.of(m, Map.of());
    }

    static Scheduler engine(int threads, String... kv) {
        String[] all = new String[kv.length + 2];
        all[0] = "tessel.cpu.threads";
        all[1] = Integer.toString(threads);
        System.arraycopy(kv, 0, all, 2, kv.length);
        return Scheduler.of(of(all), java.util.List.of(TestBackend.host("fast", 10)));
    }
}
