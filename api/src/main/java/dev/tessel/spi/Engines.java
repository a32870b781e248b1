package dev.tessel.spi;

import java.util.ServiceLoader;

/** Finds the {@link Engine} once, through {@link ServiceLoader}. */
public final class Engines {
    private static volatile Engine engine;

    private Engines() {
    }

    /** The engine, or an error saying which dependency to add. */
    public static Engine current() {
        Engine e = engine;
        if (e == null) {
            // Configuration first: a bad setting fails with its own ConfigException here,
            // rather than wrapped in the ServiceConfigurationError of the engine's constructor.
            dev.tessel.Config.current();
            synchronized (Engines.class) {
                e = engine;
                if (e == null) {
                    e = ServiceLoader.load(Engine.class, Engines.class.getClassLoader()).findFirst()
                            .or(() -> ServiceLoader.load(Engine.class).findFirst())
                            .orElseThrow(() -> new IllegalStateException(
                                    "No Tessel engine found: add the dependency dev.tessel:tessel-scheduler "
                                            + "(artifact tessel-scheduler) to run operations on arrays"));
                    engine = e;
                }
            }
        }
        return e;
    }
}
