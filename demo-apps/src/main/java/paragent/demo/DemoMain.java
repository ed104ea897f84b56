package paragent.demo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Command-line entry point of {@code demo-apps.jar}.
 *
 * <pre>
 * java -jar demo-apps.jar NAME [--threads N | --processes N] [--variant bottleneck|fixed] [--scale F] [demo options]
 * java -jar demo-apps.jar NAME --help
 * java -jar demo-apps.jar --list
 * java -jar demo-apps.jar --help
 * </pre>
 *
 * <p>A run prints one line {@code NAME variant=V threads=N wallMillis=MS result=R} on stdout
 * ({@code processes=N} instead of {@code threads=N} in a process mode), then one
 * {@code metric.KEY=VALUE} line per extra metric, and exits 0. Bad arguments print one
 * line on stderr and exit {@value #EXIT_USAGE}; a demo that fails prints one line and exits
 * {@value #EXIT_FAILURE}; a demo that cannot run on this machine ({@link DemoUnavailableException})
 * prints its message, which says what to install, and exits {@value #EXIT_UNAVAILABLE}. Options take {@code --key value} or {@code --key=value}. Stateless.
 */
public final class DemoMain {

    /** Exit code for bad arguments. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a demo that failed while running. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a demo that cannot run here: a driver or device it needs is missing. */
    public static final int EXIT_UNAVAILABLE = 2;
    /** Worker threads when {@code --threads} is absent. */
    public static final int DEFAULT_THREADS = 4;
    /** Most worker threads accepted; far above anything useful on the machines we run. */
    public static final int MAX_THREADS = 4096;

    private static final String PROGRAM = "demo-apps";

    private DemoMain() {
    }

    /** Runs {@link #run} on the standard streams and exits with its code when non-zero. */
    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        System.out.flush();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Parses {@code args}, runs the demo they name and prints its outcome.
     *
     * @return the process exit code: 0, {@link #EXIT_USAGE}, {@link #EXIT_FAILURE} or {@link #EXIT_UNAVAILABLE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usageError(err, "missing demo name; try --list or --help");
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h")) {
            printUsage(out);
            return 0;
        }
        if (first.equals("--list")) {
            printList(out);
            return 0;
        }
        if (first.startsWith("-")) {
            return usageError(err, "expected a demo name before options, got " + first + "; try --help");
        }
        Optional<Demo> demo = Demos.byName(first);
        if (demo.isEmpty()) {
            return usageError(err, "unknown demo '" + first + "'; try --list");
        }
        DemoConfig config;
        try {
            config = parse(demo.get(), args);
        } catch (HelpRequested e) {
            printDemoUsage(demo.get(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        try {
            DemoResult result = demo.get().run(config);
            String workers = config.isProcessMode() ? " processes=" + config.processes() : " threads=" + config.threads();
            out.println(demo.get().name() + " variant=" + config.variant().cliName() + workers
                    + " wallMillis=" + result.wallMillis() + " result=" + result.result());
            result.metrics().forEach((key, value) -> out.println("metric." + key + "=" + value));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(PROGRAM + ": " + demo.get().name() + " interrupted");
            return EXIT_FAILURE;
        } catch (DemoUnavailableException e) {
            err.println(e.getMessage());
            return EXIT_UNAVAILABLE;
        } catch (RuntimeException e) {
            err.println(PROGRAM + ": " + demo.get().name() + " failed: " + e);
            return EXIT_FAILURE;
        }
    }

    /** Thrown by {@link #parse} when the demo's {@code --help} was asked for. */
    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    private static DemoConfig parse(Demo demo, String[] args) {
        int threads = DEFAULT_THREADS;
        Variant variant = Variant.BOTTLENECK;
        double scale = DemoConfig.DEFAULT_SCALE;
        int processes = 0;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options start with --");
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String inlineValue = eq < 0 ? null : arg.substring(eq + 1);
            DemoOption demoOption = findOption(demo, key);
            boolean isFlag = demoOption != null && demoOption.isFlag();
            String value;
            if (isFlag) {
                value = inlineValue == null ? "true" : inlineValue;
            } else if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            switch (key) {
                case "threads":
                    threads = parseInt("--threads", value, 1, MAX_THREADS);
                    break;
                case "variant":
                    variant = Variant.parse(value);
                    break;
                case "scale":
                    scale = parseScale(value);
                    break;
                case "processes":
                    if (!demo.supportsProcesses()) {
                        throw new IllegalArgumentException(demo.name() + " has no process mode; use --threads");
                    }
                    processes = parseInt("--processes", value, 1, MAX_THREADS);
                    break;
                default:
                    if (demoOption == null) {
                        throw new IllegalArgumentException("unknown option --" + key + " for " + demo.name()
                                + "; try " + demo.name() + " --help");
                    }
                    demoOption.validate(value);
                    options.put(key, value);
            }
        }
        return new DemoConfig(threads, variant, scale, options, processes);
    }

    private static DemoOption findOption(Demo demo, String key) {
        return demo.options().stream().filter(o -> o.name().equals(key)).findFirst().orElse(null);
    }

    private static int parseInt(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer from " + min + " to " + max + ", not '" + value + "'");
    }

    private static double parseScale(String value) {
        try {
            double scale = Double.parseDouble(value);
            if (scale > 0 && !Double.isInfinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--scale must be a positive number, not '" + value + "'");
    }

    private static int usageError(PrintStream err, String message) {
        err.println(PROGRAM + ": " + message);
        return EXIT_USAGE;
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: java -jar demo-apps.jar NAME [--threads N | --processes N] [--variant bottleneck|fixed]"
                + " [--scale F] [options]");
        out.println("       java -jar demo-apps.jar NAME --help    options of one demo");
        out.println("       java -jar demo-apps.jar --list         demos and their expected findings");
        out.println();
        out.println("Runs one demo: a fixed total amount of work (independent of --threads) on N worker threads,");
        out.println("then prints 'NAME variant=V threads=N wallMillis=MS result=R' and metric.KEY=VALUE lines.");
        out.println("Demos with a process mode run N worker JVMs instead with --processes N.");
        out.println();
        printCommonOptions(out);
        out.println();
        out.println("demos:");
        for (Demo demo : Demos.all()) {
            out.printf("  %-16s %s%n", demo.name(), demo.description());
        }
    }

    private static void printCommonOptions(PrintStream out) {
        out.println("common options:");
        out.printf("  %-34s %s%n", "--threads N", "worker threads (default " + DEFAULT_THREADS + ")");
        out.printf("  %-34s %s%n", "--variant bottleneck|fixed", "planted bottleneck or fixed (default bottleneck)");
        out.printf("  %-34s %s%n", "--scale F", "multiplies the total work (default 1.0)");
        out.printf("  %-34s %s%n", "--processes N", "worker JVMs instead of threads (demos with a process mode)");
    }

    private static void printDemoUsage(Demo demo, PrintStream out) {
        out.println("usage: java -jar demo-apps.jar " + demo.name() + " [common options] [demo options]");
        out.println(demo.description());
        DemoConfig defaults = DemoConfig.of(DEFAULT_THREADS, Variant.BOTTLENECK, DemoConfig.DEFAULT_SCALE);
        out.println("expected finding: " + demo.expectedFinding(defaults).describe());
        if (demo.supportsProcesses()) {
            out.println("process mode: with --processes N expects "
                    + demo.expectedFinding(defaults.withProcesses(DEFAULT_THREADS)).describe());
        }
        out.println();
        printCommonOptions(out);
        if (!demo.options().isEmpty()) {
            out.println();
            out.println("demo options:");
            demo.options().forEach(o -> out.println(o.usage()));
        }
    }

    private static void printList(PrintStream out) {
        DemoConfig defaults = DemoConfig.of(DEFAULT_THREADS, Variant.BOTTLENECK, DemoConfig.DEFAULT_SCALE);
        for (Demo demo : Demos.all()) {
            out.printf("%-16s %s%n", demo.name(), demo.description());
            ExpectedFinding expected = demo.expectedFinding(defaults);
            out.printf("%-16s expects %s%n", "", expected.describe());
            if (demo.supportsProcesses()) {
                out.printf("%-16s process mode: with --processes N expects %s%n", "",
                        demo.expectedFinding(defaults.withProcesses(DEFAULT_THREADS)).describe());
            }
            for (DemoOption option : demo.options()) {
                for (String choice : option.choices()) {
                    ExpectedFinding other = demo.expectedFinding(defaults.withOption(option.name(), choice));
                    if (!other.equals(expected)) {
                        out.printf("%-16s with --%s %s expects %s%n", "", option.name(), choice, other.describe());
                    }
                }
            }
        }
    }
}
