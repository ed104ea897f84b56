package paragent.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every {@link InstrumentedPath}'s benchmark without and with {@code -javaagent} in one
 * invocation and prints the Markdown table of {@link OverheadTable}.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar [--agent JAR] [--agent-options OPTS] [--only id,id,...]
 *      [--markdown FILE] [JMH options: -f ROUNDS -wi N -i N -w TIME -r TIME -jvm JAVA -v EXTRA ...]
 * </pre>
 *
 * <p>Each fork is one JMH run of one benchmark on one side. {@code -f N} makes N rounds; a round
 * runs every path once without and once with the agent, the order inside a pair alternating from
 * path to path and from round to round (A B, B A, ...), so a slow drift of the machine falls on
 * both sides alike. The agent runs as {@code out=<temp dir>,quiet,jfr} plus {@code --agent-options};
 * the recordings are deleted at the end. Run from the repository root (the default agent path is
 * relative to it). Exits 2 on bad arguments, 1 if a benchmark fails. Single-threaded.
 */
public final class AgentOverhead {

    /** Rounds when {@code -f} is absent. */
    static final int DEFAULT_ROUNDS = 3;
    /** Environment variable through which {@code bench/jmh.sh} reports how it was called. */
    static final String COMMAND_ENV = "PARAGENT_JMH_COMMAND";

    private Path agentJar = Path.of("agent/target/paragent.jar");
    private String agentOptions = "";
    private List<InstrumentedPath> paths = List.of(InstrumentedPath.values());
    private Path markdown;
    private CommandLineOptions jmh;

    private AgentOverhead() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException, RunnerException {
        AgentOverhead runner = new AgentOverhead();
        try {
            runner.parse(args);
        } catch (IllegalArgumentException | CommandLineOptionException e) {
            System.err.println("paragent bench: " + e.getMessage());
            System.exit(2);
        }
        System.exit(runner.run());
    }

    private void parse(String[] args) throws CommandLineOptionException {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agentJar = Path.of(value(args, ++i));
                case "--agent-options" -> agentOptions = value(args, ++i);
                case "--markdown" -> markdown = Path.of(value(args, ++i));
                case "--only" -> paths = Arrays.stream(value(args, ++i).split(",")).map(AgentOverhead::path).toList();
                default -> rest.add(args[i]);
            }
        }
        jmh = new CommandLineOptions(rest.toArray(String[]::new));
        if (!jmh.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("benchmark patterns are not taken; use --only " + ids());
        }
        if (jmh.getForkCount().orElse(DEFAULT_ROUNDS) < 1) {
            throw new IllegalArgumentException("-f must be at least 1: the agent needs a forked JVM");
        }
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalArgumentException("no agent jar at " + agentJar + " (build it, or give --agent)");
        }
    }

    private int run() throws IOException, RunnerException {
        int rounds = jmh.getForkCount().orElse(DEFAULT_ROUNDS);
        Path outDir = Files.createTempDirectory("paragent-jmh");
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        Map<InstrumentedPath, Scores> without = new EnumMap<>(InstrumentedPath.class);
        Map<InstrumentedPath, Scores> with = new EnumMap<>(InstrumentedPath.class);
        try {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < paths.size(); i++) {
                    InstrumentedPath path = paths.get(i);
                    boolean agentFirst = (round + i) % 2 == 1;
                    for (boolean agent : agentFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        Scores scores = (agent ? with : without).computeIfAbsent(path, p -> new Scores());
                        measure(path, agent, outDir, scores);
                        System.err.printf(Locale.ROOT, "round %d/%d  %-26s %-13s %s ns/op (%d iterations)%n",
                                round + 1, rounds, path.id(), agent ? "with agent" : "without agent",
                                OverheadTable.format(scores.mean()), scores.count());
                    }
                }
            }
        } catch (RunnerException e) {
            System.err.println("paragent bench: a benchmark failed: " + e.getMessage());
            return 1;
        } finally {
            deleteTree(outDir);
        }
        List<PathResult> results = paths.stream()
                .map(p -> new PathResult(p, without.get(p), with.get(p))).toList();
        String report = header(rounds, started, loadBefore) + "\n" + OverheadTable.markdown(results);
        new PrintStream(System.out, true, StandardCharsets.UTF_8).print(report);
        if (markdown != null) {
            Files.writeString(markdown, report);
        }
        return 0;
    }

    /** One forked JMH run of {@code path}'s benchmark; adds its measured iterations to {@code scores}. */
    private void measure(InstrumentedPath path, boolean agent, Path outDir, Scores scores) throws RunnerException {
        List<String> appended = new ArrayList<>(jmh.getJvmArgsAppend().orElse(List.of()));
        if (agent) {
            appended.add("-javaagent:" + agentJar.toAbsolutePath() + "=out=" + outDir + ",quiet,jfr"
                    + (agentOptions.isEmpty() ? "" : "," + agentOptions));
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh)
                .include("^" + Pattern.quote(path.benchmark.getName()) + "\\.")
                .forks(1)
                .verbosity(jmh.verbosity().orElse(VerboseMode.SILENT))
                .shouldFailOnError(true)
                .jvmArgsAppend(appended.toArray(String[]::new));
        Collection<RunResult> runs = new Runner(options.build()).run();
        if (runs.isEmpty()) {
            throw new RunnerException("no result for " + path.benchmark.getName());
        }
        for (RunResult run : runs) {
            for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
                benchmark.getIterationResults().forEach(iteration -> scores.add(iteration, path.scoreLabel));
            }
        }
    }

    private String header(int rounds, Instant started, String loadBefore) {
        String command = System.getenv(COMMAND_ENV);
        return "- command: `" + (command != null ? command : "java -jar bench/target/benchmarks.jar ...") + "`\n"
                + "- started " + started + ", " + rounds + " round(s), each path once without and once with the agent"
                + " per round, order alternating\n"
                + "- forked JVM: " + jmh.getJvm().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString()) + " (runner on " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version") + ")\n"
                + "- agent: `-javaagent:" + agentJar + "=out=<temp dir>,quiet,jfr"
                        + (agentOptions.isEmpty() ? "" : "," + agentOptions) + "`\n"
                + "- CPUs: " + Runtime.getRuntime().availableProcessors() + "; load average before: " + loadBefore
                        + ", after: " + loadAverage() + "\n";
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static InstrumentedPath path(String id) {
        return Arrays.stream(InstrumentedPath.values()).filter(p -> p.id().equals(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown path '" + id + "'; known: " + ids()));
    }

    private static String ids() {
        return String.join(",", Arrays.stream(InstrumentedPath.values()).map(InstrumentedPath::id).toList());
    }
}
