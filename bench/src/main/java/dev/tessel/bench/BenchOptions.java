package dev.tessel.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line. Without options it runs the quick set; {@code --full} widens
 * every axis; each of {@code --ops}, {@code --sizes}, {@code --dtypes}, {@code --threads},
 * {@code --backend} then narrows or replaces one axis (comma-separated values).
 *
 * <p>{@code --sizes} are element counts for the streaming ops; matmul's matrix sides come from
 * {@code --matmul-sizes}, because a matmul of side 1e6 is not a size anyone means.
 *
 * @param full whether the defaults are the full set rather than the quick one
 * @param ops ops to run, null for the set's default
 * @param sizes element counts, null for the default
 * @param matmulSizes matrix sides, null for the default
 * @param dtypes dtypes, null for the default
 * @param threads thread counts ({@code tessel.cpu.threads} of the benchmark JVMs), null for the default
 * @param backends backends, null for the default
 * @param include JMH regular expression naming other benchmarks to run (kernel, ownership),
 *     null for none; without {@code --ops} it replaces the catalogue's ops
 * @param out results folder, null for a dated folder under {@code bench/results/}
 * @param report a results folder whose report to write again from its files, or null
 * @param numpy whether to run the NumPy peer when python3 with NumPy is present
 * @param list whether to print the plan and stop
 * @param timing JMH iterations from {@code --timing}, null for the set's default
 */
record BenchOptions(boolean full, List<String> ops, List<Long> sizes, List<Long> matmulSizes, List<String> dtypes,
        List<Integer> threads, List<String> backends, String include, Path out, Path report, boolean numpy, boolean list, JmhTiming timing) {

    static final String USAGE = """
            usage: ./tessel bench [options] [-Dtessel.key=value ...]
              --full                 every op, dtype, size, backend and thread count (long)
              --ops add,exp,...      ops: %s
              --sizes 1e3,1e5,...    element counts for elementwise ops and reductions
              --matmul-sizes 256,... matrix sides for matmul
              --dtypes float32,...   float32, float64
              --threads 1,2,...      tessel.cpu.threads of the benchmark JVMs
              --backend scalar,simd  backends: scalar, simd, gpu
              --include REGEX        also run other JMH benchmarks whose names match
                                     (e.g. simd, ownership); alone, only those
              --out DIR              results folder (default: bench/results/<date-time>)
              --no-numpy             skip the NumPy peer
              --report DIR           write DIR's table, charts and report.md again
                                     from its run.json, jmh.json and numpy.json
              --list                 print the cases and stop
              --timing 5x500,5x300   JMH warm-up and measured iterations (count x ms)
            -Dtessel.* properties are passed to the benchmark JVMs.""";

    static BenchOptions parse(String... args) {
        boolean full = false;
        boolean numpy = true;
        boolean list = false;
        List<String> ops = null;
        List<Long> sizes = null;
        List<Long> matmulSizes = null;
        List<String> dtypes = null;
        List<Integer> threads = null;
        List<String> backends = null;
        String include = null;
        Path out = null;
        Path report = null;
        JmhTiming timing = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--full" -> full = true;
                case "--no-numpy" -> numpy = false;
                case "--list" -> list = true;
                case "--ops" -> ops = ops(value(args, i++, arg));
                case "--sizes" -> sizes = SizeFormat.parseList(value(args, i++, arg));
                case "--matmul-sizes" -> matmulSizes = SizeFormat.parseList(value(args, i++, arg));
                case "--dtypes" -> dtypes = oneOf("--dtypes", value(args, i++, arg), List.of("float32", "float64"));
                case "--threads" -> threads = threads(value(args, i++, arg));
                case "--backend", "--backends" -> backends = oneOf("--backend", value(args, i++, arg), List.of("scalar", "simd", "gpu"));
                case "--include" -> include = value(args, i++, arg);
                case "--out" -> out = Path.of(value(args, i++, arg));
                case "--report" -> report = Path.of(value(args, i++, arg));
                case "--timing" -> timing = timing(value(args, i++, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + usage());
            }
            if (arg.contains("=") && !name.equals(arg)) {
                i--; // the value was inline (--ops=add), not the next argument
            }
        }
        return new BenchOptions(full, ops, sizes, matmulSizes, dtypes, threads, backends, include, out, report, numpy, list, timing);
    }

    /** {@code 5x500,5x300}: five warm-up iterations of 500 ms, five measured ones of 300 ms. */
    static JmhTiming timing(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--timing takes WARMUPSxMS,ITERATIONSxMS (e.g. 5x500,5x300), got '" + text + "'");
        }
        int[] w = countTimesMillis(parts[0], text);
        int[] m = countTimesMillis(parts[1], text);
        return new JmhTiming(w[0], w[1], m[0], m[1]);
    }

    private static int[] countTimesMillis(String part, String text) {
        String[] cm = part.trim().split("x");
        try {
            int count = Integer.parseInt(cm[0]);
            int millis = Integer.parseInt(cm[1]);
            if (cm.length == 2 && count > 0 && millis > 0) {
                return new int[] {count, millis};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--timing takes WARMUPSxMS,ITERATIONSxMS with positive numbers (e.g. 5x500,5x300), got '"
                + text + "'");
    }

    static String usage() {
        return USAGE.formatted(String.join(", ", OpCatalog.all().stream().map(OpSpec::name).toList()));
    }

    private static String value(String[] args, int i, String arg) {
        int eq = arg.indexOf('=');
        if (eq >= 0) {
            return arg.substring(eq + 1);
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException("option " + arg + " needs a value");
        }
        return args[i + 1];
    }

    private static List<String> ops(String text) {
        List<String> ops = split(text, "--ops");
        ops.forEach(OpCatalog::get);
        return ops;
    }

    private static List<String> oneOf(String option, String text, List<String> allowed) {
        List<String> values = split(text, option);
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException(option + " value '" + v + "' is not one of " + String.join(", ", allowed));
            }
        }
        return values;
    }

    private static List<Integer> threads(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String v : split(text, "--threads")) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    counts.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--threads value '" + v + "' is not a positive integer");
        }
        return counts;
    }

    private static List<String> split(String text, String option) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one value");
        }
        return values;
    }
}
