package paragent.demo.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-program overhead of the agent: runs each program on each side (without the agent, with it
 * at its defaults, with flame graphs), interleaved and in an order rotated every round so slow
 * drifts of the machine hit all sides alike, and prints Markdown tables of the medians, each agent
 * side's ratio against the side without, and the spread of per-round ratios. Every run with the
 * agent must print the same {@code result=} as the run without it in its round.
 *
 * <pre>
 * java -cp demo-apps/target/test-classes:demo-apps/target/demo-apps.jar paragent.demo.bench.OverheadHarness
 *      [--repeat N] [--warmup N] [--jdk JAVA_HOME]... [--programs a,b,demo@processes,h2,lucene,jetty,...]
 *      [--sides none,default,flame] [--threads N] [--scale F] [--threshold F] [--agent JAR]
 *      [--agent-options OPTS] [--demo-jar JAR] [--classes DIR] [--workload-classpath FILE]
 *      [--markdown FILE] [--csv FILE]
 * </pre>
 *
 * Run from the repository root (the default paths are relative to it). Exits 2 on bad arguments,
 * 1 if a child fails, 3 if a run with the agent printed another result than the run without.
 * Single-threaded: children run one at a time (see {@link ChildRunner}).
 */
public final class OverheadHarness {

    /** Measured pairs per program when {@code --repeat} is absent. */
    static final int DEFAULT_REPEAT = 10;
    /** Discarded pairs per program before the measured ones (class-data and page-cache warm-up). */
    static final int DEFAULT_WARMUP = 1;
    /** Worker threads of the demos. */
    static final int DEFAULT_THREADS = 2;
    /** Foreign CPU above this share of wall × CPUs flags a run as disturbed. */
    static final double DEFAULT_THRESHOLD = 0.10;
    /**
     * A program name ending in this ({@code pool@processes}) runs the demo's bottleneck variant on
     * {@code --threads} worker JVMs ({@link Program#processDemo}).
     */
    static final String PROCESSES_SUFFIX = "@processes";

    /** Sides compared when {@code --sides} is absent. */
    static final List<Side> DEFAULT_SIDES = List.of(Side.NONE, Side.DEFAULT);
    /** Exit status when the agent changed a program's printed result. */
    static final int EXIT_RESULT_MISMATCH = 3;

    /** Programs measured when {@code --programs} is absent. */
    static final List<String> DEFAULT_PROGRAMS = List.of("shared-counter", "gil", "montecarlo", "hello-world");
    /** Environment variable through which {@code bench/overhead.sh} reports how it was called. */
    static final String COMMAND_ENV = "PARAGENT_BENCH_COMMAND";

    private int repeat = DEFAULT_REPEAT;
    private int warmup = DEFAULT_WARMUP;
    private int threads = DEFAULT_THREADS;
    /** Multiplies the real workloads' default units ({@code --scale}); 1 for the documented runs. */
    private double scale = 1.0;
    private List<Side> sides = DEFAULT_SIDES;
    private double threshold = DEFAULT_THRESHOLD;
    private final List<Path> jdks = new ArrayList<>();
    private List<String> programNames = DEFAULT_PROGRAMS;
    private Path agentJar = Path.of("agent/target/paragent.jar");
    /** Agent options added after {@code out=...,quiet}, e.g. {@code flame=cpu+wall}; "" for the defaults. */
    private String agentOptions = "";
    private Path demoJar = Path.of("demo-apps/target/demo-apps.jar");
    private Path classes = Path.of("demo-apps/target/test-classes");
    /** The workloads' libraries, one class path line, written by demo-apps' build. */
    private Path workloadClassPath = Path.of("demo-apps/target/workload-classpath.txt");
    private Path markdownFile;
    private Path csvFile;

    private OverheadHarness() {
    }

