package dev.tessel.bench;

import dev.tessel.ConfigException;
import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.OwnershipException;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import dev.tessel.Ufunc;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./tessel demo}: a short tour that creates arrays, runs ops, and prints each result
 * with where it ran (backend, threads, tiles), ending with an ownership conflict caught.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run() throws Exception {
        System.out.println("== Arrays");
        NdArray a = Nd.arange(12, DType.FLOAT32).reshape(3, 4);
        System.out.println("a = Nd.arange(12, FLOAT32).reshape(3, 4)\n" + a);
        System.out.println("a.slice(\"::2, ::-1\")\n" + a.slice("::2, ::-1"));

        System.out.println("\n== Ufuncs, broadcasting and reductions");
        show("a.add(Nd.arange(4, FLOAT32))", () -> a.add(Nd.arange(4, DType.FLOAT32)));
        show("a.mul(0.5f)  (a Java scalar does not widen float32)", () -> a.mul(0.5));
        show("Ufunc.of(\"logaddexp\").call(a, a)", () -> Ufunc.of("logaddexp").call(a, a));
        show("a.sum(0)", () -> a.sum(0));
        show("a.argmax(1)", () -> a.argmax(1));

        System.out.println("\n== Big enough to be split across threads");
        NdArray x = Nd.random(42).uniform(0, 1, DType.FLOAT32, 2_000_000);
        show("Nd.exp(x).sum() for 2,000,000 float32", () -> Nd.exp(x).sum());
        NdArray m = Nd.random(7).normal(0, 1, DType.FLOAT64, 256, 256);
        show("m.matmul(m.T()).shape for 256x256 float64", () -> Nd.array(m.matmul(m.T()).shape()));

        System.out.println("\n== Ownership: a writer excludes other threads");
        NdArray shared = Nd.zeros(DType.FLOAT64, 4);
        try (var w = shared.write()) {
            Thread other = new Thread(() -> {
                try {
                    shared.add(1.0);
                } catch (OwnershipException e) {
                    System.out.println("another thread reading it gets OwnershipException:\n  " + e.getMessage());
                }
            }, "demo-reader");
            other.start();
            other.join();
        }
        System.out.println("after the lease closes: " + shared.add(1.0));
    }

    private static void show(String what, Supplier<NdArray> op) {
        NdArray r = op.get();
        System.out.println(what + "\n" + r);
        List<Placement> placements = Tessel.lastPlacements();
        if (!placements.isEmpty()) {
            System.out.println("  ran: " + placements.getLast());
        }
    }
}
