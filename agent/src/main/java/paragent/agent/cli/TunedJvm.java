package paragent.agent.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs an analysis of large recordings in a JVM set up for one short batch job. A JVM's defaults
 * suit a long-running server: the G1 collector, and C2 compiling the hot code again after C1. An
 * analysis of tens or hundreds of MB ends before C2's work pays off, and on a machine with few
 * cores the compiler threads and G1's barriers take CPU from the two threads that read the file
 * (docs/PERFORMANCE.md, "Analyzer: a JVM tuned for the batch"). A jar cannot choose its JVM's
 * flags, so {@code java -jar paragent.jar report BIG.jfr} starts a second JVM, with the same JVM
 * options plus {@link #FLAGS}, on the same jar and arguments, hands it the terminal and exits
 * with its exit code.
 *
 * <p>It does so only for {@link #COMMANDS}, when the existing files among the arguments add up to
 * at least {@link #MIN_BYTES}, when the user chose neither a collector nor a compilation mode,
 * when the CLI runs from a jar, and not in the JVM it started ({@link #TUNED}).
 * {@code -Dparagent.tune=false} turns it off. Any failure to start the second JVM leaves the
 * analysis in this one. Called once, from {@code main}, before anything else; not thread-safe.
 */
final class TunedJvm {

    /** The commands that read whole recordings. */
    static final Set<String> COMMANDS = Set.of("report", "summary");
    /** Input below this size is analyzed in place: a second JVM's start would cost what it saves. */
    static final long MIN_BYTES = 8L << 20;
    /** The second JVM's collector: the throughput one. */
    static final String PARALLEL_GC = "-XX:+UseParallelGC";
    /** The second JVM's compilation: C1 only. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** The flags the second JVM gets. */
    static final List<String> FLAGS = List.of(PARALLEL_GC, C1_ONLY);
    /** The system property that marks the second JVM, which analyzes in place. */
    static final String TUNED = "paragent.tuned";
    /** The system property that turns the hand-over off when {@code false}. */
    static final String TUNE = "paragent.tune";

    private TunedJvm() {
    }

    /**
     * Runs {@code args} in a tuned JVM when that is worth it.
     *
     * @return the tuned JVM's exit code, or empty when the analysis is to run in this JVM
     */
    static Optional<Integer> run(String[] args) {
        try {
            if (System.getProperty(TUNED) != null || "false".equals(System.getProperty(TUNE))) {
                return Optional.empty();
            }
            // The cheap tests first: most commands and small input never read this JVM's options.
            long bytes = inputBytes(args);
            Path jar = wanted(args, bytes) ? jar() : null;
            if (jar == null) {
                return Optional.empty();
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Optional<List<String>> command = command(java, jar,
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), args, bytes);
            if (command.isEmpty()) {
                return Optional.empty();
            }
            Process child = start(command.get());
            return child == null ? Optional.empty() : Optional.of(waitFor(child));
        } catch (RuntimeException e) {
            return Optional.empty(); // analyze here, as without the hand-over
        }
    }

    /**
     * The tuned JVM's command line, or empty when {@code args} should run here.
     *
     * @param jvmOptions this JVM's own options, passed on
     * @param inputBytes the size of the files among {@code args}
     */
    static Optional<List<String>> command(Path java, Path jar, List<String> jvmOptions, String[] args,
            long inputBytes) {
        if (!wanted(args, inputBytes)) {
            return Optional.empty();
        }
        List<String> flags = new ArrayList<>();
        boolean collectorChosen = false;
        boolean compilationChosen = false;
        for (String option : jvmOptions) { // no lambdas here: their first use costs this JVM ~30 ms
            collectorChosen |= choosesCollector(option);
            compilationChosen |= choosesCompilation(option);
        }
        if (!collectorChosen) {
            flags.add(PARALLEL_GC);
        }
        if (!compilationChosen) {
            flags.add(C1_ONLY);
        }
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(flags);
        command.add("-D" + TUNED + "=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** Whether {@code args} is a command that reads recordings, and they are large enough. */
    private static boolean wanted(String[] args, long inputBytes) {
        return args.length > 0 && COMMANDS.contains(args[0]) && inputBytes >= MIN_BYTES;
    }

    private static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    private static boolean choosesCompilation(String option) {
        return option.startsWith("-XX:TieredStopAtLevel") || option.contains("TieredCompilation")
                || option.equals("-Xint") || option.equals("-Xcomp");
    }

    /** The total size of the arguments that name existing regular files. */
    static long inputBytes(String[] args) {
        long bytes = 0;
        for (int i = 1; i < args.length; i++) {
            try {
                Path path = Path.of(args[i]);
                if (Files.isRegularFile(path)) {
                    bytes += Files.size(path);
                }
            } catch (IOException | RuntimeException e) {
                // not a file: an option or an output name
            }
        }
        return bytes;
    }

    /** The jar this class was loaded from, or null when it was not a jar (tests, an IDE). */
    private static Path jar() {
        try {
            CodeSource source = TunedJvm.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Starts the command on this terminal; null when it cannot be started. */
    private static Process start(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // This JVM's options already hold what these variables added to it; the child gets them
        // once, from its command line.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits for the child. A signal that ends this JVM ends the child too (and waits a little for
     * it), so that it finishes or removes its temporary files the way it would alone.
     */
    private static int waitFor(Process child) {
        Thread stopChild = new Thread(new StopChild(child), "paragent-tuned-jvm");
        try {
            Runtime.getRuntime().addShutdownHook(stopChild);
        } catch (IllegalStateException e) {
            child.destroy(); // this JVM is already exiting
        }
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return Main.EXIT_FAILED;
        }
    }

    /** Ends the child when this JVM is ended, and waits a little for it. */
    private static final class StopChild implements Runnable {
        private final Process child;

        StopChild(Process child) {
            this.child = child;
        }

        @Override
        public void run() {
            child.destroy();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