    public static void main(String[] args) throws Exception {
        OverheadHarness harness = new OverheadHarness();
        try {
            harness.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("OverheadHarness: " + e.getMessage());
            System.exit(2);
        }
        try {
            if (!harness.run(args)) {
                System.exit(EXIT_RESULT_MISMATCH);
            }
        } catch (IOException e) {
            System.err.println("OverheadHarness: " + e.getMessage());
            System.exit(1);
        }
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(key + " needs a value (or is unknown)");
            }
            String value = args[++i];
            switch (key) {
                case "--repeat" -> repeat = positiveInt(key, value, 1);
                case "--warmup" -> warmup = positiveInt(key, value, 0);
                case "--threads" -> threads = positiveInt(key, value, 1);
                case "--threshold" -> threshold = Double.parseDouble(value);
                case "--scale" -> scale = positiveDouble(key, value);
                case "--sides" -> sides = Side.parseAll(value);
                case "--workload-classpath" -> workloadClassPath = Path.of(value);
                case "--jdk" -> jdks.add(Path.of(value));
                case "--programs" -> programNames = List.of(value.split(","));
                case "--agent" -> agentJar = Path.of(value);
                case "--agent-options" -> agentOptions = value;
                case "--demo-jar" -> demoJar = Path.of(value);
                case "--classes" -> classes = Path.of(value);
                case "--markdown" -> markdownFile = Path.of(value);
                case "--csv" -> csvFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + key);
            }
        }
        if (jdks.isEmpty()) {
            jdks.add(Path.of(System.getProperty("java.home")));
        }
        for (Path jdk : jdks) {
            if (!Files.isExecutable(java(jdk))) {
                throw new IllegalArgumentException("no executable bin/java under --jdk " + jdk);
            }
        }
        List<Path> requiredPaths = new ArrayList<>(List.of(agentJar, demoJar, classes));
        if (programNames.stream().anyMatch(Program.WORKLOADS::contains)) {
            requiredPaths.add(workloadClassPath);
        }
        for (Path required : requiredPaths) {
            if (!Files.exists(required)) {
                throw new IllegalArgumentException(required + " not found; build first (bench/overhead.sh does)");
            }
        }
    }

    private static int positiveInt(String key, String value, int min) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be an integer >= " + min + ", not '" + value + "'");
    }

    private static double positiveDouble(String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a number > 0, not '" + value + "'");
    }

    private List<Program> programs() throws IOException {
        List<Program> programs = new ArrayList<>();
        for (String name : programNames) {
            String jar = demoJar.toAbsolutePath().toString();
            if (Program.WORKLOADS.contains(name)) {
                programs.add(Program.workload(name, classes.toAbsolutePath() + File.pathSeparator
                        + Files.readString(workloadClassPath, StandardCharsets.UTF_8).strip(), threads, scale));
            } else if (name.equals("hello-world")) {
                programs.add(Program.helloWorld(classes.toAbsolutePath().toString()));
            } else if (name.endsWith(PROCESSES_SUFFIX)) {
                programs.add(Program.processDemo(name.substring(0, name.length() - PROCESSES_SUFFIX.length()), jar,
                        threads));
            } else {
                programs.add(Program.fixedDemo(name, jar, threads));
            }
        }
        return programs;
    }

    /** Measures and reports; false if the agent changed a printed result. */
    private boolean run(String[] args) throws IOException, InterruptedException {
        int cpus = ProcStat.machineCpus();
        ChildRunner runner = new ChildRunner(ProcStat.ticksPerSecond(), cpus, threshold);
        String command = System.getenv(COMMAND_ENV) != null ? System.getenv(COMMAND_ENV)
                : "java -cp demo-apps/target/test-classes:demo-apps/target/demo-apps.jar "
                        + OverheadHarness.class.getName() + " " + String.join(" ", args);

        StringBuilder md = new StringBuilder();
        md.append("## Agent overhead, ").append(Instant.now().toString(), 0, 16).append("Z\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- machine: ").append(cpus).append(" CPUs (/proc/stat), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" available to the JVM, ")
                .append(ProcStat.cpuModel()).append('\n');
        md.append(String.format(Locale.ROOT, "- %d warm-up + %d measured rounds per program, sides %s in an order"
                + " rotated each round; demos: --variant fixed --threads %d (demo@processes: --variant bottleneck"
                + " --processes %d); workloads: --threads %d --scale %s%n",
                warmup, repeat, sides.stream().map(s -> s.label).toList(), threads, threads, threads, scale));
        for (Side side : sides) {
            if (side.withAgent()) {
                String options = side.agentOptions(agentOptions);
                md.append(String.format(Locale.ROOT, "- side %s: -javaagent:%s=out=<fresh tmp dir>,quiet%s%n",
                        side.label, agentJar, options.isEmpty() ? "" : "," + options));
            }
        }
        md.append(String.format(Locale.ROOT, "- a run is disturbed when foreign CPU > %.0f%% of wall × %d CPUs%n",
                threshold * 100, cpus));

        StringBuilder csv = new StringBuilder(
                "jdk,program,side,round,processWallMillis,demoWallMillis,cpuMillis,foreignCpuMillis,disturbed,result\n");
        List<String> mismatches = new ArrayList<>();
        Path scratch = Files.createTempDirectory("paragent-bench");
        try {
            for (Path jdk : jdks) {
                String version = javaVersion(jdk);
                System.err.println("== " + jdk + ": " + version.lines().findFirst().orElse(""));
                List<RunSample> samples = measure(jdk, runner, scratch);
                md.append("\n### ").append(jdk).append("\n\n```\n").append(version.strip()).append("\n```\n\n");
                md.append(OverheadReport.markdown(samples));
                for (String mismatch : OverheadReport.resultMismatches(samples)) {
                    mismatches.add(jdk + ": " + mismatch);
                }
                for (RunSample s : samples) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%d,%.0f,%.0f,%b,\"%s\"%n", jdk, s.program(),
                            s.side().label, s.pair(), s.processWallMillis(), s.demoWallMillis(), s.cpuMillis(),
                            s.foreignCpuMillis(), s.disturbed(), s.result()));
                }
            }
        } finally {
            deleteRecursively(scratch);
        }
        if (!mismatches.isEmpty()) {
            md.append("\n**RESULT MISMATCH: the agent changed what a program printed.**\n\n");
            mismatches.forEach(m -> md.append("- ").append(m).append('\n'));
        }
        System.out.print(md);
        if (markdownFile != null) {
            Files.writeString(markdownFile, md, StandardCharsets.UTF_8);
        }
        if (csvFile != null) {
            Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        }
        for (String mismatch : mismatches) {
            System.err.println("OverheadHarness: RESULT MISMATCH " + mismatch);
        }
        return mismatches.isEmpty();
    }

    private List<RunSample> measure(Path jdk, ChildRunner runner, Path scratch)
            throws IOException, InterruptedException {
        List<Program> programs = programs();
        List<RunSample> samples = new ArrayList<>();
        for (int rep = -warmup; rep < repeat; rep++) {
            for (Program program : programs) {
                for (Side side : Side.order(sides, rep)) {
                    RunSample s = runOnce(jdk, runner, scratch, program, side, rep);
                    System.err.printf(Locale.ROOT, "%-10s %-14s %-8s wall %6.0f ms  demo %5s ms  cpu %6.0f ms"
                            + "  foreign %5.0f ms%s%n", rep < 0 ? "warm-up" : "round " + (rep + 1) + "/" + repeat,
                            program.name(), side.label, s.processWallMillis(),
                            s.demoWallMillis() < 0 ? "-" : Long.toString(s.demoWallMillis()), s.cpuMillis(),
                            s.foreignCpuMillis(), s.disturbed() ? "  DISTURBED" : "");
                    if (rep >= 0) {
                        samples.add(s);
                    }
                }
            }
        }
        return samples;
    }

    private RunSample runOnce(Path jdk, ChildRunner runner, Path scratch, Program program, Side side,
            int pair) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java(jdk).toString());
        Path out = null;
        if (side.withAgent()) {
            out = Files.createTempDirectory(scratch, "out");
            String options = side.agentOptions(agentOptions);
            command.add("-javaagent:" + agentJar.toAbsolutePath() + "=out=" + out + ",quiet"
                    + (options.isEmpty() ? "" : "," + options));
        }
        command.addAll(program.javaArgs());
        try {
            return runner.run(program, side, pair, command, scratch);
        } finally {
            if (out != null) {
                deleteRecursively(out);
            }
        }
    }

    private static Path java(Path jdk) {
        return jdk.resolve("bin").resolve("java");
    }

    private static String javaVersion(Path jdk) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(jdk).toString(), "-version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
